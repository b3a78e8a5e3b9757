import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { londonInstant } from '#core/calendar/london-time.js';
import { overdueReminderAt, remindersBefore } from '#core/chasing/action-reminders.js';
import { raiseActionReminders } from '#core/chasing/raise-action-reminders.js';
import type { AgendaView } from '#core/contracts/agenda-api.js';
import type { OverdueActions, TwelveMonthCases } from '#core/contracts/chasing-api.js';
import type { MeetingAction } from '#core/contracts/meeting-api.js';
import type { NotifyJob } from '#core/ports/store.js';
import { addMonths } from '#core/shared/local-date-months.js';
import { sendActionReminder } from '../../../bot/src/notify/action-reminders.js';
import { DEFAULT_ACTION_CHASING } from '../../../bot/src/store/sql-action-chasing.js';
import { startApp } from '../../support/start-app.js';
import {
  errorOf,
  json,
  meetingUnderWay,
  post,
  put,
  type MeetingFixture,
} from '../meeting-run/record-fixture.js';

/**
 * Chasing after the meeting (issue #11) over the real app and store (PGlite): the coordinator's
 * overdue list and who may read it, the next meeting's agenda review, an owner marking an action
 * done or ended (POST /api/actions/{id}/update) removing it from both, and the reminders: once per reminder time and rep, also
 * across a restart on the same data, never once the action is done, by mail when the bot cannot
 * reach the rep, and never with a name or the action's words. Every person here is invented.
 */
let f: MeetingFixture;
let nextMeetingId: string;
let area: Parameters<typeof remindersBefore>[1];
let references: Record<string, string>;
let policeReps: string[];
const actions: Record<'flag' | 'visit' | 'plan' | 'chased', MeetingAction> = {} as never;

const WORDS = {
  flag: 'Flag the address for an urgent response',
  visit: 'Joint visit with the school nurse',
  plan: 'Safety plan review at the refuge',
  chased: 'Check bail conditions with the custody team',
};
const OWNER_PERSON = 'PC Hollis Brandreth';

const count = async (sql: string, params: unknown[] = []) =>
  (await f.app.db.query<{ n: number }>(sql, params)).rows[0]!.n;
const audits = (action: string) =>
  count('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action]);
const at = (days: number, time: string) => londonInstant(f.day(days), time);

async function record(
  key: keyof typeof WORDS,
  referralId: string,
  ownerAgencyId: string,
  days: number,
  time: string,
) {
  actions[key] = await json<MeetingAction>(
    f.as.chair(
      `/api/meetings/${f.meetingId}/run/cases/${referralId}/actions`,
      post({
        ownerAgencyId,
        ownerPerson: OWNER_PERSON,
        what: WORDS[key],
        dueDate: f.day(days),
        dueTime: time,
        risk: 'Further assault at the home address',
        urgent: null,
      }),
    ),
  );
}

const overdue = async () =>
  json<OverdueActions>(f.as.coordinator(`/api/areas/${f.areaId}/actions/overdue`));
const reviewLines = async () => {
  const view = await json<AgendaView>(f.as.coordinator(`/api/meetings/${nextMeetingId}/agenda`));
  const section = view.agenda!.sections.find((s) => s.kind === 'actions-review')!;
  return (section as { actions: { reference: string; agency: string; action: string }[] }).actions;
};
/** The owner agency's rep says what happened, as the tab and the action card do. */
const done = (key: keyof typeof WORDS, who: 'police' | 'childrens', outcome: 'done' | 'cannot') =>
  json(
    f.as[who](
      `/api/actions/${actions[key].id}/update`,
      post(
        outcome === 'done'
          ? { outcome: 'done', note: 'Done and recorded', version: actions[key].version }
          : {
              outcome: 'cannot',
              reason: 'She moved out of the area',
              version: actions[key].version,
            },
        randomUUID(),
      ),
    ),
  );
const raise = () => raiseActionReminders({ uow: f.app.services.uow, clock: f.app.services.clock });
/** The reminder jobs of one action in the outbox, as `reminder person by`. */
async function jobsOf(key: keyof typeof WORDS): Promise<string[]> {
  const rows = await f.app.db.query<{ payload: Record<string, string> }>(
    `SELECT payload FROM outbox WHERE kind = 'notify.action-reminder' AND payload->>'actionId' = $1`,
    [actions[key].id],
  );
  return rows.rows.map(({ payload: p }) => `${p.reminder} ${p.personId} ${p.by}`).sort();
}
/** What the bot left in Teams about actions (the local outbox), by recipient. */
function teamsReminders(): { to: string; text: string }[] {
  const dir = path.join(f.app.dataDir, 'outbox', 'teams');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Record<string, string>)
    .filter((a) => a.text?.startsWith('MARAC action'))
    .map((a) => ({ to: a.recipientPersonId!, text: a.text! }));
}

