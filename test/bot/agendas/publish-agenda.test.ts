import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type {
  AgendaDelivery,
  AgendaView,
  AgendaWarning,
  MeetingAgencies,
} from '#core/contracts/agenda-api.js';
import { raiseAgendaWarnings } from '#core/agendas/agenda-warnings.js';
import type { Agency } from '#core/contracts/api.js';
import { demoReferrals } from '../../../bot/src/demo/demo-referrals.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';
import { mimeParts } from '../../support/mime-parts.js';

/**
 * Publishing an agenda in local mode, as the acceptance asks: one .eml per recipient, each in its
 * agency's mode, opened by OpenSSL and qpdf as a rep would; an addendum that says what changed;
 * and the meeting's list deciding who reads its cases.
 */
const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';
const POLICE_CORE = 'dana.whitcombe@police.example';
const CHILDRENS_CORE = 'priya.ellingham@childrens.example';
const HEALTH_CORE = 'anjali.storey@health.example';
const ADULTS_CORE = 'fenella.quayle@adults.example';

let app: TestApp;
let coordinator: (route: string, init?: RequestInit) => Promise<Response>;
let meetingId: string;
let mailDir: string;

/** Every name the demo referrals hold: none may appear in a subject or a plain body. */
const names = demoReferrals.flatMap((story) => [
  story.victim.name,
  story.perpetrator.name,
  ...story.children.map((c) => c.name),
]);

const json = async <T>(response: Response | Promise<Response>): Promise<T> => {
  const answer = await response;
  if (!answer.ok) throw new Error(`${answer.status}: ${await answer.text()}`);
  return (await answer.json()) as T;
};

