/**
 * The coordinator screen of the tab in a real Chromium against the real server in local mode
 * with its demo data: sign in, see the areas, create (or check) the Outlook series, see the
 * meetings and their deadlines, cancel one, move one; and a user without the coordinator role
 * sees no edit controls. Screenshots go to test-output/screens/.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium.js';
import type { z } from 'zod';
import type { devUserSchema } from '#core/contracts/api.js';
import { startApp } from '../support/start-app.js';

type DevUser = z.infer<typeof devUserSchema>;

const SCREENS = 'test-output/screens';
const EDITORS = new Set(['coordinator', 'admin']);
const BRITISH_DATE = /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2,3} \d{4}/;

jest.setTimeout(180_000);

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

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A fresh browser context; `logs` holds console lines and page errors for the privacy check. */
async function openSession() {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
  });
  const page = await context.newPage();
  const logs: string[] = [];
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  return { context, page, logs };
}
type Session = Awaited<ReturnType<typeof openSession>>;

async function signIn(page: Page, user: DevUser): Promise<void> {
  await page.goto(app.url);
  await page.getByRole('heading', { name: 'Sign in to MARAC' }).waitFor();
  await page.getByRole('button', { name: new RegExp(escapeRegExp(user.email)) }).click();
  await page.getByRole('heading', { name: 'Areas', level: 2 }).waitFor();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Opens an area's tab and waits until its series and meetings sections have loaded. */
async function openArea(page: Page, areaName: string): Promise<void> {
  await page.getByRole('tab', { name: areaName }).click();
  await page.getByRole('heading', { name: areaName, level: 2 }).waitFor();
  await page
    .getByTestId('meetings-table')
    .or(page.getByText('No coming meetings'))
    .or(page.getByTestId('series-preview'))
    .first()
    .waitFor();
}

/** A picture of what the user sees, with Fluent's open and close animations finished. */
const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage, animations: 'disabled' });

/** The next Monday to Friday after a YYYY-MM-DD date. */
function nextWeekday(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return d.toISOString().slice(0, 10);
}

function expectPrivacyKept(session: Session, user: DevUser): void {
  expect(session.page.url()).not.toContain(user.email);
  expect(session.page.url()).not.toContain('@');
  expect(session.logs.filter((l) => l.includes(user.email) || l.includes(user.name))).toEqual([]);
  expect(session.logs.filter((l) => l.startsWith('pageerror'))).toEqual([]);
}

