import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ActionPlanView, MinutesView } from '#core/contracts/document-api.js';
import { notifyDeliveryDead } from '../../../bot/src/notify/agenda-notices.js';
import { mimeParts } from '../../support/mime-parts.js';
import { signIn } from '../../support/start-app.js';
import {
  errorOf,
  json,
  meetingUnderWay,
  post,
  put,
  type Call,
  type MeetingFixture,
} from '../meeting-run/record-fixture.js';

/*
 * After the meeting (issue #11): the chair's close produces the action plan, sent at once as ONE
 * message per agency that owns an action, holding only that agency's cases, in the agency's mode
 * (opened here by OpenSSL and qpdf as a rep would), and opens the minutes' draft, which the
 * coordinator edits, approves and circulates to every agency. Refusals in words, audited.
 */

let f: MeetingFixture;
let health: Call;
let healthAgency: string;
let refs: { withChildren: string; adult: string };
const HEALTH_CORE = 'anjali.storey@health.example';
const ACTION_WORDS = {
  police: 'Flag the address for an urgent response',
  childrens: 'Visit the children at school this week',
  health: 'Offer the victim a GP appointment',
};

const count = async (sql: string, params: unknown[] = []) =>
  (await f.app.db.query<{ n: number }>(sql, params)).rows[0]!.n;
