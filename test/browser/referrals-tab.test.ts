/**
 * Referrals in the tab, in a real Chromium against the real server in local mode with its demo
 * data: the police core rep refers a high-risk case (checks and saves a draft, then submits it and
 * sees the receipt), a bad referral is refused with the field named and nothing typed lost; the
 * coordinator finds it in the area's queue, opens it and accepts it onto a meeting.
 * Screenshots go to test-output/screens/referral-*.png.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium.js';
import {
  field,
  fillReferral,
  openSession as openTabSession,
  signInAs,
} from './support/tab-session.js';
import type { z } from 'zod';
import type { devUserSchema } from '#core/contracts/api.js';
import { startApp } from '../support/start-app.js';

type DevUser = z.infer<typeof devUserSchema>;

const SCREENS = 'test-output/screens';
const BRITISH_DATE = /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2,3} \d{4}/;
const DANA = 'dana.whitcombe@police.example';
const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';
const VICTIM = 'Amelia Hart-Lowe';

jest.setTimeout(240_000);

let app: { url: string; stop(): Promise<void> };
let browser: Browser;
let users: DevUser[];

beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
  app = await startApp();
  browser = await launchChromium();
  const response = await fetch(`${app.url}/api/dev/users`);
  expect(response.status).toBe(200);
  users = (await response.json()) as DevUser[];
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: `${SCREENS}/referral-${name}.png`, fullPage, animations: 'disabled' });

const openSession = () => openTabSession(browser);
const signIn = (page: Page, email: string) => signInAs(page, app.url, email);

function userFor(email: string): DevUser {
  const user = users.find((u) => u.email === email);
  if (!user) throw new Error(`the demo data has no ${email}`);
  return user;
}

/** The area both the police rep and the coordinator work in (Northbrook in the demo data). */
function sharedArea(): string {
  const coordinates = new Set(
    userFor(COORDINATOR)
      .roles.filter((r) => r.role === 'coordinator')
      .map((r) => r.areaName),
  );
  const names = userFor(DANA)
    .roles.filter((r) => r.role !== 'observer' && coordinates.has(r.areaName))
    .map((r) => r.areaName);
  const name = names.find((n) => n.startsWith('Northbrook')) ?? names[0];
  if (!name) throw new Error('no area shared by the rep and the coordinator');
  return name;
}

