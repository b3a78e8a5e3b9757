import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { demoReferrals } from '../../../bot/src/demo/demo-referrals.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';

// Tue 1 Dec 2026: the demo's fortnightly series starts today.
const now = () => new Date('2026-12-01T09:00:00Z');

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ now, env: { MARAC_DEMO_REFERRALS: 'true' } });
}, 180_000);
afterAll(() => app.stop());

it('opens on a queue with a referral in every state, made through the real use cases', async () => {
  const areaId = (
    await app.db.query<{ id: string }>(`SELECT id FROM area WHERE name LIKE 'Northbrook%'`)
  ).rows[0]!.id;
  const coordinator = await signIn(app, 'rosalind.marsh@riverside-partnership.example');
  const queue = (await (await coordinator(`/api/areas/${areaId}/referrals`)).json()) as {
    status: string;
    openDuplicates: number;
    meetingId: string | null;
  }[];
  expect(queue).toHaveLength(demoReferrals.length);
  const count = (status: string) => queue.filter((q) => q.status === status).length;
  expect([
    count('accepted'),
    count('submitted'),
    count('needs-information'),
    count('declined'),
  ]).toEqual([3, 1, 1, 1]);
  expect(queue.find((q) => q.status === 'submitted')!.openDuplicates).toBe(1);

  // Accepted onto the next two meetings: two on the first, one on the one after.
  const meetings = (await (
    await coordinator(`/api/areas/${areaId}/meetings?from=2026-12-01`)
  ).json()) as {
    date: string;
    cases: number;
  }[];
  const withCases = meetings.filter((m) => m.cases > 0).map((m) => [m.date, m.cases]);
  expect(withCases).toEqual([
    ['2026-12-15', 2],
    ['2026-12-29', 1],
  ]);

  // Encrypted like any referral: no victim's name in the stored form.
  const stored = await app.db.query<{ form: string }>('SELECT form FROM referral');
  for (const story of demoReferrals) {
    for (const row of stored.rows) expect(row.form).not.toContain(story.victim.name.split(' ')[1]!);
  }
  // Audited and told as a real referral is.
  const audited = await app.db.query<{ action: string }>(
    `SELECT action FROM audit_log WHERE action LIKE 'referral.%'`,
  );
  expect(audited.rows.map((r) => r.action)).toEqual(
    expect.arrayContaining(['referral.accept', 'referral.needs-information', 'referral.declined']),
  );
  await app.services.drainOutbox();
  const dir = path.join(app.dataDir, 'outbox', 'teams');
  const notices = readdirSync(dir).map((f) => readFileSync(path.join(dir, f), 'utf8'));
  expect(notices.some((n) => /accepted for the MARAC on Tue 15 Dec 2026/.test(n))).toBe(true);
  for (const story of demoReferrals) {
    for (const notice of notices) expect(notice).not.toContain(story.victim.name);
  }
});
