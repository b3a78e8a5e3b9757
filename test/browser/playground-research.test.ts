/**
 * Research prompts end to end, in the Microsoft 365 Agents Playground (the bot's real client run
 * offline) and the tab (Chromium): Dana Whitcombe, the police core rep and the Playground's mock
 * user, says hello to the bot; the coordinator publishes the agenda in the tab; the prompt card
 * arrives in Dana's chat by itself (sent by the app's prompt worker, nothing injected here); she
 * opens the case, answers and submits; the coordinator's matrix shows it submitted. A second
 * submission with a required answer emptied is refused on the card by the field's name, and the
 * stored research is unchanged. No prompt card the chat keeps carries personal data.
 * Screenshots: test-output/screens/playground-research-*.png.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { researchDeadline } from '#core/research/research-deadline.js';
import { demoAgencies, demoStaff } from '../../bot/src/demo/demo-data.js';
import { demoReferrals } from '../../bot/src/demo/demo-referrals.js';
import { startApp, type TestApp } from '../support/start-app.js';
import { startPlayground, type RunningPlayground } from './support/playground.js';
import { openSession, signInAs } from './support/tab-session.js';

const SCREENS = 'test-output/screens';
const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';
jest.setTimeout(300_000);

let app: TestApp;
let playground: RunningPlayground | undefined;
let page: Page;

beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
  app = await startApp({ env: { MARAC_DEMO_REFERRALS: 'true' } });
  playground = await startPlayground(app.url, 'playground-research.log');
  page = playground.page;
}, 240_000);

afterAll(async () => {
  await playground?.stop();
  await app?.stop();
});

const shot = (name: string) =>
  page.screenshot({ path: `${SCREENS}/playground-research-${name}.png`, fullPage: true });
const waitText = (text: string | RegExp, timeout = 60_000) =>
  page
    .getByText(text)
    .last()
    .waitFor({ timeout })
    .catch(async (e: unknown) => {
      await shot('failure');
      throw e;
    });
/** The card of the case being answered (each case has its own card; they replace in place). */
let caseCard = () => page.locator('.ac-adaptiveCard').last();
const button = (name: string) => caseCard().getByRole('button', { name, exact: true });
const textbox = (label: RegExp) => caseCard().getByRole('textbox', { name: label });
const radio = (group: RegExp, option: string) =>
  caseCard()
    .getByRole('radiogroup', { name: group })
    .getByRole('radio', { name: option, exact: true });

/**
 * The next meeting with cases whose research is still open, not yet published, with only the
 * police on its list (so the publication sends one agency's copies, and the test stays quick).
 */
async function unpublishedMeeting() {
  const meetings = await app.db.query<{ meeting_id: string }>(
    `SELECT r.meeting_id FROM referral r JOIN meeting m ON m.id = r.meeting_id
      WHERE r.status = 'accepted' GROUP BY r.meeting_id, m.date ORDER BY m.date`,
  );
  const police = (await app.db.query<{ id: string }>(`SELECT id FROM agency WHERE kind = 'police'`))
    .rows[0]!.id;
  for (const row of meetings.rows) {
    const found = await app.services.uow.run(async (repos) => {
      const meeting = (await repos.meetings.get(row.meeting_id))!;
      const area = (await repos.areas.get(meeting.areaId))!;
      if (researchDeadline(meeting, area).getTime() < Date.now() + 60 * 60 * 1000) return null;
      if ((await repos.agendas.versions(meeting.id, area.id)).length > 0) return null;
      await repos.agendas.setMembers(meeting.id, {
        agencyIds: [police],
        chairIds: [],
        idvaIds: [],
      });
      return meeting;
    });
    if (found) return found;
  }
  throw new Error('no meeting with open research');
}

const researchOf = async (meetingId: string) =>
  (
    await app.db.query<{ reference: string; status: string; updated_at: Date }>(
      `SELECT f.reference, s.status, s.updated_at FROM research s
         JOIN referral f ON f.id = s.referral_id JOIN agency a ON a.id = s.agency_id
        WHERE s.meeting_id = $1 AND a.kind = 'police' ORDER BY f.reference`,
      [meetingId],
    )
  ).rows;

/** The research prompt cards written to the local outbox: what the chat keeps of each. */
async function promptCardsSent(): Promise<string[]> {
  const dir = path.join(app.dataDir, 'outbox', 'teams');
  const files = await readdir(dir).catch(() => []);
  const written = await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')));
  return written.filter((w) => w.includes('MARAC research'));
}