test('a police rep refers a high-risk case; a coordinator accepts it onto a meeting', async () => {
  const areaName = sharedArea();

  // The police core rep refers a case.
  const rep = await openSession();
  let page = rep.page;
  await signIn(page, DANA);
  await page.getByRole('tab', { name: 'Refer a case', exact: true }).click();
  await page.getByRole('heading', { name: 'Refer a case', level: 2 }).waitFor();
  await fillReferral(page, areaName, { name: VICTIM, dob: '1990-04-03' });
  await expect(page.getByTestId('dash-count').textContent()).resolves.toMatch(
    /15 of 24 \(24 answered\)/,
  );
  await expect(page.getByTestId('dash-attribution').textContent()).resolves.toMatch(/SafeLives/i);

  await page.getByRole('button', { name: 'Check and save draft' }).click();
  const receipt = page.getByTestId('referral-receipt');
  await receipt.getByText(/Draft saved:/).waitFor();
  expect(await receipt.textContent()).toMatch(/DASH score 15 · High risk/);
  expect(await receipt.textContent()).toMatch(/Criteria met: Visible high risk/);
  await receipt.scrollIntoViewIfNeeded();
  await shot(page, 'draft-checked');

  await page.getByRole('button', { name: 'Submit to the coordinator' }).click();
  await receipt.getByText(/Submitted to the coordinator:/).waitFor();
  const title = (await receipt.getByText(/Submitted to the coordinator:/).textContent()) ?? '';
  const reference = /: (\S+)$/.exec(title.trim())?.[1];
  expect(reference).toMatch(/^[A-Z]{2,8}-\d{4}-\d{4}$/);
  await shot(page, 'submitted');

  // A bad referral: no victim name. The field is named; nothing typed is lost.
  await page.getByRole('button', { name: 'Start a new referral' }).click();
  await fillReferral(page, areaName, { name: '', dob: '1990-04-03' });
  await page.getByRole('button', { name: 'Submit to the coordinator' }).click();
  await page.getByTestId('error-summary').waitFor();
  expect(await page.getByTestId('error-summary').textContent()).toMatch(
    /There is a problemVictim’s name: fill this in/,
  );
  await field(page, 'victim.name').getByText('Victim’s name: fill this in').waitFor();
  await expect(page.getByLabel('Victim’s name').getAttribute('aria-invalid')).resolves.toBe('true');
  expect(await page.getByLabel('Perpetrator 1 name').inputValue()).toBe('Dorian Threlkeld');
  expect(await page.getByLabel('Reasons for referral').inputValue()).toMatch(/strangulation/);
  expect(await page.getByTestId('dash-count').textContent()).toMatch(/15 of 24 \(24 answered\)/);
  await page.getByLabel('Victim’s name').scrollIntoViewIfNeeded();
  await shot(page, 'missing-name');

  // Then a date of birth in the future: named beside the field, the name typed now kept.
  await page.getByLabel('Victim’s name').fill('Sorcha Pendleby');
  await page.getByLabel('Victim’s date of birth').fill('2099-01-01');
  await page.getByRole('button', { name: 'Submit to the coordinator' }).click();
  await field(page, 'victim.dateOfBirth')
    .getByText(/in the future/)
    .waitFor();
  expect(await page.getByTestId('error-summary').textContent()).toMatch(/Victim’s date of birth/);
  expect(await page.getByLabel('Victim’s name').inputValue()).toBe('Sorcha Pendleby');
  expect(await page.getByLabel('Victim’s date of birth').inputValue()).toBe('2099-01-01');
  await page.getByLabel('Victim’s date of birth').scrollIntoViewIfNeeded();
  await shot(page, 'future-birth-date');

  // My referrals: the submitted one with its status.
  await page.getByRole('tab', { name: 'My referrals', exact: true }).click();
  const mine = page.getByTestId('my-referrals');
  await mine.waitFor();
  const myRow = mine.getByRole('row').filter({ hasText: reference! });
  expect(await myRow.textContent()).toMatch(/Submitted/);
  await shot(page, 'my-referrals');
  expect(page.url()).not.toContain('@');
  expect(rep.logs.filter((l) => l.includes(VICTIM) || l.includes('Threlkeld'))).toEqual([]);
  expect(rep.logs.filter((l) => l.startsWith('pageerror'))).toEqual([]);
  const stored = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  expect(stored).not.toContain(VICTIM);
  expect(stored).not.toContain('Sorcha');
  await rep.context.close();

  // The coordinator finds it in the queue and accepts it onto a meeting.
  const coord = await openSession();
  page = coord.page;
  await signIn(page, COORDINATOR);
  await page.getByRole('tab', { name: areaName, exact: true }).click();
  await page.getByRole('tab', { name: 'Referrals', exact: true }).click();
  const queue = page.getByTestId('referral-queue');
  await queue.waitFor();
  const row = queue.getByRole('row').filter({ hasText: reference! });
  expect(await row.textContent()).toMatch(/High \(15\)/);
  expect(await row.textContent()).toMatch(/Visible high risk/);
  await shot(page, 'queue');
  await row.getByRole('button', { name: `Open ${reference}` }).click();
  const detail = page.getByTestId('referral-detail');
  await detail.getByText(VICTIM).waitFor();
  // The referrer by name, agency and phone; every DASH answer beside its question.
  const referrer = (await detail.getByTestId('referrer-facts').textContent()) ?? '';
  expect(referrer).toMatch(/Dana Whitcombe/);
  expect(referrer).toMatch(/Riverside Police/);
  expect(referrer).toMatch(/01632 960001/);
  const answers = detail.getByTestId('dash-answers');
  await answers.waitFor();
  expect(await answers.locator('dt').count()).toBe(24);
  expect(await answers.textContent()).toMatch(/1\. .{10,}Yes/);
  expect(await detail.textContent()).toMatch(/SafeLives Dash risk checklist/);
  await shot(page, 'detail', true);
  await detail.getByRole('button', { name: 'Accept', exact: true }).click();
  const notice = page.getByTestId('accepted-notice').or(page.getByTestId('over-capacity'));
  await notice.first().waitFor();
  if (await page.getByTestId('over-capacity').isVisible()) {
    await page.getByRole('button', { name: 'Accept anyway' }).click();
  }
  const accepted = page.getByTestId('accepted-notice');
  await accepted.waitFor();
  expect(await accepted.textContent()).toMatch(
    new RegExp(`For the MARAC on ${BRITISH_DATE.source}`),
  );
  await accepted.scrollIntoViewIfNeeded();
  await shot(page, 'accepted');

  await page.getByRole('tab', { name: /^Accepted \(/ }).click();
  const acceptedRow = page
    .getByTestId('referral-queue')
    .getByRole('row')
    .filter({ hasText: reference! });
  await acceptedRow.getByTestId('accepted-meeting').waitFor();
  expect(await acceptedRow.getByTestId('accepted-meeting').textContent()).toMatch(BRITISH_DATE);
  await page.getByTestId('referral-queue').scrollIntoViewIfNeeded();
  await shot(page, 'queue-accepted');
  expect(page.url()).not.toContain('@');
  expect(coord.logs.filter((l) => l.includes(VICTIM) || l.includes('Threlkeld'))).toEqual([]);
  expect(coord.logs.filter((l) => l.startsWith('pageerror'))).toEqual([]);
  await coord.context.close();
});
