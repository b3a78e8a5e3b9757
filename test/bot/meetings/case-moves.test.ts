import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';
import { referralForm } from '../referrals/fixtures.js';

// Today is Tue 1 Dec 2026; Northbrook meets every other Tuesday from today.
const now = () => new Date('2026-12-01T09:00:00Z');
const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';
const DANA = 'dana.whitcombe@police.example';
const VICTIMS = [
  ['Amelia Hart-Lowe', '1990-04-03'],
  ['Bryony Castlewood', '1983-08-19'],
] as const;

let app: TestApp;
let coordinator: Awaited<ReturnType<typeof signIn>>;
let areaId: string;
const meetingOn: Record<string, string> = {};
const referrals: string[] = [];
const post = (route: string, body: unknown) =>
  coordinator(route, { method: 'POST', body: JSON.stringify(body) });
/** What was written to the local Teams outbox since the last call (names share the fixed clock's time). */
const seen = new Set<string>();
const newTeamsNotices = () => {
  const dir = path.join(app.dataDir, 'outbox', 'teams');
  const fresh = readdirSync(dir).filter((f) => !seen.has(f));
  for (const f of fresh) seen.add(f);
  return fresh.map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { text: string });
};

beforeAll(async () => {
  app = await startApp({ now, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  coordinator = await signIn(app, COORDINATOR);
  areaId = (await app.db.query<{ id: string }>(`SELECT id FROM area WHERE name LIKE 'Northbrook%'`))
    .rows[0]!.id;
  const meetings = await app.db.query<{ id: string; date: string }>(
    'SELECT id, date FROM meeting WHERE area_id = $1',
    [areaId],
  );
  for (const m of meetings.rows) meetingOn[m.date] = m.id;
  const police = (
    await app.db.query<{ id: string }>(`SELECT id FROM agency WHERE name = 'Riverside Police'`)
  ).rows[0]!.id;
  const dana = await signIn(app, DANA);
  for (const [name, dateOfBirth] of VICTIMS) {
    const base = referralForm({ areaId, referrerAgencyId: police });
    const made = await dana('/api/referrals', {
      method: 'POST',
      body: JSON.stringify({
        form: { ...base, victim: { ...base.victim, name, dateOfBirth } },
        submit: true,
      }),
    });
    const { id } = (await made.json()) as { id: string };
    const accepted = await post(`/api/referrals/${id}/accept`, {});
    expect(await accepted.json()).toMatchObject({ kind: 'accepted', meetingDate: '2026-12-15' });
    referrals.push(id);
  }
}, 180_000);
afterAll(() => app.stop());

it("shows the coordinator a meeting's cases, and counts them in the meeting list", async () => {
  const cases = (await (
    await coordinator(`/api/meetings/${meetingOn['2026-12-15']}/cases`)
  ).json()) as object[];
  expect(cases).toEqual(
    VICTIMS.map(([victimName]) =>
      expect.objectContaining({ victimName, band: 'high', referrerAgency: 'Riverside Police' }),
    ),
  );
  const list = (await (
    await coordinator(`/api/areas/${areaId}/meetings?from=2026-12-01`)
  ).json()) as {
    date: string;
    cases: number;
  }[];
  expect(list.find((m) => m.date === '2026-12-15')!.cases).toBe(2);
  expect(list.find((m) => m.date === '2026-12-29')!.cases).toBe(0);
  const dana = await signIn(app, DANA);
  expect((await dana(`/api/meetings/${meetingOn['2026-12-15']}/cases`)).status).toBe(403);
  const read = await app.db.query(`SELECT 1 FROM audit_log WHERE action = 'meeting.cases.read'`);
  expect(read.rows).toHaveLength(1);
});

it('moves the cases of a cancelled meeting to the next one in the same request, and tells the referrer', async () => {
  newTeamsNotices();
  const cancel = await post(`/api/meetings/${meetingOn['2026-12-15']}/cancel`, {
    reason: 'Chair unavailable',
  });
  expect(cancel.status).toBe(200);
  const on = await app.db.query<{ date: string }>(
    'SELECT m.date FROM referral r JOIN meeting m ON m.id = r.meeting_id WHERE r.id = ANY($1)',
    [referrals],
  );
  expect(on.rows.map((r) => r.date)).toEqual(['2026-12-29', '2026-12-29']);
  const told = newTeamsNotices().map((n) => n.text);
  expect(told).toHaveLength(2);
  for (const text of told) {
    expect(text).toMatch(
      /^Your MARAC referral NBW-2026-\d{4} is accepted and now on the MARAC on Tue 29 Dec 2026\.$/,
    );
    for (const [name] of VICTIMS) expect(text).not.toContain(name.split(' ')[0]!);
  }
  const audited = await app.db.query(
    `SELECT record_id FROM audit_log WHERE action = 'referral.move'`,
  );
  expect(audited.rows).toHaveLength(2);
  const kept = await app.db.query<{ reason: string }>('SELECT reason FROM case_move');
  expect(kept.rows).toHaveLength(2);
  for (const row of kept.rows) expect(row.reason).not.toContain('Chair');
});

it('moves one case to a chosen meeting; the same request again writes nothing more', async () => {
  const body = { meetingId: meetingOn['2027-01-12'], reason: 'Needs the housing rep' };
  const first = await post(`/api/referrals/${referrals[0]}/move`, body);
  expect(await first.json()).toEqual({
    referralId: referrals[0],
    meetingId: body.meetingId,
    meetingDate: '2027-01-12',
  });
  const moves = async () => (await app.db.query('SELECT 1 FROM case_move')).rows.length;
  const after = await moves();
  const again = await post(`/api/referrals/${referrals[0]}/move`, body);
  expect(again.status).toBe(200);
  expect(await moves()).toBe(after);
});

it('refuses a cancelled meeting as the new one, naming the field in words', async () => {
  const refused = await post(`/api/referrals/${referrals[1]}/move`, {
    meetingId: meetingOn['2026-12-15'],
    reason: 'Needs the housing rep',
  });
  expect(refused.status).toBe(400);
  const { error } = (await refused.json()) as { error: { message: string } };
  expect(error.message).toMatch(/^Meeting to move the case to: choose a coming meeting/);
});

it('keeps the cases of a moved meeting on it', async () => {
  newTeamsNotices();
  const moved = await post(`/api/meetings/${meetingOn['2026-12-29']}/move`, {
    date: '2026-12-30',
    reason: 'Room clash',
  });
  expect(moved.status).toBe(200);
  const on = await app.db.query<{ date: string }>(
    'SELECT m.date FROM referral r JOIN meeting m ON m.id = r.meeting_id WHERE r.id = $1',
    [referrals[1]],
  );
  expect(on.rows[0]!.date).toBe('2026-12-30');
  expect(newTeamsNotices().map((n) => n.text)).toEqual([
    expect.stringMatching(/now on the MARAC on Wed 30 Dec 2026\.$/),
  ]);
});
