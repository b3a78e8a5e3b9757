import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ResearchDraft } from '#core/contracts/research.js';
import type { MeetingRecord } from '#core/ports/store.js';
import { markNothingKnown } from '#core/research/mark-nothing-known.js';
import { researchDeadline } from '#core/research/research-deadline.js';
import type { ResearchDeps } from '#core/research/research-deps.js';
import { raiseResearchReminders, reminderDueAt } from '#core/research/research-reminders.js';
import { saveResearchDraft } from '#core/research/save-research-draft.js';
import { submitResearch } from '#core/research/submit-research.js';
import { moveReferral } from '#core/scheduling/move-referral.js';
import { pino } from 'pino';
import { demoReferrals } from '../../../bot/src/demo/demo-referrals.js';
import { sendResearchReminder } from '../../../bot/src/notify/research-reminders.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';

/**
 * Research reminders over the real app and store (PGlite in a data folder), on a clock the test
 * moves: only reps of agencies with cases unanswered, once per reminder time, also across a real
 * restart on the same data; the coordinator's note with agency names and counts only; chasing
 * one agency now. Every person and sentence here is invented.
 */
const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';
const POLICE_CORE = 'dana.whitcombe@police.example';

const complete: ResearchDraft = {
  knownToAgency: 'yes',
  currentInvolvement: 'Open to the team since the spring',
  historicalInvolvement: 'Two contacts last year',
  professionalOpinion: 'Worker feels the risk is rising',
  recordsFlagged: true,
};

interface Agency {
  agencyId: string;
  name: string;
  core: string;
  deputy: string;
}

let clock = new Date('2026-11-30T09:00:00Z');
let app: TestApp;
let meeting: MeetingRecord;
let cases: string[];
/** On the meeting: answered all, nothing known to all, a draft left, nothing at all. */
let submitted: Agency, nothingKnown: Agency, drafted: Agency, silent: Agency;
let dueAt: (days: number) => Date;

const deps = (): ResearchDeps => ({
  uow: app.services.uow,
  clock: { now: () => clock },
  ids: app.services.ids,
});
const start = (dataDir?: string) =>
  startApp({
    now: () => clock,
    env: { MARAC_DEMO_REFERRALS: 'true', RATE_LIMIT_PER_MINUTE: '100000' },
    ...(dataDir ? { dataDir } : {}),
  });

/** The research jobs in the outbox, as `kind days agency person`, sorted. */
async function researchJobs(): Promise<string[]> {
  const rows = await app.db.query<{ payload: Record<string, unknown> }>(
    `SELECT payload FROM outbox WHERE kind IN ('notify.research-reminder', 'notify.research-missing') ORDER BY id`,
  );
  return rows.rows
    .map(({ payload: p }) =>
      [p.kind, p.days, p.agencyId ?? '-', p.personId ?? '-'].map(String).join(' '),
    )
    .sort();
}
const reminderJob = (days: number | null, agency: Agency, person: string) =>
  `notify.research-reminder ${days} ${agency.agencyId} ${person}`;

/** What the Teams outbox holds about research, by recipient. */
function teamsResearch(): { to: string; text: string }[] {
  const dir = path.join(app.dataDir, 'outbox', 'teams');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Record<string, string>)
    .filter((a) => a.text!.includes('MARAC research'))
    .map((a) => ({ to: a.recipientPersonId!, text: a.text! }));
}

/** Raises the reminders due and sends them; returns how many jobs it offered the outbox. */
async function raise(): Promise<number> {
  const offered = await raiseResearchReminders({
    uow: app.services.uow,
    clock: { now: () => clock },
  });
  await app.services.drainOutbox();
  return offered;
}

