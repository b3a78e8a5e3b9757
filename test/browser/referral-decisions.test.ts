/**
 * The coordinator decides with the facts and the referrer sees the answer, in a real Chromium
 * against the real server: two agencies refer the same victim (written differently); the
 * coordinator sees the two side by side (names, dates of birth, addresses, referrers, dates),
 * merging asks first; the referrer's My referrals says it was merged, shows the coordinator's
 * note on a declined referral, and never a repeat flag or a count of candidates.
 * Screenshots go to test-output/screens/decisions-*.png.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { signIn as apiSignIn, startApp, type TestApp } from '../support/start-app.js';
import { launchChromium } from './support/chromium.js';
import { openSession, signInAs } from './support/tab-session.js';

const SCREENS = 'test-output/screens';
const AREA = 'Northbrook and Wellfield';
const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';
const DANA = 'dana.whitcombe@police.example';
const MORWENNA = 'morwenna.tate@idva.example';

jest.setTimeout(240_000);

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
  app = await startApp();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** A complete referral through the API, as the person, for their agency. */
async function refer(email: string, agencyName: string, victim: string, line1: string) {
  const api = await apiSignIn(app, email);
  const areas = (await (await api('/api/areas')).json()) as { id: string; name: string }[];
  const areaId = areas.find((a) => a.name === AREA)!.id;
  const agencies = (await (await api(`/api/areas/${areaId}/agencies`)).json()) as {
    id: string;
    name: string;
  }[];
  const answers = Object.fromEntries(
    Array.from({ length: 24 }, (_, i) => [`q${i + 1}`, i < 15 ? 'yes' : 'no']),
  );
  const form = {
    areaId,
    referrerAgencyId: agencies.find((a) => a.name === agencyName)!.id,
    referrerPhone: '01632 960555',
    victim: {
      name: victim,
      dateOfBirth: '1990-04-03',
      gender: 'female',
      address: { line1, town: 'Northbrook', postcode: 'NB4 7QX' },
      safeToCall: 'yes',
      disability: 'not-known',
      interpreterNeeded: false,
    },
    perpetrators: [
      {
        name: 'Dorian Threlkeld',
        dateOfBirth: null,
        gender: 'male',
        relationshipToVictim: 'ex-partner',
        address: null,
        mappaLevel: 'none',
      },
    ],
    reasonsForReferral: 'Threats to kill after separation.',
    riskAssessment: {
      kind: 'dash',
      questionSet: 'safelives-24',
      answers,
      completedOn: '2026-11-27',
    },
    incidentsInLast12Months: 1,
    consent: { victimAware: true, consented: true },
  };
  const response = await api('/api/referrals', {
    method: 'POST',
    body: JSON.stringify({ form, submit: true }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; reference: string };
}

test('a possible duplicate side by side, merged after confirmation; the referrers see the answers', async () => {
  const first = await refer(DANA, 'Riverside Police', 'Elizabeth Carrow-Haynes', '14 Larkspur Row');
  const second = await refer(
    MORWENNA,
    'Riverside IDVA Service',
    'Elizabeth Carrow Haynes',
    '14 Larkspur Row',
  );
  const declined = await refer(
    MORWENNA,
    'Riverside IDVA Service',
    'Henrietta Pollexfen',
    '2 Mill Lane',
  );

  const coord = await openSession(browser);
  let page = coord.page;
  await signInAs(page, app.url, COORDINATOR);
  await page.getByRole('tab', { name: AREA, exact: true }).click();
  await page.getByRole('tab', { name: 'Referrals', exact: true }).click();
  const queue = page.getByTestId('referral-queue');
  await queue.waitFor();
  // The queue reads as people.
  expect(await queue.textContent()).toContain('Henrietta Pollexfen');

  await queue.getByRole('button', { name: `Open ${second.reference}` }).click();
  const detail = page.getByTestId('referral-detail');
  const comparison = detail.getByTestId('candidate-comparison');
  await comparison.waitFor();
  const compared = (await comparison.textContent()) ?? '';
  for (const expected of [
    first.reference,
    second.reference,
    'Elizabeth Carrow-Haynes',
    'Elizabeth Carrow Haynes',
    '14 Larkspur Row, Northbrook, NB4 7QX',
    'Dana Whitcombe, Riverside Police',
    'Morwenna Tate, Riverside IDVA Service',
    'Tue 3 Apr 1990',
  ]) {
    expect(compared).toContain(expected);
  }
  await comparison.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/decisions-side-by-side.png`, animations: 'disabled' });

  // Merging asks first; Cancel changes nothing.
  await detail.getByRole('button', { name: `Merge into ${first.reference}…` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(`Merge ${second.reference} into ${first.reference}?`).waitFor();
  await page.screenshot({ path: `${SCREENS}/decisions-merge-confirm.png`, animations: 'disabled' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await detail.getByRole('button', { name: `Merge into ${first.reference}…` }).waitFor();
  await detail.getByRole('button', { name: `Merge into ${first.reference}…` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Merge', exact: true }).click();
  await detail.getByText(`Merged into ${first.reference}.`).waitFor();

  // Decline another with a note the referrer will read.
  await page.getByRole('button', { name: 'Close' }).click();
  await queue.getByRole('button', { name: `Open ${declined.reference}` }).click();
  await detail
    .getByLabel('Note to the referrer')
    .fill('Below threshold: please refer to the local DA service.');
  await detail.getByRole('button', { name: 'Decline' }).click();
  await detail.getByText('Declined.').waitFor();
  await coord.context.close();

  const referrer = await openSession(browser, { width: 320, height: 800 });
  page = referrer.page;
  await signInAs(page, app.url, MORWENNA);
  await page.getByRole('tab', { name: 'My referrals', exact: true }).click();
  const mine = page.getByTestId('my-referrals');
  await mine.waitFor();
  const merged = mine.getByRole('row').filter({ hasText: second.reference });
  expect(await merged.textContent()).toMatch(/Merged with another referral of the same case/);
  const refused = mine.getByRole('row').filter({ hasText: declined.reference });
  expect(await refused.textContent()).toMatch(
    /Coordinator’s note: Below threshold: please refer to the local DA service\./,
  );
  // Never whether the victim was heard before.
  expect(await mine.textContent()).not.toMatch(/repeat|duplicate|candidate/i);
  await page.screenshot({ path: `${SCREENS}/decisions-my-referrals-320.png`, fullPage: true });
  await referrer.context.close();
});
