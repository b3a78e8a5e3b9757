/**
 * A Teams notice reaching the Microsoft 365 Agents Playground: Dana Whitcombe (the Playground's
 * mock user, see .m365agentsplayground.yml) says hello to the bot, her referral is accepted in the
 * app, and the notice appears in her Playground chat, as well as in the local outbox. Local mode,
 * no bot credentials: the notice goes through the Playground's own connector.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { referralForm } from '../bot/referrals/fixtures.js';
import { signIn, startApp, type TestApp } from '../support/start-app.js';
import { startPlayground, type RunningPlayground } from './support/playground.js';

const SCREENS = 'test-output/screens';
jest.setTimeout(240_000);

let app: TestApp;
let playground: RunningPlayground | undefined;
let page: Page;

beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
  app = await startApp();
  playground = await startPlayground(app.url, 'playground-notice.log');
  page = playground.page;
}, 200_000);

afterAll(async () => {
  await playground?.stop();
  await app?.stop();
});

it("shows a referral's notice in the Playground chat of its referrer, and keeps the outbox record", async () => {
  // Dana talks to the bot once: the app remembers her one-to-one chat.
  await page.locator('[data-lexical-editor="true"]').click();
  await page.keyboard.type('hello');
  await page.keyboard.press('Enter');
  await page.getByText(/refer/i).first().waitFor();
  const remembered = async () =>
    (await app.db.query('SELECT 1 FROM teams_conversation')).rows.length > 0;
  for (let i = 0; i < 40 && !(await remembered()); i++)
    await new Promise((r) => setTimeout(r, 250));

  const areaId = (
    await app.db.query<{ id: string }>(`SELECT id FROM area WHERE name LIKE 'Northbrook%'`)
  ).rows[0]!.id;
  const police = (
    await app.db.query<{ id: string }>(`SELECT id FROM agency WHERE name = 'Riverside Police'`)
  ).rows[0]!.id;
  const base = referralForm({ areaId, referrerAgencyId: police });
  const form = {
    ...base,
    riskAssessment: { ...base.riskAssessment, completedOn: new Date().toISOString().slice(0, 10) },
  };
  const dana = await signIn(app, 'dana.whitcombe@police.example');
  const made = (await (
    await dana('/api/referrals', { method: 'POST', body: JSON.stringify({ form, submit: true }) })
  ).json()) as { id: string; reference: string };
  const coordinator = await signIn(app, 'rosalind.marsh@riverside-partnership.example');
  await coordinator(`/api/referrals/${made.id}/accept`, { method: 'POST', body: '{}' });

  // The message in the chat (the chat list shows a preview of it too).
  const notice = page
    .getByRole('paragraph')
    .filter({ hasText: `Your MARAC referral ${made.reference} is accepted for the MARAC on` });
  await notice.waitFor({ timeout: 60_000 });
  await page.screenshot({ path: `${SCREENS}/playground-notice.png` });
  const dir = path.join(app.dataDir, 'outbox', 'teams');
  const written = await Promise.all(
    (await readdir(dir)).map((f) => readFile(path.join(dir, f), 'utf8')),
  );
  expect(written.some((w) => w.includes(`${made.reference} is accepted`))).toBe(true);
});