const audits = (action: string) =>
  count('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action]);
const plan = `/api/meetings/${'{id}'}/action-plan`;
const at = (template: string) => template.replace('{id}', f.meetingId);

const mailDir = () => path.join(f.app.dataDir, 'outbox', 'mail');
const emls = (subject: RegExp) =>
  readdirSync(mailDir())
    .filter((name) => name.endsWith('.eml'))
    .map((name) => readFileSync(path.join(mailDir(), name)))
    .filter((eml) => subject.test(/^Subject: (.*)$/im.exec(eml.toString('latin1'))?.[1] ?? ''));

async function settled(route: string, call: Call): Promise<ActionPlanView | MinutesView> {
  for (let i = 0; i < 300; i += 1) {
    const view = await json<ActionPlanView | MinutesView>(call(route));
    if (view.deliveries.length > 0 && view.deliveries.every((d) => d.status !== 'queued'))
      return view;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('deliveries did not settle');
}

/** The text of a PDF, as a person's viewer shows it. */
function pdfText(pdf: Buffer): string {
  const file = path.join(f.app.dataDir, `doc-${randomUUID()}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

function smimeOpen(eml: Buffer, email: string): Buffer {
  const dir = path.join(f.app.dataDir, 'demo', 'smime');
  const input = path.join(f.app.dataDir, `in-${randomUUID()}.eml`);
  writeFileSync(input, eml);
  return execFileSync(
    'openssl',
    [
      'cms',
      '-decrypt',
      '-in',
      input,
      '-recip',
      path.join(dir, `${email}.crt`),
      '-inkey',
      path.join(dir, `${email}.key`),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** qpdf opens the file with this password (or none): true, or false when it cannot. */
function qpdfOpens(pdf: Buffer, password: string | null): Buffer | null {
  const file = path.join(f.app.dataDir, `locked-${randomUUID()}.pdf`);
  const out = path.join(f.app.dataDir, `open-${randomUUID()}.pdf`);
  writeFileSync(file, pdf);
  try {
    execFileSync(
      'qpdf',
      [...(password ? [`--password=${password}`] : []), '--decrypt', file, out],
      { stdio: 'pipe' },
    );
    return readFileSync(out);
  } catch {
    return null;
  }
}

const teamsTexts = () => {
  const dir = path.join(f.app.dataDir, 'outbox', 'teams');
  return readdirSync(dir).map(
    (name) => (JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { text: string }).text,
  );
};

const pdfOf = async (eml: Buffer) =>
  (await mimeParts(eml)).attachments.find((a) => a.contentType === 'application/pdf')!.content;

beforeAll(async () => {
  f = await meetingUnderWay();
  // Not the defaults (24 hours, 10 working days): the deadlines below are the area protocol's.
  await f.app.db.query(
    `UPDATE area SET protocol = protocol || '{"actionPlanHours": 30, "minutesWorkingDays": 11}'::jsonb
      WHERE id = $1`,
    [f.areaId],
  );
  health = await signIn(f.app, HEALTH_CORE);
  healthAgency = (
    await f.app.db.query<{ id: string }>(
      `SELECT g.id FROM agency g JOIN area_agency aa ON aa.agency_id = g.id
        WHERE aa.area_id = $1 AND g.kind = 'health'`,
      [f.areaId],
    )
  ).rows[0]!.id;
  const references = await f.app.db.query<{ id: string; reference: string }>(
    'SELECT referral_id AS id, reference FROM meeting_case WHERE meeting_id = $1',
    [f.meetingId],
  );
  const refOf = (id: string) => references.rows.find((r) => r.id === id)!.reference;
  refs = { withChildren: refOf(f.withChildren), adult: refOf(f.adult) };
  const run = `/api/meetings/${f.meetingId}/run`;
  const action = (referralId: string, ownerAgencyId: string, what: string, person: string | null) =>
    json(
      f.as.chair(
        `${run}/cases/${referralId}/actions`,
        post(
          {
            ownerAgencyId,
            ownerPerson: person,
            what,
            dueDate: f.day(3),
            dueTime: '10:00',
            risk: 'Further assault at the home address',
            urgent: null,
          },
          randomUUID(),
        ),
      ),
    );
  await action(f.withChildren, f.police, ACTION_WORDS.police, 'PC Hollis Brandreth');
  await action(f.withChildren, f.childrens, ACTION_WORDS.childrens, null);
  await action(f.adult, healthAgency, ACTION_WORDS.health, null);
  await json(f.as.chair(`${run}/current`, put({ referralId: f.withChildren })));
  await json(
    f.as.chair(
      `${run}/cases/${f.withChildren}/notes`,
      put({ facts: 'Two callouts in November', opinion: '', riskSummary: 'High', version: 0 }),
    ),
  );
  await json(f.as.chair(`${run}/current`, put({ referralId: f.adult })));
}, 180_000);
afterAll(() => f.app.stop());

describe('before the close', () => {
  it('has no action plan or minutes yet, and says so in words', async () => {
    const answer = await errorOf(f.as.coordinator(at(plan)));
    expect(answer).toMatchObject({ status: 409, code: 'CONFLICT' });
    expect(answer.message).toMatch(/has not been closed yet/);
    expect((await errorOf(f.as.coordinator(`/api/meetings/${f.meetingId}/minutes`))).status).toBe(
      409,
    );
  });
});

describe('the action plan', () => {
  beforeAll(async () => {
    await json(f.as.chair(`/api/meetings/${f.meetingId}/run/close`, post({})));
  });

  it("is produced at close, due the protocol's 30 hours after, and read whole by the coordinator and the chair", async () => {
    const view = (await settled(at(plan), f.as.coordinator)) as ActionPlanView;
    expect(view.scope).toBe('whole');
    expect(new Date(view.dueAt).getTime() - new Date(view.closedAt).getTime()).toBe(30 * 3600_000);
    expect(view.cases.map((c) => c.reference)).toEqual([refs.withChildren, refs.adult]);
    expect(view.cases[0]!.actions.map((a) => a.what).sort()).toEqual(
      [ACTION_WORDS.childrens, ACTION_WORDS.police].sort(),
    );
    // Only what the plan carries: no risk, no notes.
    expect(Object.keys(view.cases[0]!.actions[0]!).sort()).toEqual(
      ['dueAt', 'ownerAgency', 'ownerAgencyId', 'ownerPerson', 'urgent', 'what'].sort(),
    );
    expect(view.deliveries.map((d) => [d.agencyId, d.status]).sort()).toEqual(
      [
        [f.police, 'sent'],
        [f.childrens, 'sent'],
        [healthAgency, 'sent'],
      ].sort(),
    );
    expect(view.warnings).toEqual([]);
    expect((await json<ActionPlanView>(f.as.chair(at(plan)))).scope).toBe('whole');
  });

  it("gives a rep their agency's cases only, and refuses an IDVA and an observer, audited", async () => {
    const police = await json<ActionPlanView>(f.as.police(at(plan)));
    expect(police).toMatchObject({ scope: 'agency', deliveries: [], warnings: [] });
    expect(police.cases.map((c) => c.reference)).toEqual([refs.withChildren]);
    const healthPart = await json<ActionPlanView>(health(at(plan)));
    expect(healthPart.cases.map((c) => c.reference)).toEqual([refs.adult]);
    const refusedBefore = await audits('action-plan.read.refused');
    for (const call of [f.as.idva, f.as.observer]) {
      const answer = await errorOf(call(at(plan)));
      expect(answer).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      expect(answer.message).toMatch(/representatives, the chair and the coordinators/);
    }
    expect(await audits('action-plan.read.refused')).toBe(refusedBefore + 2);
    expect(await audits('action-plan.read')).toBeGreaterThanOrEqual(4);
  });

  it('sends ONE message per agency, to all its reps, each holding only its own cases', async () => {
    const mails = emls(/^MARAC action plan - /);
    expect(mails).toHaveLength(3);
    const parts = await Promise.all(mails.map(mimeParts));
    for (const part of parts) {
      expect(part.subject).toMatch(
        /^MARAC action plan - Northbrook and Wellfield - \d{1,2} \w+ \d{4}$/,
      );
      for (const body of part.plainBodies) {
        for (const secret of [...Object.values(ACTION_WORDS), 'Wren Calloway', 'Brandreth'])
          expect(body).not.toContain(secret);
      }
    }
    // The police (S/MIME): one message to both reps, which each rep's own key opens.
    const police = mails[parts.findIndex((p) => p.to.includes('dana.whitcombe@police.example'))]!;
    expect((await mimeParts(police)).to.sort()).toEqual(
      ['dana.whitcombe@police.example', 'idris.penhallow@police.example'].sort(),
    );
    for (const rep of ['dana.whitcombe@police.example', 'idris.penhallow@police.example']) {
      const text = pdfText(await pdfOf(smimeOpen(police, rep)));
      expect(text).toContain('MARAC action plan');
      expect(text).toContain('Everything shared for and at this MARAC is confidential');
      expect(text).toContain(refs.withChildren);
      expect(text).toContain(ACTION_WORDS.police);
      expect(text).not.toContain(refs.adult);
      expect(text).not.toContain(ACTION_WORDS.health);
    }
    // A key that is not a police rep's does not open it.
    expect(() => smimeOpen(police, 'priya.ellingham@childrens.example')).toThrow();
    // Children's social care (S/MIME too): the same case, not the adult case.
    const childrens =
      mails[parts.findIndex((p) => p.to.includes('priya.ellingham@childrens.example'))]!;
    const childrensText = pdfText(
      await pdfOf(smimeOpen(childrens, 'priya.ellingham@childrens.example')),
    );
    expect(childrensText).toContain(refs.withChildren);
    expect(childrensText).not.toContain(refs.adult);
    // Community health (password): one message, one password, sent to each of its reps by the bot.
    const healthMail = mails[parts.findIndex((p) => p.to.includes(HEALTH_CORE))]!;
    expect((await mimeParts(healthMail)).to).toHaveLength(2);
    const passwords = [
      ...new Set(
        teamsTexts()
          .filter((t) => t.includes('MARAC action plan for'))
          .map((t) => /is:\s*(\S{24})/.exec(t)?.[1])
          .filter((p): p is string => Boolean(p)),
      ),
    ];
    expect(passwords).toHaveLength(1);
    expect(teamsTexts().filter((t) => t.includes(passwords[0]!))).toHaveLength(2);
    for (const eml of mails) expect(eml.toString('latin1')).not.toContain(passwords[0]!);
    const locked = await pdfOf(healthMail);
    expect(qpdfOpens(locked, null)).toBeNull();
    expect(qpdfOpens(locked, 'not-the-password-at-all-x')).toBeNull();
    const opened = qpdfOpens(locked, passwords[0]!);
    expect(opened).not.toBeNull();
    const healthText = pdfText(opened!);
    expect(healthText).toContain(refs.adult);
    expect(healthText).toContain(ACTION_WORDS.health);
    expect(healthText).not.toContain(refs.withChildren);
    expect(healthText).not.toContain(ACTION_WORDS.police);
  });

  it('is produced once: the delivery rows are one per agency, and the close cannot run again', async () => {
    expect(
      await count(`SELECT count(*)::int AS n FROM mail_delivery WHERE purpose = 'action-plan'`),
    ).toBe(3);
    expect(
      (await errorOf(f.as.chair(`/api/meetings/${f.meetingId}/run/close`, post({})))).status,
    ).toBe(409);
    expect(
      await count(`SELECT count(*)::int AS n FROM meeting_document WHERE kind = 'action-plan'`),
    ).toBe(1);
    // Sealed at rest: neither what was agreed nor who it concerns is readable in the table.
    const stored = await f.app.db.query<{ content: string }>(
      'SELECT content FROM meeting_document',
    );
    expect(stored.rows).toHaveLength(2);
    for (const { content } of stored.rows) {
      for (const words of [...Object.values(ACTION_WORDS), 'Dana Whitcombe', 'Two callouts'])
        expect(content).not.toContain(words);
    }
  });
});

describe("the coordinator's warnings", () => {
  it('warn of a copy dead at once, and of one still queued 4 hours before it is due', async () => {
    const view = await json<ActionPlanView>(f.as.coordinator(at(plan)));
    const closedAt = new Date(view.closedAt);
    await f.app.db.query(
      `UPDATE mail_delivery SET status = 'dead', last_error = 'HTTP 400 ErrorInvalidRecipients'
        WHERE purpose = 'action-plan' AND agency_id = $1`,
      [f.police],
    );
    await f.app.db.query(
      `UPDATE mail_delivery SET status = 'queued', next_attempt_at = now() + interval '2 days'
        WHERE purpose = 'action-plan' AND agency_id = $1`,
      [healthAgency],
    );
    const early = await json<ActionPlanView>(f.as.coordinator(at(plan)));
    expect(early.warnings).toEqual([
      expect.stringMatching(
        /^The action plan could not be delivered to Riverside Police \(HTTP 400 ErrorInvalidRecipients\)\..* it is due by \d\d:\d\d on /,
      ),
    ]);
    await f.setNow(new Date(closedAt.getTime() + 26 * 3600_000 + 60_000));
    const late = await json<ActionPlanView>(f.as.coordinator(at(plan)));
    expect(late.warnings).toHaveLength(2);
    expect(late.warnings).toContainEqual(
      expect.stringMatching(
        /^The action plan has still not reached Community Health\. It is due by /,
      ),
    );
    // The coordinators are told of a dead copy in Teams too: the document and date, no case.
    const told: { personId: string; text: string }[] = [];
    const dead = await f.app.db.query<{ id: string }>(
      `SELECT id::text AS id FROM mail_delivery WHERE purpose = 'action-plan' AND agency_id = $1`,
      [f.police],
    );
    await notifyDeliveryDead(
      {
        db: f.app.db,
        crypto: f.app.services.crypto,
        notifier: {
          send: async (personId: string, text: string) => {
            told.push({ personId, text });
            return true;
          },
        } as unknown as Parameters<typeof notifyDeliveryDead>[0]['notifier'],
      },
      { kind: 'notify.delivery-dead', deliveryId: dead.rows[0]!.id },
    );
    expect(told.map((t) => t.personId)).toContain(f.personIds.coordinator);
    expect(told[0]!.text).toMatch(
      /^The MARAC action plan for \d{1,2} December 2026 could not be delivered to one of the agencies\./,
    );
    expect(told[0]!.text).not.toContain(refs.withChildren);
    // A rep sees no warnings: they are the coordinator's.
    expect((await json<ActionPlanView>(f.as.police(at(plan)))).warnings).toEqual([]);
  });

  it("send a dead copy again on the coordinator's word, never twice, and refuse one that has not failed", async () => {
    const resend = (agencyId: string, call: Call = f.as.coordinator) =>
      call(`${at(plan)}/resend`, post({ agencyId }, randomUUID()));
    const policeCopy = async () =>
      (
        await f.app.db.query<{ status: string }>(
          `SELECT status FROM mail_delivery WHERE purpose = 'action-plan' AND agency_id = $1`,
          [f.police],
        )
      ).rows[0]!.status;
    const mailsBefore = emls(/^MARAC action plan - /).length;
    // Community Health's copy is waiting to be tried, not failed: nothing to send again.
    const waiting = await errorOf(resend(healthAgency));
    expect(waiting).toMatchObject({
      status: 409,
      message:
        'The copy of the action plan to this agency has not failed, so there is nothing to send again.',
    });
    expect((await errorOf(resend(f.police, f.as.police))).status).toBe(403);
    expect(await policeCopy()).toBe('dead');

    const answered = await json<ActionPlanView>(resend(f.police));
    expect(answered.deliveries.find((d) => d.agencyId === f.police)!.status).not.toBe('dead');
    for (let i = 0; i < 100 && (await policeCopy()) !== 'sent'; i += 1)
      await new Promise((r) => setTimeout(r, 100));
    expect(await policeCopy()).toBe('sent');
    // It had gone before the mailbox was taken to refuse it: Sent Items is asked first, so the
    // police are not sent a second copy.
    expect(emls(/^MARAC action plan - /)).toHaveLength(mailsBefore);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'action-plan.resend' AND outcome = 'ok'`,
      ),
    ).toBe(1);
    await f.app.db.query(
      `UPDATE mail_delivery SET status = 'sent', last_error = NULL WHERE purpose = 'action-plan'`,
    );
  });

  it('warn of minutes due within two working days, then overdue, in words with the date', async () => {
    const route = `/api/meetings/${f.meetingId}/minutes`;
    await f.setNow(new Date('2026-12-29T09:00:00Z'));
    expect((await json<MinutesView>(f.as.coordinator(route))).warnings).toEqual([]);
    await f.setNow(new Date('2026-12-31T09:00:00Z'));
    expect((await json<MinutesView>(f.as.coordinator(route))).warnings).toEqual([
      'The minutes are due to be circulated by Monday 4 January 2027. Finish the draft and approve it, then circulate it.',
    ]);
    await f.setNow(new Date('2027-01-05T00:30:00Z'));
    expect((await json<MinutesView>(f.as.coordinator(route))).warnings).toEqual([
      'The minutes are overdue: they were due to be circulated by Monday 4 January 2027. Approve and circulate them now.',
    ]);
    await f.setNow(new Date('2026-12-16T09:00:00Z'));
  });
});