test('a coordinator sees the areas, creates a series, and cancels and moves meetings', async () => {
  const coordinator =
    users.find((u) => u.email.startsWith('coordinator@')) ??
    users.find((u) => u.roles.some((r) => r.role === 'coordinator'));
  if (!coordinator) throw new Error('the demo data has no coordinator');
  const areaNames = [
    ...new Set(coordinator.roles.filter((r) => EDITORS.has(r.role)).map((r) => r.areaName)),
  ];
  expect(areaNames.length).toBeGreaterThan(0);

  const session = await openSession();
  const { page } = session;
  await signIn(page, coordinator);
  for (const name of areaNames) await page.getByRole('tab', { name }).waitFor();
  await shot(page, 'coordinator-areas');

  // An area without a series gets one; otherwise the existing series is checked.
  let seriesArea: string | undefined;
  for (const name of areaNames) {
    await openArea(page, name);
    if (await page.getByRole('button', { name: 'Create series' }).isVisible()) {
      seriesArea = name;
      break;
    }
  }
  if (seriesArea) {
    const preview = page.getByTestId('series-preview');
    await preview.locator('tbody tr').first().waitFor();
    expect(await preview.locator('tbody tr').count()).toBeGreaterThan(0);
    const firstPreview = preview.locator('tbody tr').first().locator('td');
    expect(await firstPreview.first().textContent()).toMatch(BRITISH_DATE);
    await page.getByRole('form', { name: 'Create series' }).scrollIntoViewIfNeeded();
    await shot(page, 'coordinator-series-preview');
    await page.getByRole('button', { name: 'Create series' }).click();
  } else {
    await openArea(page, areaNames[0]!);
  }
  const facts = page.getByTestId('series-facts');
  await facts.waitFor();
  expect(await facts.textContent()).toMatch(/First meeting.*\d{4}.*Until/);
  expect(await facts.textContent()).toMatch(/Join in Microsoft Teams|\.ics written to the outbox/);

  // The coming meetings, each with its deadlines.
  const table = page.getByTestId('meetings-table');
  await table.waitFor();
  for (const header of ['Referrals due', 'Agenda circulated', 'Action plan due', 'Minutes due']) {
    await table.getByRole('columnheader', { name: header }).waitFor();
  }
  const live = table
    .locator('tbody tr')
    .filter({ has: page.getByRole('button', { name: /^Move/ }) });
  expect(await live.count()).toBeGreaterThanOrEqual(2);
  const firstCells = await live.first().locator('td').allTextContents();
  expect(firstCells.filter((cell) => BRITISH_DATE.test(cell)).length).toBeGreaterThanOrEqual(5);
  await table.scrollIntoViewIfNeeded();
  await shot(page, 'coordinator-meetings');

  // Cancel one: a reason is required, and the row is then marked cancelled.
  const toCancel = live.first();
  const cancelId = await toCancel.getAttribute('data-meeting-id');
  await toCancel.getByRole('button', { name: /^Cancel the meeting/ }).click();
  const cancelDialog = page.getByRole('alertdialog');
  await cancelDialog.getByRole('button', { name: 'Cancel meeting' }).click();
  await cancelDialog.getByText('Give a reason.').waitFor();
  await cancelDialog.getByText(/not written to the Outlook calendar/).waitFor();
  await cancelDialog.getByRole('textbox', { name: 'Reason' }).fill('Venue unavailable');
  await shot(page, 'coordinator-cancel-dialog');
  await cancelDialog.getByRole('button', { name: 'Cancel meeting' }).click();
  const cancelledRow = table.locator(`tr[data-meeting-id="${cancelId}"]`);
  await cancelledRow.getByText('Cancelled', { exact: true }).waitFor();
  expect(await cancelledRow.getByRole('button').count()).toBe(0);

  // Move another to the next working day (a bank holiday is refused: try the day after).
  const toMove = live.first();
  const moveId = await toMove.getAttribute('data-meeting-id');
  expect(moveId).not.toBe(cancelId);
  await toMove.getByRole('button', { name: /^Move the meeting/ }).click();
  const moveDialog = page.getByRole('alertdialog');
  const dateInput = moveDialog.getByRole('textbox', { name: 'New date' });
  const original = await dateInput.inputValue();
  await moveDialog.getByRole('textbox', { name: 'Reason' }).fill('Chair on leave');
  const refusal = moveDialog.getByText('The meeting was not moved');
  let target = original;
  for (let attempt = 0; attempt < 5; attempt++) {
    target = nextWeekday(target);
    await dateInput.fill(target);
    await refusal.waitFor({ state: 'detached' }); // the dialog drops an earlier refusal on edit
    if (attempt === 0) await shot(page, 'coordinator-move-dialog');
    await moveDialog.getByRole('button', { name: 'Move meeting' }).click();
    const outcome = await Promise.race([
      moveDialog.waitFor({ state: 'detached' }).then(() => 'moved'),
      refusal.waitFor().then(() => 'refused'),
    ]);
    if (outcome === 'moved') break;
  }
  const movedRow = table.locator(`tr[data-meeting-id="${moveId}"]`);
  await movedRow.getByText('Moved', { exact: true }).waitFor();
  expect(await movedRow.textContent()).toMatch(/moved from (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d/);
  await table.scrollIntoViewIfNeeded();
  await shot(page, 'coordinator-after-changes');

  // Nothing personal outside the page: only the token in sessionStorage.
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  expectPrivacyKept(session, coordinator);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to MARAC' }).waitFor();
  await session.context.close();
});

test('a user without the coordinator role sees the schedule but no edit controls', async () => {
  const reader = users.find(
    (u) => u.roles.length > 0 && u.roles.every((r) => !EDITORS.has(r.role)),
  );
  if (!reader) throw new Error('the demo data has no user without the coordinator role');
  const session = await openSession();
  const { page } = session;
  await signIn(page, reader);
  const areaName = reader.roles[0]!.areaName;
  await openArea(page, areaName);
  await page.getByText('only its coordinator can change it').waitFor();
  await page.getByTestId('agencies-table').or(page.getByText('No agencies recorded')).waitFor();
  await shot(page, 'read-only', true);

  const editControls = ['Edit protocol', 'Create series', /^Move the/, /^Cancel the/, /^Edit reps/];
  for (const name of editControls) expect(await page.getByRole('button', { name }).count()).toBe(0);
  expectPrivacyKept(session, reader);
  await session.context.close();
});

test('a refused token returns to the sign-in screen', async () => {
  const session = await openSession();
  const { page } = session;
  await page.goto(app.url);
  await page.evaluate(() => sessionStorage.setItem('marac.token', 'not-a-real-token'));
  await page.reload();
  await page.getByRole('heading', { name: 'Sign in to MARAC' }).waitFor();
  expect(await page.evaluate(() => sessionStorage.getItem('marac.token'))).toBeNull();
  await session.context.close();
});
