/**
 * A research prompt in the Microsoft 365 Agents Playground, the bot's real client run offline:
 * Dana Whitcombe (police core rep, the Playground's mock user) finds a prompt card in her chat,
 * opens the case (Action.Execute: the form replaces the card), answers and submits; then edits
 * it and submits again with a required answer emptied, and the card names the field, the stored
 * research unchanged. The prompt is put into the chat here through the Playground's connector,
 * as the prompt sender (built elsewhere) will; the card is the one the cards module builds.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { researchDeadline } from '#core/research/research-deadline.js';
import { personIdByEmail } from '../../bot/src/auth/people.js';
import { CARD_CONTENT_TYPE } from '../../bot/src/cards/card-types.js';
import { researchCasePromptCard } from '../../bot/src/cards/research-prompt-cards.js';
import { rememberedConversation } from '../../bot/src/notify/bot-notifier.js';
import { startApp, type TestApp } from '../support/start-app.js';
import { startPlayground, type RunningPlayground } from './support/playground.js';

const SCREENS = 'test-output/screens';
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
const lastCard = () => page.locator('.ac-adaptiveCard').last();
const waitText = (text: string | RegExp) =>
  page
    .getByText(text)
    .last()
    .waitFor({ timeout: 60_000 })
    .catch(async (e: unknown) => {
      await shot('failure');
      throw e;
    });
const button = (name: string) => lastCard().getByRole('button', { name, exact: true });
const textbox = (label: RegExp) => lastCard().getByRole('textbox', { name: label });
const radio = (group: RegExp, option: string) =>
  lastCard()
    .getByRole('radiogroup', { name: group })
    .getByRole('radio', { name: option, exact: true });

/** A meeting with cases whose research is still open, with the police on its list. */
async function openMeeting() {
  const meetings = await app.db.query<{ meeting_id: string; ids: string[]; refs: string[] }>(
    `SELECT meeting_id, array_agg(id::text ORDER BY reference) AS ids,
            array_agg(reference ORDER BY reference) AS refs
       FROM referral WHERE status = 'accepted' GROUP BY meeting_id`,
  );
  const police = (await app.db.query<{ id: string }>(`SELECT id FROM agency WHERE kind = 'police'`))
    .rows[0]!.id;
  for (const row of meetings.rows) {
    const found = await app.services.uow.run(async (repos) => {
      const meeting = (await repos.meetings.get(row.meeting_id))!;
      const area = (await repos.areas.get(meeting.areaId))!;
      const dueAt = researchDeadline(meeting, area);
      if (dueAt.getTime() < Date.now() + 60 * 60 * 1000) return null;
      await repos.agendas.setMembers(meeting.id, {
        agencyIds: [police],
        chairIds: [],
        idvaIds: [],
      });
      return { meeting, dueAt };
    });
    if (found) return { ...found, police, caseId: row.ids[0]!, reference: row.refs[0]! };
  }
  throw new Error('no meeting with open research');
}

/** Puts a card into Dana's chat through the Playground's connector, as a proactive message. */
async function sendToDana(content: unknown) {
  const dana = (await personIdByEmail(
    app.db,
    app.services.crypto,
    'dana.whitcombe@police.example',
  ))!;
  const reference = (await rememberedConversation(app.db, app.services.crypto, dana))!;
  const conversation = encodeURIComponent(reference.conversation.id);
  const url = `${reference.serviceUrl!.replace(/\/$/, '')}/v3/conversations/${conversation}/activities`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      from: reference.agent,
      recipient: reference.user,
      conversation: reference.conversation,
      attachments: [{ contentType: CARD_CONTENT_TYPE, content }],
    }),
  });
  expect(response.ok).toBe(true);
  return reference.user!.id;
}

const statusOf = async (caseId: string) =>
  (
    await app.db.query<{ status: string; updated_at: Date }>(
      'SELECT status, updated_at FROM research WHERE referral_id = $1',
      [caseId],
    )
  ).rows[0];

it('a rep submits research on the card, and a second submission missing an answer is refused by name', async () => {
  const { meeting, dueAt, police, caseId, reference } = await openMeeting();
  await page.locator('[data-lexical-editor="true"]').click();
  await page.keyboard.type('hello');
  await page.keyboard.press('Enter');
  await page.getByText(/refer/i).first().waitFor();
  for (let i = 0; i < 40; i++) {
    if ((await app.db.query('SELECT 1 FROM teams_conversation')).rows.length > 0) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const viewerId = await sendToDana(
    researchCasePromptCard(
      {
        meetingId: meeting.id,
        agencyId: police,
        meetingDate: meeting.date,
        dueAt,
        cases: [{ caseId, reference, status: 'due' }],
        refreshUserIds: ['user-dana-whitcombe'],
        op: randomUUID(),
      },
      0,
    ),
  );
  expect(viewerId).toBe('user-dana-whitcombe');
  await waitText('MARAC research for your agency');
  // The Playground may fetch the per-user view itself (refresh); otherwise Open shows it.
  const opened = await page
    .getByText(`MARAC research: case ${reference}`)
    .last()
    .waitFor({ timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
  if (!opened) await button('Open this case').click();
  await waitText(`MARAC research: case ${reference}`);
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
  const submitted = await statusOf(caseId);
  expect(submitted?.status).toBe('submitted');

  await button('Edit').click();
  await textbox(/^Current involvement/).waitFor();
  await textbox(/^Current involvement/).fill('');
  await button('Submit').click();
  await waitText(/Current involvement: enter what your records show/);
  await shot('refused');
  expect(await lastCard().innerText()).toContain('There is a problem');
  expect(await statusOf(caseId)).toEqual(submitted);
});
