/**
 * Action owners after the meeting (issue #11), end to end: the chair closes a meeting with two
 * police actions; each action's card reaches Dana Whitcombe (the police core rep, the Microsoft
 * 365 Agents Playground's mock user) in her chat with the bot by itself, sent by the outbox. She
 * opens one (since overdue, on the coordinator's overdue list) and marks it done with a note: the
 * action is done in the store and off the coordinator's list, and the card's
 * refresh for the police's other rep (Idris Penhallow, the deputy) answers it done. Idris then
 * opens "My actions" in the tab: the done action is under "Finished", the other he moves to a
 * new date after a refusal in the GOV.UK error summary, and he copies the case note. The page is
 * checked in three themes at 320 px and full width (axe, no sideways scroll). No card the chat
 * keeps carries the action's words or anyone's name.
 * She asks "my actions" and the chat lists the one still open, by reference and due time.
 * Screenshots: test-output/screens/actions-*.png and playground-actions-*.png.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { OverdueActions } from '#core/contracts/chasing-api.js';
import type { MeetingAction } from '#core/contracts/meeting-api.js';
import {
  json,
  meetingUnderWay,
  post,
  type MeetingFixture,
} from '../bot/meeting-run/record-fixture.js';
import { seriousAxeViolations, sidewaysOverflow } from './support/axe.js';
import { FakeM365Host } from './support/fake-m365-host.js';
import { startPlayground, type RunningPlayground } from './support/playground.js';
import { openSession, signInAs } from './support/tab-session.js';
import { atBothWidths, NARROW, THEMES } from './support/widths.js';

const SCREENS = 'test-output/screens';
const DEPUTY = 'idris.penhallow@police.example';
const DONE_WHAT = 'Flag the address for an urgent police response';
const MOVE_WHAT = 'Check the bail conditions with the court';
const NOTE = 'Address flagged on the command system';
jest.setTimeout(400_000);

let f: MeetingFixture;
let playground: RunningPlayground | undefined;
let page: Page;
let browser: Browser;
let host: FakeM365Host | undefined;

beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
  f = await meetingUnderWay();
  playground = await startPlayground(f.app.url, 'playground-actions.log');
  page = playground.page;
  browser = playground.browser;
  host = await FakeM365Host.start();
}, 300_000);

afterAll(async () => {
  await host?.close();
  await playground?.stop();
  await f?.app.stop();
});

const shot = (name: string) =>
  page.screenshot({ path: `${SCREENS}/playground-actions-${name}.png`, fullPage: true });
const waitText = (text: string | RegExp, timeout = 60_000) =>
  page
    .getByText(text)
    .last()
    .waitFor({ timeout })
    .catch(async (e: unknown) => {
      await shot('failure');
      throw e;
    });

const statusOf = async (actionId: string) =>
  (
    await f.app.db.query<{ status: string }>('SELECT status FROM meeting_action WHERE id = $1', [
      actionId,
    ])
  ).rows[0]!.status;

const recordAction = (referralId: string, what: string) =>
  json<MeetingAction>(
    f.as.chair(
      `/api/meetings/${f.meetingId}/run/cases/${referralId}/actions`,
      post({
        ownerAgencyId: f.police,
        ownerPerson: null,
        what,
        dueDate: f.day(3),
        dueTime: '10:00',
        risk: 'Further assault at the home address',
        urgent: null,
      }),
    ),
  );

/**
 * The refresh Teams would send for the police deputy: an `adaptiveCard/action` invoke from his
 * Entra account (bound here as his first sign-in to the tab would bind it). Returns the card text.
 */