describe('the minutes', () => {
  const route = () => `/api/meetings/${f.meetingId}/minutes`;
  let minutes: MinutesView;

  it("open as a draft built from the record, due the protocol's 11 working days after the meeting", async () => {
    minutes = await json<MinutesView>(f.as.coordinator(route()));
    expect(minutes).toMatchObject({ state: 'draft', number: 1, version: 1, deliveries: [] });
    // The meeting is on Tuesday 15 December 2026: eleven working days on, skipping Christmas Day,
    // the Boxing Day substitute (Monday 28th) and New Year's Day, is Monday 4 January 2027.
    expect(f.day(0)).toBe('2026-12-15');
    expect(minutes.dueOn).toBe('2027-01-04');
    expect(minutes.sections.map((s) => s.key)).toEqual([
      'meeting',
      'attendance',
      'confidentiality',
      'case-1',
      'case-2',
      'deferred',
    ]);
    const text = (key: string) => minutes.sections.find((s) => s.key === key)!.text;
    expect(text('attendance')).toMatch(/Present:\n- /);
    expect(text('attendance')).toContain('Dana Whitcombe, agency representative, Riverside Police');
    expect(text('confidentiality')).toContain('Everything shared for and at this MARAC');
    expect(text('case-1')).toContain('Two callouts in November');
    expect(text('case-1')).toContain(ACTION_WORDS.police);
    expect(text('case-1')).toContain('Further assault at the home address');
    expect(text('deferred')).toBe('None.');
    expect((await json<MinutesView>(f.as.chair(route()))).version).toBe(1);
  });

  it('refuses a rep, the chair writing, a stale version and a body the editor never sends', async () => {
    // A rep reads the minutes once circulated, never the draft; an IDVA not at all.
    const early = await errorOf(f.as.police(route()));
    expect(early).toMatchObject({ status: 409, code: 'CONFLICT' });
    expect(early.message).toMatch(/not been circulated yet/);
    expect((await errorOf(f.as.idva(route()))).status).toBe(403);
    const chair = await errorOf(
      f.as.chair(
        route(),
        put({ action: 'save', version: 1, sections: [{ key: 'meeting', text: 'x' }] }),
      ),
    );
    expect(chair).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(chair.message).toMatch(/Only a coordinator/);
    const stale = await errorOf(
      f.as.coordinator(
        route(),
        put({ action: 'save', version: 7, sections: [{ key: 'meeting', text: 'x' }] }),
      ),
    );
    expect(stale).toMatchObject({ status: 409, code: 'VERSION_CONFLICT' });
    const unknownSection = await errorOf(
      f.as.coordinator(
        route(),
        put({ action: 'save', version: 1, sections: [{ key: 'case-9', text: 'x' }] }),
      ),
    );
    expect(unknownSection).toMatchObject({ status: 400, fields: ['sections.0.key'] });
    const extra = await errorOf(
      f.as.coordinator(route(), put({ action: 'approve', version: 1, sections: [] })),
    );
    expect(extra.status).toBe(400);
    expect(
      (await errorOf(f.as.coordinator(`${route()}/circulate`, post({ version: 1 }, randomUUID()))))
        .message,
    ).toMatch(/Approve the minutes before circulating them/);
    expect((await json<MinutesView>(f.as.coordinator(route()))).version).toBe(1);
  });

  it('saves a section with the version, approves, and circulates once per Idempotency-Key', async () => {
    const saved = await json<MinutesView>(
      f.as.coordinator(
        route(),
        put({
          action: 'save',
          version: 1,
          sections: [{ key: 'deferred', text: 'No case was deferred.' }],
        }),
      ),
    );
    expect(saved).toMatchObject({ state: 'draft', version: 2 });
    expect(saved.sections.find((s) => s.key === 'deferred')!.text).toBe('No case was deferred.');
    const approved = await json<MinutesView>(
      f.as.coordinator(route(), put({ action: 'approve', version: 2 })),
    );
    expect(approved).toMatchObject({ state: 'approved', version: 3 });
    const key = randomUUID();
    const first = await json<MinutesView>(
      f.as.coordinator(`${route()}/circulate`, post({ version: 3 }, key)),
    );
    expect(first).toMatchObject({ state: 'circulated', version: 4 });
    const again = await json<MinutesView>(
      f.as.coordinator(`${route()}/circulate`, post({ version: 3 }, key)),
    );
    expect(again.circulatedAt).toBe(first.circulatedAt);
    const agencies = await count(
      'SELECT count(DISTINCT agency_id)::int AS n FROM area_agency WHERE area_id = $1 AND core_rep_id IS NOT NULL',
      [f.areaId],
    );
    expect(
      await count(`SELECT count(*)::int AS n FROM mail_delivery WHERE purpose = 'minutes'`),
    ).toBe(agencies);
    const done = (await settled(route(), f.as.coordinator)) as MinutesView;
    expect(done.deliveries.every((d) => d.status === 'sent')).toBe(true);
    const mails = emls(/^MARAC minutes - /);
    expect(mails).toHaveLength(agencies);
    const healthMail = (
      await Promise.all(mails.map(async (m) => ({ m, to: (await mimeParts(m)).to })))
    ).find((x) => x.to.includes(HEALTH_CORE))!.m;
    const passwords = teamsTexts()
      .filter((t) => t.includes('MARAC minutes for'))
      .map((t) => /is:\s*(\S{24})/.exec(t)?.[1])
      .filter((p): p is string => Boolean(p));
    const locked = await pdfOf(healthMail);
    const open = passwords.map((p) => qpdfOpens(locked, p)).find((x) => x !== null);
    expect(open).toBeTruthy();
    const text = pdfText(open!);
    expect(text).toContain('No case was deferred.');
    expect(text).toContain('Everything shared for and at this MARAC is confidential');
    expect(await audits('minutes.circulate')).toBe(1);
  });

  it('is frozen once circulated: a change opens a correction (number 2), audited', async () => {
    const again = await errorOf(
      f.as.coordinator(`${route()}/circulate`, post({ version: 4 }, randomUUID())),
    );
    expect(again).toMatchObject({ status: 409 });
    expect(again.message).toMatch(/circulated already/);
    const correction = await json<MinutesView>(
      f.as.coordinator(
        route(),
        put({
          action: 'save',
          version: 4,
          sections: [{ key: 'meeting', text: 'Corrected start time.' }],
        }),
      ),
    );
    expect(correction).toMatchObject({ number: 2, state: 'draft', version: 1 });
    expect(await audits('minutes.correct')).toBe(1);
    // The police still read what was circulated to them, not the correction's draft.
    const police = await json<MinutesView>(f.as.police(route()));
    expect(police).toMatchObject({ number: 1, state: 'circulated', deliveries: [], warnings: [] });
    const first = await f.app.db.query<{ state: string }>(
      `SELECT state FROM meeting_document WHERE kind = 'minutes' AND number = 1`,
    );
    expect(first.rows[0]!.state).toBe('circulated');
  });
});
