import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { referralForm } from '../bot/referrals/fixtures.js';
import { signIn, startApp, type TestApp } from '../support/start-app.js';
import { launchChromium } from './support/chromium.js';

const SCREENS = path.resolve('test-output/screens');
const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';
const VICTIMS = [
  ['Amelia Hart-Lowe', '1990-04-03'],
  ['Bryony Castlewood', '1983-08-19'],
] as const;

jest.setTimeout(180_000);

let app: TestApp;
let browser: Browser;
const references: string[] = [];
let meetingId: string;

/** Two referrals from the police, accepted onto the next meeting they are in time for. */
async function twoCasesOnAMeeting(): Promise<void> {
  const coordinator = await signIn(app, COORDINATOR);
  const dana = await signIn(app, 'dana.whitcombe@police.example');
  const areaId = (
    await app.db.query<{ id: string }>(`SELECT id FROM area WHERE name LIKE 'Northbrook%'`)
  ).rows[0]!.id;
  const police = (
    await app.db.query<{ id: string }>(`SELECT id FROM agency WHERE name = 'Riverside Police'`)
  ).rows[0]!.id;
  for (const [name, dateOfBirth] of VICTIMS) {
    const base = referralForm({ areaId, referrerAgencyId: police });
    const form = {
      ...base,
      victim: { ...base.victim, name, dateOfBirth },
      riskAssessment: {
        ...base.riskAssessment,
        completedOn: new Date().toISOString().slice(0, 10),
      },
    };
    const made = (await (
      await dana('/api/referrals', { method: 'POST', body: JSON.stringify({ form, submit: true }) })
    ).json()) as { id: string; reference: string };
    references.push(made.reference);
    const accepted = (await (
      await coordinator(`/api/referrals/${made.id}/accept`, { method: 'POST', body: '{}' })
    ).json()) as { meetingId: string };
    meetingId = accepted.meetingId;
  }
}

async function openMeetings(page: Page): Promise<void> {
  await page.goto(app.url);
  await page.getByRole('button', { name: /rosalind\.marsh/ }).click();
  await page.getByRole('tab', { name: 'Northbrook and Wellfield', exact: true }).click();
  await page.getByTestId('meetings-table').waitFor();
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENS, `${name}.png`), animations: 'disabled' });

beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
  app = await startApp();
  browser = await launchChromium();
  await twoCasesOnAMeeting();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('cancels a meeting with two cases; they are on the next meeting and the referrer is told', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await openMeetings(page);
  const table = page.getByTestId('meetings-table');
  const row = table.locator(`tr[data-meeting-id="${meetingId}"]`);
  expect(await row.getByTestId('meeting-cases').textContent()).toBe('2');
  const rows = table.locator('tbody tr');
  const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-meeting-id')));
  const nextId = ids[ids.indexOf(meetingId) + 1]!;

  await row.getByRole('button', { name: /^Cancel the meeting/ }).click();
  const dialog = page.getByRole('alertdialog');
  const cases = dialog.getByTestId('cases-to-move');
  await cases.waitFor();
  for (const reference of references) await cases.getByText(reference).waitFor();
  for (const [name] of VICTIMS) await cases.getByText(name).waitFor();
  await cases.getByText('High risk, referred by Riverside Police').first().waitFor();
  expect(await dialog.getByRole('combobox', { name: /Move the cases to/ }).inputValue()).toBe(
    nextId,
  );
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Chair unavailable');
  await shot(page, 'cancel-meeting-with-cases');
  await dialog.getByRole('button', { name: 'Cancel meeting and move cases' }).click();
  await row.getByText('Cancelled', { exact: true }).waitFor();
  const next = table.locator(`tr[data-meeting-id="${nextId}"]`);
  await next.getByTestId('meeting-cases').getByText('2', { exact: true }).waitFor();

  const moved = await app.db.query<{ meeting_id: string }>(
    'SELECT meeting_id FROM referral WHERE reference = ANY($1)',
    [references],
  );
  expect(moved.rows.map((r) => r.meeting_id)).toEqual([nextId, nextId]);
  const dir = path.join(app.dataDir, 'outbox', 'teams');
  const notices = await Promise.all(
    (await readdir(dir)).map(
      async (f) => JSON.parse(await readFile(path.join(dir, f), 'utf8')) as { text: string },
    ),
  );
  for (const reference of references) {
    const told = notices.filter(
      (n) => n.text.includes(reference) && /now on the MARAC on/.test(n.text),
    );
    expect(told).toHaveLength(1);
  }
  for (const [name] of VICTIMS) expect(JSON.stringify(notices)).not.toContain(name);
});

it('shows the cases to move in a 320 px side panel without sideways scrolling', async () => {
  const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
  await openMeetings(page);
  const row = page
    .locator('tr')
    .filter({ has: page.getByTestId('meeting-cases').getByText('2', { exact: true }) });
  // The meetings table scrolls sideways in its own box at this width (the page does not): reach
  // the button as a keyboard user would.
  await row.getByRole('button', { name: /^Cancel the meeting/ }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog');
  await dialog.getByTestId('cases-to-move').waitFor();
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Chair unavailable');
  await shot(page, 'cancel-meeting-with-cases-320');
  // Nothing in the dialog reaches past the panel's edge (a clipped line would hide words).
  const rightmost = await dialog.evaluate((el) =>
    Math.max(...[el, ...el.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right)),
  );
  expect(rightmost).toBeLessThanOrEqual(320);
  await dialog.getByRole('button', { name: 'Keep meeting' }).click();
});

it('moves one accepted case to another meeting from its detail; the referrer is told the date', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await openMeetings(page);
  await page.getByRole('tab', { name: 'Referrals', exact: true }).click();
  await page.getByRole('tab', { name: /^Accepted/ }).click();
  const queue = page.getByTestId('referral-queue');
  await queue.getByRole('button', { name: `Open ${references[0]}` }).click();
  const detail = page.getByTestId('referral-detail');
  const meeting = detail.getByRole('combobox', { name: /^Meeting/ }).last();
  await meeting.waitFor();
  const options = await meeting
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  const target = options[options.length - 1]!;
  await meeting.selectOption(target);
  await detail
    .getByRole('textbox', { name: /^Reason/ })
    .last()
    .fill('Referrer on leave that day');
  await detail.getByRole('button', { name: 'Move the case' }).click();
  await detail.getByText(/^Moved to the MARAC on .+\. The referrer has been told\.$/).waitFor();
  await shot(page, 'referral-moved');

  const moved = await app.db.query<{ meeting_id: string }>(
    'SELECT meeting_id FROM referral WHERE reference = $1',
    [references[0]],
  );
  expect(moved.rows[0]!.meeting_id).toBe(target);
  const dir = path.join(app.dataDir, 'outbox', 'teams');
  const texts = await Promise.all(
    (await readdir(dir)).map(
      async (f) => (JSON.parse(await readFile(path.join(dir, f), 'utf8')) as { text: string }).text,
    ),
  );
  expect(
    texts.filter((t) => t.includes(references[0]!) && /now on the MARAC on/.test(t)),
  ).toHaveLength(2);
  expect(JSON.stringify(texts)).not.toContain('Referrer on leave');
});