beforeAll(async () => {
  f = await meetingUnderWay();
  nextMeetingId = (
    await f.app.db.query<{ meeting_id: string }>('SELECT meeting_id FROM referral WHERE id = $1', [
      f.otherMeetingCase,
    ])
  ).rows[0]!.meeting_id;
  area = (await f.store((repos) => repos.areas.get(f.areaId)))!;
  const cases = await f.store((repos) => repos.meetingRun.cases(f.meetingId));
  references = Object.fromEntries(cases.map((c) => [c.referralId, c.reference]));
  policeReps = await f.store((repos) => repos.actionChasing.agencyReps(f.areaId, f.police));
  await record('flag', f.adult, f.police, 2, '10:00');
  await record('visit', f.withChildren, f.childrens, 9, '16:00');
  await record('plan', f.withChildren, f.police, 60, '12:00');
}, 180_000);
afterAll(() => f.app.stop());

describe('the overdue list', () => {
  it('is empty while nothing is past its due time', async () => {
    await f.setNow(at(2, '09:59'));
    expect((await overdue()).actions).toEqual([]);
  });

  it('lists an action not done by its due time: agency, reference, action, due, days overdue', async () => {
    await f.setNow(at(5, '12:00'));
    const before = await audits('actions.overdue.read');
    const list = await overdue();
    expect(list.today).toBe(f.day(5));
    expect(list.actions).toEqual([
      expect.objectContaining({
        id: actions.flag.id,
        reference: references[f.adult],
        agencyId: f.police,
        agencyName: expect.stringMatching(/Police/),
        what: WORDS.flag,
        dueDate: f.day(2),
        dueTime: '10:00',
        daysOverdue: 3,
        status: 'open',
      }),
    ]);
    // The action's words are case data: each read is audited.
    expect(await audits('actions.overdue.read')).toBe(before + 1);
  });

  it('sorts the most overdue first', async () => {
    await f.setNow(at(11, '09:00'));
    const list = await overdue();
    expect(list.actions.map((a) => [a.id, a.daysOverdue])).toEqual([
      [actions.flag.id, 9],
      [actions.visit.id, 2],
    ]);
  });

  it('the chair reads it too; reps, the observer and the admin are refused', async () => {
    expect((await f.as.chair(`/api/areas/${f.areaId}/actions/overdue`)).status).toBe(200);
    for (const who of ['police', 'childrens', 'idva', 'observer', 'admin'] as const) {
      const answer = await f.as[who](`/api/areas/${f.areaId}/actions/overdue`);
      expect([who, answer.status]).toEqual([who, 403]);
    }
  });
});

describe("the next meeting's agenda", () => {
  it("lists the earlier meeting's incomplete actions under the review section", async () => {
    const lines = await reviewLines();
    expect(lines.map((l) => l.action).sort()).toEqual([WORDS.flag, WORDS.plan, WORDS.visit].sort());
    expect(lines.find((l) => l.action === WORDS.flag)).toMatchObject({
      reference: references[f.adult],
      agency: expect.stringMatching(/Police/),
      dueOn: f.day(2),
    });
  });
});

describe('marking an action done, or ended with a reason', () => {
  it('removes it from the overdue list and the next agenda at once', async () => {
    await done('flag', 'police', 'done');
    await done('visit', 'childrens', 'cannot');
    expect((await overdue()).actions).toEqual([]);
    expect((await reviewLines()).map((l) => l.action)).toEqual([WORDS.plan]);
  });
});

