import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { londonDateOf } from '#core/calendar/london-time.js';
import { WorkingCalendar } from '#core/calendar/working-days.js';
import { addDays } from '#core/shared/local-date.js';
import { referralForm } from '../bot/referrals/fixtures.js';
import { signIn, startApp, type TestApp } from '../support/start-app.js';
import { launchChromium } from './support/chromium.js';

const SCREENS = path.resolve('test-output/screens');
const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';

jest.setTimeout(180_000);

let app: TestApp;
let browser: Browser;

/** Northbrook with room for one case a meeting, one referral already on the next meeting, and one waiting. */
async function fullMeeting(): Promise<void> {
  const coordinator = await signIn(app, COORDINATOR);
  const dana = await signIn(app, 'dana.whitcombe@police.example');
  const area = (
    await app.db.query<{ id: string; protocol: object }>(
      `SELECT id, protocol FROM area WHERE name LIKE 'Northbrook%'`,
    )
  ).rows[0]!;
  await coordinator(`/api/areas/${area.id}/protocol`, {
    method: 'PUT',
    body: JSON.stringify({ ...area.protocol, caseCapacity: 1 }),
  });
  const police = (
    await app.db.query<{ id: string }>(`SELECT id FROM agency WHERE name = 'Riverside Police'`)
  ).rows[0]!.id;
  const ids: string[] = [];
  for (const [name, dateOfBirth] of [
    ['Amelia Hart-Lowe', '1990-04-03'],
    ['Bryony Castlewood', '1983-08-19'],
  ] as const) {
    const base = referralForm({ areaId: area.id, referrerAgencyId: police });
    const form = {
      ...base,
      victim: { ...base.victim, name, dateOfBirth },
      riskAssessment: {
        ...base.riskAssessment,
        completedOn: new Date().toISOString().slice(0, 10),
      },
    };
    const made = await dana('/api/referrals', {
      method: 'POST',
      body: JSON.stringify({ form, submit: true }),
    });
    ids.push(((await made.json()) as { id: string }).id);
  }
  await coordinator(`/api/referrals/${ids[0]}/accept`, { method: 'POST', body: '{}' });
}

beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
  app = await startApp();
  browser = await launchChromium();
  await fullMeeting();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('offers an extra meeting when the next one is full, and accepts the referral onto it', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(app.url);
  await page.getByRole('button', { name: /rosalind\.marsh/ }).click();
  await page.getByRole('tab', { name: 'Northbrook and Wellfield', exact: true }).click();
  await page.getByRole('tab', { name: 'Referrals', exact: true }).click();
  await page
    .getByRole('button', { name: /^Open / })
    .first()
    .click();
  await page.getByRole('button', { name: 'Accept', exact: true }).click();
  const full = page.getByTestId('over-capacity');
  await full.waitFor();
  expect(await full.textContent()).toMatch(/already has 1 case \(usual capacity 1\)/);
  await full.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENS, 'referral-over-capacity.png') });
  // The first working day (England and Wales) at least ten days from now.
  const iso = new WorkingCalendar({ region: 'england-and-wales' }).onOrAfter(
    addDays(londonDateOf(new Date()), 10),
  );
  await full.getByLabel('Extra meeting on').fill(iso);
  await full.getByRole('button', { name: 'Add an extra meeting' }).click();
  const notice = page.getByTestId('accepted-notice');
  await notice.waitFor();
  const extra = await app.db.query<{ date: string; series_id: string | null }>(
    `SELECT m.date, m.series_id FROM referral r JOIN meeting m ON m.id = r.meeting_id WHERE r.status = 'accepted' ORDER BY r.decided_at DESC LIMIT 1`,
  );
  expect(extra.rows[0]).toEqual({ date: iso, series_id: null });
  await page.screenshot({ path: path.join(SCREENS, 'referral-extra-meeting.png') });
});