beforeAll(async () => {
  app = await start();
  const found = await app.db.query<{ meeting_id: string }>(
    `SELECT meeting_id FROM referral WHERE status = 'accepted' AND meeting_id IS NOT NULL
      GROUP BY meeting_id ORDER BY count(*) DESC LIMIT 1`,
  );
  const repos = () => app.services.uow;
  meeting = (await repos().run((r) => r.meetings.get(found.rows[0]!.meeting_id)))!;
  const area = (await repos().run((r) => r.areas.get(meeting.areaId)))!;
  cases = await repos().run((r) => r.meetings.caseIds(meeting.id));
  const agencies = await app.db.query<{
    agency_id: string;
    name: string;
    core_rep_id: string;
    deputy_rep_id: string;
  }>(
    `SELECT aa.agency_id, g.name, aa.core_rep_id, aa.deputy_rep_id FROM area_agency aa
       JOIN agency g ON g.id = aa.agency_id WHERE aa.area_id = $1 ORDER BY g.name`,
    [area.id],
  );
  [submitted, nothingKnown, drafted, silent] = agencies.rows.slice(0, 4).map((r) => ({
    agencyId: r.agency_id,
    name: r.name,
    core: r.core_rep_id,
    deputy: r.deputy_rep_id,
  })) as [Agency, Agency, Agency, Agency];
  const chairs = await app.db.query<{ person_id: string }>(
    `SELECT person_id FROM area_role WHERE area_id = $1 AND role = 'chair'`,
    [area.id],
  );
  await repos().run((r) =>
    r.agendas.setMembers(meeting.id, {
      agencyIds: [submitted, nothingKnown, drafted, silent].map((a) => a.agencyId),
      chairIds: chairs.rows.map((c) => c.person_id),
      idvaIds: [],
    }),
  );
  dueAt = (days) => reminderDueAt(meeting, area, days);
  const coordinator = await signIn(app, COORDINATOR);
  const published = await coordinator(`/api/meetings/${meeting.id}/agenda/publish`, {
    method: 'POST',
    body: '{}',
  });
  expect(published.status).toBe(201);
  const write = (agency: Agency, referralId: string) => ({
    meetingId: meeting.id,
    referralId,
    agencyId: agency.agencyId,
    personId: agency.core,
  });
  for (const referralId of cases) {
    await submitResearch(deps(), { ...write(submitted, referralId), response: complete });
  }
  await markNothingKnown(deps(), {
    meetingId: meeting.id,
    agencyId: nothingKnown.agencyId,
    personId: nothingKnown.core,
  });
  for (const referralId of cases.slice(1)) {
    await submitResearch(deps(), { ...write(drafted, referralId), response: complete });
  }
  await saveResearchDraft(deps(), {
    ...write(drafted, cases[0]!),
    response: { knownToAgency: 'yes' },
  });
  expect(researchDeadline(meeting, area).getTime()).toBeGreaterThan(dueAt(1).getTime());
  // Tuesday 15 December 2026: reminders on Thursday 10 and Monday 14 December at 09:00 (GMT).
  expect([meeting.date, dueAt(3), dueAt(1)]).toEqual([
    '2026-12-15',
    new Date('2026-12-10T09:00:00Z'),
    new Date('2026-12-14T09:00:00Z'),
  ]);
}, 180_000);
afterAll(() => app.stop());

it('has a meeting with cases and its agenda published before the first reminder time', () => {
  expect(cases.length).toBeGreaterThan(1);
  expect(clock.getTime()).toBeLessThan(dueAt(3).getTime());
});

it('reminds nobody before the reminder time', async () => {
  clock = new Date(dueAt(3).getTime() - 60_000);
  await raise();
  expect(await researchJobs()).toEqual([]);
});

it('reminds only the reps of agencies with cases unanswered (a draft is not an answer), once', async () => {
  clock = dueAt(3);
  await raise();
  const expected = [
    reminderJob(3, drafted, drafted.core),
    reminderJob(3, drafted, drafted.deputy),
    reminderJob(3, silent, silent.core),
    reminderJob(3, silent, silent.deputy),
    'notify.research-missing 3 - -',
  ].sort();
  expect(await researchJobs()).toEqual(expected);
  clock = new Date(clock.getTime() + 3 * 60 * 60_000);
  await raise();
  await raise();
  expect(await researchJobs()).toEqual(expected);
});