describe('the case lifecycle', () => {
  it('lists a case reaching 12 months since its last MARAC, open while an action is incomplete', async () => {
    // The fixture's three referrals are one victim: the later two joined the first's case as
    // repeats, so the case's last MARAC is the later meeting's.
    const last = (
      await f.app.db.query<{ reference: string; date: string }>(
        `SELECT r.reference, m.date::text AS date FROM referral r JOIN meeting m ON m.id = r.meeting_id
          WHERE r.id = $1`,
        [f.otherMeetingCase],
      )
    ).rows[0]!;
    await f.setNow(londonInstant(addMonths(last.date, 12), '09:00'));
    const list = await json<TwelveMonthCases>(
      f.as.coordinator(`/api/areas/${f.areaId}/cases/twelve-months`),
    );
    expect(list.cases).toEqual([
      {
        reference: last.reference,
        lastHeardOn: last.date,
        reachesOn: addMonths(last.date, 12),
        actions: 3,
        incompleteActions: 1,
        state: 'open',
      },
    ]);
    expect((await f.as.police(`/api/areas/${f.areaId}/cases/twelve-months`)).status).toBe(403);
    await f.setNow(at(11, '09:00'));
  });
});

describe('the reminder settings', () => {
  const path = () => `/api/areas/${f.areaId}/action-reminder-settings`;
  it('start at 2 working days before, 72 hours, weekly; the coordinator changes them, audited', async () => {
    expect(await json(f.as.coordinator(path()))).toEqual(DEFAULT_ACTION_CHASING);
    const before = await audits('area.action-reminder-settings');
    const changed = { daysBefore: 3, shortNoticeHours: 48, overdueEveryDays: 14 };
    expect(await json(f.as.coordinator(path(), put(changed)))).toEqual(changed);
    expect(await audits('area.action-reminder-settings')).toBe(before + 1);
    expect(await json(f.as.coordinator(path(), put(DEFAULT_ACTION_CHASING)))).toEqual(
      DEFAULT_ACTION_CHASING,
    );
  });

  it('refuses a value out of range, naming the field; the chair may not change them', async () => {
    const refused = await errorOf(
      f.as.coordinator(path(), put({ ...DEFAULT_ACTION_CHASING, overdueEveryDays: 0 })),
    );
    expect(refused).toMatchObject({ status: 400, fields: ['body.overdueEveryDays'] });
    expect(refused.message).toBe('Days between reminders once overdue: use 1 or more.');
    expect((await f.as.chair(path(), put(DEFAULT_ACTION_CHASING))).status).toBe(403);
  });
});