it('a prompt reaches the rep by itself on publication; the submitted card shows in the matrix; a second submission missing an answer is refused by name', async () => {
  const meeting = await unpublishedMeeting();

  // Dana talks to the bot first: the app remembers her one-to-one chat.
  await page.locator('[data-lexical-editor="true"]').click();
  await page.keyboard.type('hello');
  await page.keyboard.press('Enter');
  await page.getByText(/refer/i).first().waitFor();
  for (let i = 0; i < 40; i++) {
    if ((await app.db.query('SELECT 1 FROM teams_conversation')).rows.length > 0) break;
    await new Promise((r) => setTimeout(r, 250));
  }

  // The coordinator publishes the agenda in the tab.
  const tab = await openSession(playground!.browser);
  await signInAs(tab.page, app.url, COORDINATOR);
  await tab.page.goto(`${app.url}/agenda/${meeting.id}`);
  await tab.page.getByRole('button', { name: /^Publish / }).click();
  const confirm = tab.page.getByRole('alertdialog');
  await confirm.getByRole('button', { name: /^Publish / }).click();
  await tab.page.getByTestId('published').waitFor();

  // The prompt arrives in Dana's chat by itself.
  await waitText('MARAC research for your agency');
  const reference = (await researchOf(meeting.id))[0]!.reference;
  await shot('prompt');
  // The Playground may fetch the per-user view itself (refresh); otherwise Open shows it.
  const opened = await page
    .getByText(`MARAC research: case ${reference}`)
    .last()
    .waitFor({ timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
  if (!opened) {
    await page
      .locator('.ac-adaptiveCard')
      .filter({ hasText: reference })
      .last()
      .getByRole('button', { name: 'Open this case', exact: true })
      .click();
  }
  await waitText(`MARAC research: case ${reference}`);
  caseCard = () =>
    page.locator('.ac-adaptiveCard').filter({ hasText: `MARAC research: case ${reference}` });
  await shot('form');

  await radio(/^Is this case known to your agency/, 'Yes').check();
  await textbox(/^Current involvement/).fill('Invented: one callout in 2025, advice given.');
  await textbox(/^Historical involvement/).fill('None held.');
  for (const child of await textbox(/^Child \d+: involvement/).all())
    await child.fill('None held.');
  await radio(/^Our records are flagged as a MARAC case/, 'No').check();
  await button('Submit').click();
  await waitText('Submitted to the MARAC coordinator.');
  await shot('submitted');
  const submitted = await researchOf(meeting.id);
  expect(submitted.find((r) => r.reference === reference)?.status).toBe('submitted');

  // The coordinator's matrix shows the cell submitted.
  await tab.page.goto(`${app.url}/research/${meeting.id}/matrix`);
  const matrix = tab.page.getByTestId('research-matrix');
  await matrix
    .locator(`tr[data-reference="${reference}"] td[data-agency="Riverside Police"]`)
    .getByText('Submitted')
    .waitFor();
  await tab.page.screenshot({
    path: `${SCREENS}/playground-research-matrix.png`,
    fullPage: true,
  });
  await tab.context.close();

  // A second submission with a required answer emptied is refused by name; nothing changes.
  await button('Edit').click();
  await textbox(/^Current involvement/).waitFor();
  await textbox(/^Current involvement/).fill('');
  await button('Submit').click();
  await waitText(/Current involvement: enter what your records show/);
  await caseCard().getByText('There is a problem').scrollIntoViewIfNeeded();
  await shot('refused');
  expect(await caseCard().innerText()).toContain('There is a problem');
  expect(await researchOf(meeting.id)).toEqual(submitted);

  // What the chat keeps of each prompt: references, dates and buttons, never a person.
  const kept = await promptCardsSent();
  expect(kept.length).toBeGreaterThan(0);
  const personal = [
    ...demoReferrals.flatMap((r) => [
      r.victim.name,
      r.victim.dateOfBirth,
      r.victim.line1,
      r.victim.postcode,
      r.perpetrator.name,
      r.perpetrator.dateOfBirth,
      ...r.children.flatMap((c) => [c.name, c.dateOfBirth]),
    ]),
    ...demoAgencies.flatMap((a) => [a.core.name, a.core.email, a.deputy.name, a.deputy.email]),
    ...demoStaff.map((s) => s.person.name),
  ];
  for (const card of kept) {
    for (const item of personal) expect(card).not.toContain(item);
  }
});