it('writes counts and dates only: the reps get their own count, the coordinator names agencies', async () => {
  const sent = teamsResearch();
  const to = (person: string) => sent.filter((m) => m.to === person).map((m) => m.text);
  expect(to(drafted.core)).toEqual([
    `MARAC research reminder: your agency has 1 of ${cases.length} cases still to answer for the Northbrook and Wellfield MARAC on Tuesday 15 December 2026. Research is due by 17:00 on Monday 14 December 2026. Open the MARAC chat or tab to answer.`,
  ]);
  expect(to(silent.deputy)[0]).toContain(`has ${cases.length} of ${cases.length} cases`);
  expect(to(submitted.core)).toEqual([]);
  expect(to(nothingKnown.core)).toEqual([]);
  const notes = sent.filter((m) => m.text.startsWith('MARAC research still missing'));
  expect(notes.length).toBeGreaterThan(0);
  for (const note of notes) {
    expect(note.text).toContain(
      `2 agencies have cases to answer. ${drafted.name}: 1 of ${cases.length}; ${silent.name}: ${cases.length} of ${cases.length}.`,
    );
    expect(note.text).not.toContain(submitted.name);
    expect(note.text).not.toContain(nothingKnown.name);
  }
});

it('keeps every name of a case out of the Teams outbox, and references out of reminders', async () => {
  const names = demoReferrals.flatMap((s) => [
    s.victim.name,
    s.perpetrator.name,
    ...s.children.map((c) => c.name),
  ]);
  const dir = path.join(app.dataDir, 'outbox', 'teams');
  for (const file of readdirSync(dir)) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    for (const name of names) expect(text).not.toContain(name);
  }
  const references = await app.db.query<{ reference: string }>('SELECT reference FROM referral');
  expect(references.rows.length).toBeGreaterThan(1);
  for (const { text } of teamsResearch()) {
    for (const { reference } of references.rows) expect(text).not.toContain(reference);
  }
});

it('sends no second reminder after a restart on the same data, at the same reminder time', async () => {
  const before = await researchJobs();
  const files = teamsResearch().length;
  const { dataDir } = app;
  await app.close();
  app = await start(dataDir); // raises at start, as every start does
  // The same five jobs are offered again: only the keys kept in the database stop them.
  expect(await raise()).toBe(5);
  expect(await researchJobs()).toEqual(before);
  expect(teamsResearch()).toHaveLength(files);
});

it('sends nothing at send time to a rep whose agency has answered every case since', async () => {
  await markNothingKnown(deps(), {
    meetingId: meeting.id,
    agencyId: silent.agencyId,
    personId: silent.core,
  });
  const sent: string[] = [];
  const notifier = { send: async (personId: string) => (sent.push(personId), true) };
  const handlerDeps = {
    uow: app.services.uow,
    clock: { now: () => clock },
    notifier,
    log: pino({ level: 'silent' }),
  };
  const job = { kind: 'notify.research-reminder' as const, meetingId: meeting.id, days: 3 };
  await sendResearchReminder(handlerDeps, {
    ...job,
    agencyId: silent.agencyId,
    personId: silent.core,
  });
  await sendResearchReminder(handlerDeps, {
    ...job,
    agencyId: drafted.agencyId,
    personId: drafted.core,
  });
  // Not a rep of that agency: nothing.
  await sendResearchReminder(handlerDeps, {
    ...job,
    agencyId: drafted.agencyId,
    personId: silent.core,
  });
  expect(sent).toEqual([drafted.core]);
});

it('reminds again at the next reminder time, only the reps still owing research', async () => {
  clock = dueAt(1);
  await raise();
  const jobs = await researchJobs();
  expect(jobs.filter((j) => j.includes(' 1 '))).toEqual(
    [
      reminderJob(1, drafted, drafted.core),
      reminderJob(1, drafted, drafted.deputy),
      'notify.research-missing 1 - -',
    ].sort(),
  );
  const notes = teamsResearch().filter((m) => m.text.startsWith('MARAC research still missing'));
  expect(notes.at(-1)!.text).toContain(`1 agency has cases to answer. ${drafted.name}: 1 of`);
});