describe('reminders', () => {
  it('go to the owner agency reps once per reminder time: a second sweep raises nothing', async () => {
    await record('chased', f.withChildren, f.police, 30, '10:00');
    const [before] = remindersBefore(
      { dueAt: new Date(actions.chased.dueAt), createdAt: new Date(actions.chased.updatedAt) },
      area,
      DEFAULT_ACTION_CHASING,
    );
    await f.setNow(new Date(before!.at.getTime() - 60_000));
    await raise();
    expect(await jobsOf('chased')).toEqual([]);
    await f.setNow(before!.at);
    await raise();
    await raise();
    await f.app.services.drainOutbox();
    expect(await jobsOf('chased')).toEqual(policeReps.map((p) => `before ${p} teams`).sort());
    const sent = teamsReminders().filter((m) => m.text.includes(references[f.withChildren]!));
    expect(sent.map((m) => m.to).sort()).toEqual([...policeReps].sort());
    for (const { text } of sent) {
      expect(text).toContain('MARAC action reminder');
      expect(text).toContain(`${f.app.services.config.publicUrl}/actions`);
      expect(text).not.toContain(WORDS.chased);
      expect(text).not.toContain(OWNER_PERSON);
      expect(text).not.toMatch(/Wren|Calloway/);
    }
  });

  it('are never sent for an action done, nor for a due time since changed (checked when sending)', async () => {
    const sends: string[] = [];
    const deps = {
      db: f.app.db,
      crypto: f.app.services.crypto,
      uow: f.app.services.uow,
      clock: f.app.services.clock,
      notifier: { send: async (personId: string) => (sends.push(personId), true) },
      mail: { send: () => Promise.reject(new Error('no mail')), wasSent: async () => false },
      publicUrl: 'https://marac.example',
      log: pino({ level: 'silent' }),
    };
    const job = (
      key: keyof typeof WORDS,
      dueAt: string,
    ): Extract<NotifyJob, { kind: 'notify.action-reminder' }> => ({
      kind: 'notify.action-reminder',
      actionId: actions[key].id,
      personId: policeReps[0]!,
      reminder: 'overdue-1',
      dueAt,
      by: 'teams',
    });
    // Done since (the police marked it above).
    await sendActionReminder(deps, job('flag', actions.flag.dueAt), 1);
    // Still open, but raised for a due time it no longer has.
    const earlier = new Date(new Date(actions.plan.dueAt).getTime() - 86_400_000).toISOString();
    await sendActionReminder(deps, job('plan', earlier), 1);
    expect(sends).toEqual([]);
    // The control: the same job for the due time it has is sent.
    await sendActionReminder(deps, job('plan', actions.plan.dueAt), 1);
    expect(sends).toEqual([policeReps[0]]);
  });

  it('go by mail, with the same words, to a rep the bot cannot reach', async () => {
    const mails: { subject: string; text: string }[] = [];
    const deps = {
      db: f.app.db,
      crypto: f.app.services.crypto,
      uow: f.app.services.uow,
      clock: f.app.services.clock,
      notifier: { send: async () => false },
      mail: {
        async send(mail: { mime: string | Buffer }) {
          const text = mail.mime.toString();
          mails.push({ subject: /^Subject: (.*)$/m.exec(text)![1]!, text });
        },
        wasSent: async () => false,
      },
      publicUrl: 'https://marac.example',
      log: pino({ level: 'silent' }),
    };
    const job: Extract<NotifyJob, { kind: 'notify.action-reminder' }> = {
      kind: 'notify.action-reminder',
      actionId: actions.chased.id,
      personId: policeReps[0]!,
      reminder: 'before',
      dueAt: actions.chased.dueAt,
      by: 'teams',
    };
    await sendActionReminder(deps as never, job, 1);
    await sendActionReminder(deps as never, { ...job, by: 'mail' }, 1);
    expect(mails.map((m) => m.subject)).toEqual(['MARAC action reminder']);
    expect(mails[0]!.text).toContain('https://marac.example/actions');
    expect(mails[0]!.text).not.toContain(WORDS.chased);
    expect(mails[0]!.text).not.toContain(OWNER_PERSON);
    const queued = await f.app.db.query(`SELECT 1 FROM outbox WHERE idempotency_key = $1`, [
      `action-reminder-mail:${job.actionId}:${job.dueAt}:before:${job.personId}`,
    ]);
    expect(queued.rows).toHaveLength(1);
  });

  it('once done, none is raised any more, however overdue it would be', async () => {
    await done('chased', 'police', 'done');
    await f.setNow(
      overdueReminderAt({ dueAt: new Date(actions.chased.dueAt) }, area, DEFAULT_ACTION_CHASING, 2),
    );
    await raise();
    expect((await jobsOf('chased')).filter((job) => job.startsWith('overdue'))).toEqual([]);
    expect(
      await count('SELECT count(*)::int AS n FROM action_reminder WHERE action_id = $1', [
        actions.chased.id,
      ]),
    ).toBe(policeReps.length);
  });

  it('go once across a restart on the same data: the start and a sweep after it raise nothing more', async () => {
    // An overdue reminder for the action left open (due on day 60), raised and sent once.
    const first = overdueReminderAt(
      { dueAt: new Date(actions.plan.dueAt) },
      area,
      DEFAULT_ACTION_CHASING,
      1,
    );
    await f.setNow(first);
    await raise();
    await f.app.services.drainOutbox();
    const expected = policeReps.map((p) => `overdue-1 ${p} teams`).sort();
    expect(await jobsOf('plan')).toEqual(expected);
    const sentBefore = teamsReminders().length;
    const { dataDir } = f.app;
    await f.app.close();
    const again = await startApp({
      now: () => first,
      dataDir,
      env: { RATE_LIMIT_PER_MINUTE: '100000' },
    });
    f = { ...f, app: again };
    await raise();
    await again.services.drainOutbox();
    expect(await jobsOf('plan')).toEqual(expected);
    expect(teamsReminders()).toHaveLength(sentBefore);
    expect(
      await count('SELECT count(*)::int AS n FROM action_reminder WHERE action_id = $1', [
        actions.plan.id,
      ]),
    ).toBe(policeReps.length);
  });
});