async function refreshAsDeputy(actionId: string): Promise<string> {
  const tenantId = '7d3c1b2a-0000-4000-8000-00000000a1a1';
  const objectId = '7d3c1b2a-0000-4000-8000-0000000000d2';
  await f.app.db.query(
    `UPDATE person SET tenant_id = $1, object_id = $2
      WHERE id = (SELECT deputy_rep_id FROM area_agency WHERE area_id = $3 AND agency_id = $4)`,
    [tenantId, objectId, f.areaId, f.police],
  );
  const answer = await fetch(`${f.app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: 'refresh-deputy',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9',
      from: { id: 'user-idris-penhallow', aadObjectId: objectId },
      recipient: { id: '7d3c1b2a-0000-4000-8000-00000000b0b0' },
      conversation: { id: 'conversation-idris', conversationType: 'personal', tenantId },
      value: {
        action: { type: 'Action.Execute', verb: 'action.view', data: { actionId } },
        trigger: 'automatic',
      },
    }),
  });
  expect(answer.status).toBe(200);
  return JSON.stringify(await answer.json());
}

/** The action cards written to the local outbox: what the chat keeps of each. */
async function actionCardsSent(): Promise<string[]> {
  const dir = path.join(f.app.dataDir, 'outbox', 'teams');
  const files = await readdir(dir).catch(() => []);
  const written = await Promise.all(files.map((file) => readFile(path.join(dir, file), 'utf8')));
  return written.filter((w) => w.includes('MARAC action for your agency'));
}

it('a card marked done in the Playground updates the action and the other rep’s card; the tab lists, moves and notes', async () => {
  // Dana talks to the bot first: the app remembers her one-to-one chat.
  await page.locator('[data-lexical-editor="true"]').click();
  await page.keyboard.type('hello');
  await page.keyboard.press('Enter');
  await page.getByText(/refer/i).first().waitFor();
  for (let i = 0; i < 40; i++) {
    if ((await f.app.db.query('SELECT 1 FROM teams_conversation')).rows.length > 0) break;
    await new Promise((r) => setTimeout(r, 250));
  }

  // The chair agrees two police actions, hears both cases and closes the meeting.
  const done = await recordAction(f.withChildren, DONE_WHAT);
  const moved = await recordAction(f.adult, MOVE_WHAT);
  await f.app.db.query(`UPDATE meeting_case SET state = 'heard' WHERE meeting_id = $1`, [
    f.meetingId,
  ]);
  await json(f.as.chair(`/api/meetings/${f.meetingId}/run/close`, post({})));
  await f.app.services.drainOutbox();

  // The first has since passed its due time, unheeded: the coordinator's overdue list has it.
  await f.app.db.query(
    `UPDATE meeting_action SET due_at = now() - interval '2 days' WHERE id = $1`,
    [done.id],
  );
  const overdueIds = async () =>
    (
      await json<OverdueActions>(f.as.coordinator(`/api/areas/${f.areaId}/actions/overdue`))
    ).actions.map((a) => a.id);
  expect(await overdueIds()).toEqual([done.id]);

  // Each action's card reaches Dana's chat by itself; she opens the first.
  await waitText('MARAC action for your agency');
  await shot('card');
  const card = () => page.locator('.ac-adaptiveCard').filter({ hasText: done.reference });
  const opened = await page
    .getByText(`MARAC action: ${done.reference}`)
    .last()
    .waitFor({ timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
  if (!opened) {
    await card().last().getByRole('button', { name: 'Open the action', exact: true }).click();
  }
  await waitText(`MARAC action: ${done.reference}`);
  const view = () =>
    page
      .locator('.ac-adaptiveCard')
      .filter({ hasText: `MARAC action: ${done.reference}` })
      .last();
  await view().getByText(DONE_WHAT).waitFor();
  await shot('view');
  await view().getByRole('button', { name: 'Mark done', exact: true }).click();
  await waitText(`Mark this action done: ${done.reference}`);
  const form = () =>
    page.locator('.ac-adaptiveCard').filter({ hasText: 'Mark this action done' }).last();
  await form()
    .getByRole('textbox', { name: /^What was done/ })
    .fill(NOTE);
  await form().getByRole('button', { name: 'Mark done', exact: true }).click();
  await waitText(/Marked done\. Your agency’s other rep sees it done too\./);
  await shot('done');
  expect(await statusOf(done.id)).toBe('done');
  expect(await statusOf(moved.id)).toBe('open');
  // Off the coordinator's list at once.
  expect(await overdueIds()).toEqual([]);

  // "my actions" in the chat: the one still open, by its case reference and due time only.
  await page.locator('[data-lexical-editor="true"]').click();
  await page.keyboard.type('my actions');
  await page.keyboard.press('Enter');
  await waitText('1 open, 0 overdue. Open one to see it and to update it.');
  const list = page
    .locator('.ac-adaptiveCard')
    .filter({ hasText: 'Open actions for your agencies' });
  await list
    .last()
    .getByRole('button', { name: `Open ${moved.reference}` })
    .waitFor();
  expect(await list.last().innerText()).not.toContain(MOVE_WHAT);
  await shot('my-actions');

  // The card's refresh for the police's other rep answers it done, with Dana's note.
  const deputyCard = await refreshAsDeputy(done.id);
  expect(deputyCard).toContain('{"title":"Status","value":"Done"}');
  expect(deputyCard).toContain(NOTE);
  expect(deputyCard).not.toContain('"Mark done"');

  // The deputy's "My actions" in the tab: the done one finished, the other moved to a new date.
  const tab = await openSession(browser, { width: 1280, height: 1000 });
  await signInAs(tab.page, f.app.url, DEPUTY);
  await tab.page.goto(`${f.app.url}/actions`);
  await tab.page.getByRole('heading', { name: 'My actions', level: 1 }).waitFor();
  const item = (reference: string) =>
    tab.page.locator(`[data-testid="my-action"][data-reference="${reference}"]`);
  await item(done.reference).getByText(NOTE).waitFor();
  expect(await item(done.reference).getAttribute('data-status')).toBe('done');
  const open = item(moved.reference);
  await open.getByRole('button', { name: 'Save' }).click();
  await open
    .getByTestId('error-summary')
    .getByText(/What happened: choose/)
    .waitFor();
  await open.getByRole('radio', { name: 'A new due date' }).check();
  await open.getByRole('textbox', { name: /^New due time/ }).fill('16:00');
  await open.getByRole('button', { name: 'Save' }).click();
  await open
    .getByTestId('error-summary')
    .getByText(/New due date: enter the date/)
    .waitFor();
  await tab.page.screenshot({ path: `${SCREENS}/actions-refused.png`, fullPage: true });
  await open.getByRole('textbox', { name: 'New due date', exact: true }).fill(f.day(10));
  await open
    .getByRole('textbox', { name: /^Why the date changes/ })
    .fill('Court closed until then');
  await open.getByRole('button', { name: 'Save' }).click();
  await open.getByText('The new due date is saved.').waitFor();
  await open.getByText(/Court closed until then/).waitFor();
  await open.getByRole('button', { name: 'Show the case note' }).click();
  const note = await open.getByTestId('case-note').inputValue();
  expect(note).toMatch(/^MARAC case note/);
  expect(note).toContain(MOVE_WHAT);
  expect(note).not.toContain(DONE_WHAT); // another case
  expect(note).toContain('Everything shared for and at this MARAC is confidential');
  await open.getByRole('button', { name: 'Copy the case note' }).click();
  await open
    .getByRole('status')
    .filter({ hasText: /Copied|copy it yourself/ })
    .waitFor();
  await tab.page.screenshot({ path: `${SCREENS}/actions-note.png`, fullPage: true });
  const stored = await f.app.db.query<{ status: string; due_at: Date }>(
    'SELECT status, due_at FROM meeting_action WHERE id = $1',
    [moved.id],
  );
  expect(stored.rows[0]!.status).toBe('open');
  await tab.context.close();

  // What the chat keeps of each card: a reference, dates and counts, never a person or the words.
  const kept = await actionCardsSent();
  expect(kept.length).toBe(2);
  for (const sent of kept) {
    for (const secret of [DONE_WHAT, MOVE_WHAT, NOTE, 'Further assault', 'Dana', 'Idris'])
      expect(sent).not.toContain(secret);
  }
});

describe.each(THEMES)('in the %s theme', (theme) => {
  it('My actions has no sideways scroll and no serious axe finding at 320 px and full width', async () => {
    const context = await browser.newContext({
      viewport: { width: NARROW, height: 1400 },
      locale: 'en-GB',
    });
    try {
      const tabPage = await context.newPage();
      const { frame, tabFrame } = await host!.open(tabPage, f.app.url, { path: '/actions', theme });
      await frame.getByRole('button', { name: /idris\.penhallow@police\.example/ }).click();
      await frame.getByRole('heading', { name: 'My actions', level: 1 }).waitFor();
      await frame.getByTestId('my-action').first().waitFor();
      const first = frame
        .getByTestId('my-action')
        .filter({ has: frame.getByRole('radio') })
        .first();
      await first.getByRole('radio', { name: 'A new due date' }).check();
      await atBothWidths(tabPage, theme, async (width, withAxe) => {
        expect(await sidewaysOverflow(tabFrame())).toBeLessThanOrEqual(0);
        await tabPage.screenshot({
          path: `${SCREENS}/actions-w${width}-${theme}.png`,
          fullPage: true,
          animations: 'disabled',
        });
        if (withAxe) expect(await seriousAxeViolations(tabFrame())).toEqual([]);
      });
    } finally {
      await context.close();
    }
  });
});