describe('chasing one agency now', () => {
  let coordinator: Awaited<ReturnType<typeof signIn>>;
  const chase = (agency: Agency, as = coordinator) =>
    as(`/api/meetings/${meeting.id}/research/agencies/${agency.agencyId}/chase`, {
      method: 'POST',
      body: '{}',
    });
  const chases = async () =>
    (
      await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'research.chase' AND outcome = 'ok'`,
      )
    ).rows[0]!.n;
  beforeAll(async () => {
    coordinator = await signIn(app, COORDINATOR);
  });

  it('reminds the reps of an agency with cases unanswered, each time the coordinator asks', async () => {
    clock = new Date(clock.getTime() + 60 * 60_000);
    const files = teamsResearch().length;
    const response = await chase(drafted);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ reminded: 2 });
    await app.services.drainOutbox();
    const sent = teamsResearch().slice(files);
    expect(sent.map((m) => m.to).sort()).toEqual([drafted.core, drafted.deputy].sort());
    expect(sent[0]!.text).toMatch(
      /^MARAC research reminder from the MARAC coordinator: your agency has 1 of/,
    );
    expect(await (await chase(drafted)).json()).toEqual({ reminded: 2 });
    expect(await chases()).toBe(2);
  });

  it('goes to the reps who get the prompts: deputies only when the area prompts them', async () => {
    const areaId = meeting.areaId;
    const settings = await app.services.uow.run((r) => r.research.settings(areaId));
    await app.services.uow.run((r) =>
      r.research.setSettings(areaId, { ...settings, deputies: 'when-core-absent' }),
    );
    try {
      expect(await (await chase(drafted)).json()).toEqual({ reminded: 1 });
    } finally {
      await app.services.uow.run((r) => r.research.setSettings(areaId, settings));
    }
  });

  it('reminds nobody of an agency that has answered every case', async () => {
    expect(await (await chase(submitted)).json()).toEqual({ reminded: 0 });
    expect(await (await chase(nothingKnown)).json()).toEqual({ reminded: 0 });
  });

  it("is the coordinator's alone", async () => {
    const rep = await signIn(app, POLICE_CORE);
    expect((await chase(drafted, rep)).status).toBe(403);
  });

  it('is refused once the deadline has passed, and nothing is raised any more', async () => {
    const area = (await app.services.uow.run((r) => r.areas.get(meeting.areaId)))!;
    clock = new Date(researchDeadline(meeting, area).getTime() + 1000);
    const before = await researchJobs();
    const refused = await chase(drafted, await signIn(app, COORDINATOR)); // a token of this day
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /^The research deadline was 17:00 on /,
    );
    await raise();
    expect(await researchJobs()).toEqual(before);
  });
});

describe('a meeting on Tuesday 29 December 2026 (25 and 28 December are bank holidays)', () => {
  let christmas: MeetingRecord;
  const jobsFor = async () =>
    (
      await app.db.query<{ days: number }>(
        `SELECT (payload->>'days')::int AS days FROM outbox
          WHERE kind = 'notify.research-missing' AND payload->>'meetingId' = $1 ORDER BY id`,
        [christmas.id],
      )
    ).rows.map((r) => r.days);

  beforeAll(async () => {
    const found = (
      await app.services.uow.run((r) =>
        r.meetings.listForArea(meeting.areaId, { from: '2026-12-29', to: '2026-12-29' }),
      )
    )[0]!;
    christmas = found;
    clock = new Date('2026-12-16T10:00:00Z');
    await moveReferral(deps(), {
      referralId: cases[0]!,
      meetingId: christmas.id,
      reason: 'Room booked',
    });
    const coordinator = await signIn(app, COORDINATOR);
    const published = await coordinator(`/api/meetings/${christmas.id}/agenda/publish`, {
      method: 'POST',
      body: '{}',
    });
    expect(published.status).toBe(201);
  });

  it.each([
    ['Monday 21 December', '2026-12-21T12:00:00Z', []],
    ['Tuesday 22 December, 08:59', '2026-12-22T08:59:00Z', []],
    ['Tuesday 22 December, 09:00: 3 working days before', '2026-12-22T09:00:00Z', [3]],
    ['Wednesday 23 December', '2026-12-23T12:00:00Z', [3]],
    ['Thursday 24 December, 08:59', '2026-12-24T08:59:00Z', [3]],
    ['Thursday 24 December, 09:00: 1 working day before', '2026-12-24T09:00:00Z', [3, 1]],
    ['Monday 28 December (bank holiday), after the deadline', '2026-12-28T09:00:00Z', [3, 1]],
  ])('%s', async (_, now, expected) => {
    expect(christmas.date).toBe('2026-12-29');
    clock = new Date(now);
    await raise();
    expect(await jobsFor()).toEqual(expected);
  });
});