async function deliveriesSettled(): Promise<AgendaDelivery[]> {
  for (let i = 0; i < 300; i += 1) {
    const rows = await json<AgendaDelivery[]>(
      coordinator(`/api/meetings/${meetingId}/agenda/deliveries`),
    );
    if (rows.length > 0 && rows.every((r) => r.status === 'sent' || r.status === 'dead'))
      return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('deliveries did not settle');
}

/** The agenda's mail: not the research links sent to reps the bot cannot reach in Teams. */
const emls = () =>
  readdirSync(mailDir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => readFileSync(path.join(mailDir, f)))
    .filter((eml) => !/^Message-ID:\s*<marac\.research\./im.test(eml.toString('latin1')));

/** The copies sent to one address. */
const copiesFor = async (email: string) => {
  const all = emls();
  const to = await Promise.all(all.map(async (eml) => (await mimeParts(eml)).to));
  return all.filter((_, i) => to[i]!.includes(email));
};

function decryptWith(eml: Buffer, email: string): Buffer {
  const dir = path.join(app.dataDir, 'demo', 'smime');
  const input = path.join(app.dataDir, 'message.eml');
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

beforeAll(async () => {
  app = await startApp({
    now: () => new Date('2026-12-01T09:00:00Z'),
    env: { MARAC_DEMO_REFERRALS: 'true', RATE_LIMIT_PER_MINUTE: '100000' },
  });
  mailDir = path.join(app.dataDir, 'outbox', 'mail');
  coordinator = await signIn(app, COORDINATOR);
  const found = await app.db.query<{ meeting_id: string }>(
    `SELECT meeting_id FROM referral WHERE status = 'accepted' AND meeting_id IS NOT NULL
      GROUP BY meeting_id ORDER BY count(*) DESC LIMIT 1`,
  );
  meetingId = found.rows[0]!.meeting_id;
}, 120_000);
afterAll(() => app.stop());

it('warns the coordinator of an agenda overdue, in the tab and once in Teams, naming the meeting only', async () => {
  const areaId = (
    await app.db.query<{ id: string }>(`SELECT area_id AS id FROM meeting WHERE id = $1`, [
      meetingId,
    ])
  ).rows[0]!.id;
  // Today (Tue 1 Dec 2026) has a meeting whose agenda was due out a week ago, unpublished.
  const warnings = await json<AgendaWarning[]>(coordinator(`/api/areas/${areaId}/agenda-warnings`));
  expect(warnings).toContainEqual({
    meetingId: expect.any(String),
    meetingDate: '2026-12-01',
    kind: 'circulation-passed',
    message:
      'The agenda for the MARAC on Tuesday 1 December 2026 was due out on Tuesday 24 November 2026 and has not been published.',
  });
  const raised = async () =>
    (
      await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox WHERE payload->>'kind' = 'notify.agenda-warning'`,
      )
    ).rows[0]!.n;
  const before = await raised();
  expect(before).toBeGreaterThan(0);
  await raiseAgendaWarnings({ uow: app.services.uow, clock: app.services.clock });
  expect(await raised()).toBe(before);
  const teams = path.join(app.dataDir, 'outbox', 'teams');
  const told = readdirSync(teams)
    .map((f) => (JSON.parse(readFileSync(path.join(teams, f), 'utf8')) as { text: string }).text)
    .filter((t) => t.includes('was due out on'));
  expect(told.length).toBeGreaterThan(0);
  for (const text of told) for (const name of names) expect(text).not.toContain(name);
});

it('has demo agencies in every delivery mode, with checked certificates for the S/MIME reps', async () => {
  const areaId = (
    await app.db.query<{ id: string }>(`SELECT area_id AS id FROM meeting WHERE id = $1`, [
      meetingId,
    ])
  ).rows[0]!.id;
  const agencies = await json<Agency[]>(coordinator(`/api/areas/${areaId}/agencies`));
  expect(new Set(agencies.map((a) => a.delivery.mode))).toEqual(
    new Set(['smime', 'password', 'purview', 'link']),
  );
  const police = agencies.find((a) => a.name === 'Riverside Police')!;
  expect(police.delivery.certificates.map((c) => c.email).sort()).toEqual(
    [POLICE_CORE, 'idris.penhallow@police.example'].sort(),
  );
});

it('publishes to the agencies on the list, one .eml each, in each agency mode, and no name outside the encryption', async () => {
  const members = await json<MeetingAgencies>(coordinator(`/api/meetings/${meetingId}/agencies`));
  expect(members.isDefault).toBe(true);
  const keep = members.agencies.filter((a) => a.name !== 'Adult Social Care');
  const set = await json<MeetingAgencies>(
    coordinator(`/api/meetings/${meetingId}/agencies`, {
      method: 'PUT',
      body: JSON.stringify({
        agencyIds: keep.map((a) => a.id),
        chairIds: members.chairs.map((c) => c.id),
        idvaIds: members.idvas.map((c) => c.id),
      }),
    }),
  );
  expect(set.isDefault).toBe(false);

  const draft = await json<AgendaView>(coordinator(`/api/meetings/${meetingId}/agenda`));
  expect(draft.kind).toBe('draft');
  expect(draft.agenda!.sections.map((s) => s.kind)).toEqual([
    'introductions',
    'actions-review',
    'cases-with-children',
    'adult-cases',
    'twelve-months',
    'other-business',
  ]);
  const published = await json<{ version: number; recipients: number }>(
    coordinator(`/api/meetings/${meetingId}/agenda/publish`, { method: 'POST', body: '{}' }),
  );
  expect(published.version).toBe(1);
  expect(published.recipients).toBe(keep.length * 2); // a core rep and a deputy each
  const rows = await deliveriesSettled();
  expect(rows.every((r) => r.status === 'sent')).toBe(true);
  const mails = emls();
  expect(mails).toHaveLength(published.recipients);
  expect(await copiesFor(ADULTS_CORE)).toHaveLength(0);

  for (const eml of mails) {
    const { subject, plainBodies, html, attachments } = await mimeParts(eml);
    expect(subject).toMatch(/^MARAC agenda - Northbrook and Wellfield - /);
    for (const name of names) {
      expect(subject).not.toContain(name);
      for (const body of plainBodies) expect(body).not.toContain(name);
    }
    // Only a Purview copy carries the agenda unencrypted (Exchange encrypts it on the way out):
    // in every other mode no part a reader opens without a key or a password holds a name.
    if (/^x-marac-protect:/im.test(eml.toString('latin1'))) continue;
    const readable = [
      eml.toString('latin1'),
      html ?? '',
      ...attachments.map((a) => a.content.toString('latin1')),
    ];
    for (const name of names) for (const text of readable) expect(text).not.toContain(name);
  }
});

it('opens the S/MIME copy with the rep\u2019s own demo key, and not with another rep\u2019s', async () => {
  const [copy] = await copiesFor(POLICE_CORE);
  const opened = decryptWith(copy!, POLICE_CORE).toString('latin1');
  expect(opened).toMatch(/Content-Type: application\/pdf/i);
  expect(() => decryptWith(copy!, CHILDRENS_CORE)).toThrow();
});

it('sends the password copy\u2019s password by the bot, never in a mail, and qpdf opens the PDF only with it', async () => {
  const [copy] = await copiesFor(HEALTH_CORE);
  const pdf = (await mimeParts(copy!)).attachments.find(
    (a) => a.contentType === 'application/pdf',
  )!.content;
  const teamsDir = path.join(app.dataDir, 'outbox', 'teams');
  const notices = readdirSync(teamsDir).map(
    (f) => JSON.parse(readFileSync(path.join(teamsDir, f), 'utf8')) as { text: string },
  );
  const passwords = notices
    .map((n) => /password[^:]*:\s*(\S{24})/i.exec(n.text)?.[1])
    .filter((p): p is string => Boolean(p));
  expect(passwords.length).toBeGreaterThanOrEqual(4); // two password agencies, two reps each
  for (const eml of emls())
    for (const p of passwords) expect(eml.toString('latin1')).not.toContain(p);
  const file = path.join(app.dataDir, 'copy.pdf');
  writeFileSync(file, pdf);
  const opens = (password: string | null) => {
    try {
      execFileSync(
        'qpdf',
        [
          ...(password ? [`--password=${password}`] : []),
          '--decrypt',
          file,
          path.join(app.dataDir, 'open.pdf'),
        ],
        { stdio: 'pipe' },
      );
      return true;
    } catch {
      return false;
    }
  };
  expect(opens(null)).toBe(false);
  expect(passwords.some((p) => opens(p))).toBe(true);
});

it('sends a numbered addendum to every recipient, saying what changed', async () => {
  const before = emls().length;
  // A case accepted onto a later meeting is brought to this one after its referral deadline.
  const late = (
    await app.db.query<{ id: string; reference: string }>(
      `SELECT id, reference FROM referral WHERE status = 'accepted' AND meeting_id <> $1 LIMIT 1`,
      [meetingId],
    )
  ).rows[0]!;
  await json(
    coordinator(`/api/meetings/${meetingId}/agenda/late-cases`, {
      method: 'POST',
      body: JSON.stringify({ referralId: late.id, reason: 'Further incident on Sunday' }),
    }),
  );
  const pending = await json<AgendaView>(coordinator(`/api/meetings/${meetingId}/agenda`));
  const added = `Case ${late.reference} added after the referral deadline: Further incident on Sunday`;
  expect(pending.pendingChanges).toEqual([added]);
  const addendum = await json<{ version: number; label: string; recipients: number }>(
    coordinator(`/api/meetings/${meetingId}/agenda/publish`, { method: 'POST', body: '{}' }),
  );
  expect(addendum).toMatchObject({ version: 2, label: 'Addendum 1 (version 2)' });
  await deliveriesSettled();
  const mails = emls();
  expect(mails.length - before).toBe(addendum.recipients);
  const police = await copiesFor(POLICE_CORE);
  expect(police).toHaveLength(2);
  const subjects = await Promise.all(police.map(async (eml) => (await mimeParts(eml)).subject));
  const addendumCopy = police[subjects.findIndex((s) => s.includes('Addendum 1'))]!;
  const opened = (await mimeParts(decryptWith(addendumCopy, POLICE_CORE))).html ?? '';
  expect(opened).toContain(`Case ${late.reference} added after the referral deadline`);
  // Nothing changed since: nothing to send.
  const again = await coordinator(`/api/meetings/${meetingId}/agenda/publish`, {
    method: 'POST',
    body: '{}',
  });
  expect(again.status).toBe(409);
});

it('lets only those on the meeting read its agenda and its cases', async () => {
  const caseId = (
    await app.db.query<{ id: string }>(
      `SELECT id FROM referral WHERE meeting_id = $1 AND status = 'accepted' LIMIT 1`,
      [meetingId],
    )
  ).rows[0]!.id;
  const adults = await signIn(app, ADULTS_CORE);
  expect((await adults(`/api/meetings/${meetingId}/agenda`)).status).toBe(403);
  expect((await adults(`/api/referrals/${caseId}`)).status).toBe(404);
  const police = await signIn(app, POLICE_CORE);
  const view = await json<AgendaView>(police(`/api/meetings/${meetingId}/agenda`));
  expect(view).toMatchObject({ kind: 'published', version: 2 });
  expect((await police(`/api/referrals/${caseId}`)).status).toBe(200);

  // The chair taken off the meeting reads neither.
  const members = await json<MeetingAgencies>(coordinator(`/api/meetings/${meetingId}/agencies`));
  await json(
    coordinator(`/api/meetings/${meetingId}/agencies`, {
      method: 'PUT',
      body: JSON.stringify({
        agencyIds: members.agencies.filter((a) => a.onMeeting).map((a) => a.id),
        chairIds: [],
        idvaIds: members.idvas.map((c) => c.id),
      }),
    }),
  );
  const chair = await signIn(app, 'inspector.amos.kettering@police.example');
  expect((await chair(`/api/meetings/${meetingId}/agenda`)).status).toBe(403);
  expect((await chair(`/api/referrals/${caseId}`)).status).toBe(404);
});

it('sends the version already out to an agency added to the meeting afterwards, and only to it', async () => {
  const members = await json<MeetingAgencies>(coordinator(`/api/meetings/${meetingId}/agencies`));
  await json(
    coordinator(`/api/meetings/${meetingId}/agencies`, {
      method: 'PUT',
      body: JSON.stringify({
        agencyIds: members.agencies.map((a) => a.id), // Adult Social Care back on the list
        chairIds: members.chairs.map((c) => c.id),
        idvaIds: members.idvas.map((c) => c.id),
      }),
    }),
  );
  const before = emls().length;
  const sent = await json<{ version: number; recipients: number }>(
    coordinator(`/api/meetings/${meetingId}/agenda/publish`, { method: 'POST', body: '{}' }),
  );
  expect(sent).toMatchObject({ version: 2, recipients: 2 }); // its core rep and deputy
  await deliveriesSettled();
  expect(emls().length - before).toBe(2);
  const [copy] = await copiesFor(ADULTS_CORE);
  expect((await mimeParts(copy!)).subject).toMatch(/Addendum 1$/);
  const again = await coordinator(`/api/meetings/${meetingId}/agenda/publish`, {
    method: 'POST',
    body: '{}',
  });
  expect(again.status).toBe(409);
});
