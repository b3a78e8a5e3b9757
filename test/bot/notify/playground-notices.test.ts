import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { saveConversation } from '../../../bot/src/notify/bot-notifier.js';
import { isLoopbackUrl } from '../../../bot/src/notify/playground-notifier.js';
import { findPersonIdByEmail } from '../../../bot/src/store/sql-people.js';
import { referralForm } from '../referrals/fixtures.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';

const now = () => new Date('2026-12-01T09:00:00Z');
const DANA = 'dana.whitcombe@police.example';

/** Answers like the Playground's mocked connector, and keeps what the bot sent. */
let connector: Server;
let connectorUrl: string;
const received: { path: string; body: { type: string; text: string } }[] = [];
let app: TestApp;

beforeAll(async () => {
  connector = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: JSON.parse(body || '{}') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"sent-1"}');
    });
  });
  await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
  connectorUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/_connector`;
  app = await startApp({ now, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
}, 180_000);
afterAll(async () => {
  await app.stop();
  await new Promise((resolve) => connector.close(resolve));
});

/** The person has a 1:1 chat with the bot in the Playground, as its first message would record. */
async function talkedToTheBot(email: string, chatId: string): Promise<void> {
  const personId = (await findPersonIdByEmail(app.db, app.services.crypto, email))!;
  await saveConversation(app.db, app.services.crypto, personId, {
    serviceUrl: connectorUrl,
    channelId: 'msteams',
    conversation: { id: chatId, conversationType: 'personal', isGroup: false },
    agent: { id: '7d3c1b2a-0000-4000-8000-00000000b0b0', name: 'MARAC' },
    user: { id: `user-${chatId}`, name: email },
  });
}

it.each([
  ['http://localhost:56150/_connector', true],
  ['http://127.0.0.1:56150/_connector', true],
  ['https://smba.trafficmanager.net/uk/', false],
  ['http://127.example/_connector', false],
  [undefined, false],
])('treats %s as the local Playground: %s', (url, local) => {
  expect(isLoopbackUrl(url)).toBe(local);
});

it('sends a notice to the Playground chat of a person who talked to the bot there, and keeps the outbox file', async () => {
  await talkedToTheBot(DANA, 'personal-chat-id');
  const areaId = (
    await app.db.query<{ id: string }>(`SELECT id FROM area WHERE name LIKE 'Northbrook%'`)
  ).rows[0]!.id;
  const police = (
    await app.db.query<{ id: string }>(`SELECT id FROM agency WHERE name = 'Riverside Police'`)
  ).rows[0]!.id;
  const made = await (
    await signIn(app, DANA)
  )('/api/referrals', {
    method: 'POST',
    body: JSON.stringify({
      form: referralForm({ areaId, referrerAgencyId: police }),
      submit: true,
    }),
  });
  const { id, reference } = (await made.json()) as { id: string; reference: string };
  const coordinator = await signIn(app, 'rosalind.marsh@riverside-partnership.example');
  await coordinator(`/api/referrals/${id}/accept`, { method: 'POST', body: '{}' });
  await app.services.drainOutbox();

  const accepted = `Your MARAC referral ${reference} is accepted for the MARAC on Tue 15 Dec 2026.`;
  const toPlayground = received.filter((r) => r.body.type === 'message').map((r) => r.body.text);
  expect(toPlayground).toContain(accepted);
  expect(received.every((r) => r.path.includes('/v3/conversations/personal-chat-id/'))).toBe(true);
  const dir = path.join(app.dataDir, 'outbox', 'teams');
  const files = readdirSync(dir).map(
    (f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { text: string },
  );
  expect(files.map((f) => f.text)).toContain(accepted);
});

it('gives a password copy\u2019s password to its rep in their Playground chat, and as an outbox file', async () => {
  const anjali = 'anjali.storey@health.example'; // Community Health: password copies
  await talkedToTheBot(anjali, 'anjali-chat-id');
  const meeting = (
    await app.db.query<{ id: string }>(
      `SELECT meeting_id AS id FROM referral WHERE status = 'accepted' LIMIT 1`,
    )
  ).rows[0]!.id;
  const coordinator = await signIn(app, 'rosalind.marsh@riverside-partnership.example');
  const published = await coordinator(`/api/meetings/${meeting}/agenda/publish`, {
    method: 'POST',
    body: '{}',
  });
  expect(published.status).toBe(201);
  await app.services.drainOutbox();

  const toAnjali = received
    .filter(
      (r) =>
        r.path.includes('/v3/conversations/anjali-chat-id/') &&
        r.body.type === 'message' &&
        // Her research prompts come too, as cards without text.
        typeof r.body.text === 'string',
    )
    .map((r) => r.body.text);
  expect(toAnjali).toHaveLength(1);
  expect(toAnjali[0]).toMatch(
    /^The password for your copy of the Northbrook and Wellfield MARAC agenda for 15 December 2026, Version 1, is:\n\n[A-Za-z0-9]{24}\n/,
  );
  expect(toAnjali[0]).not.toMatch(/Amelia|Hart|Threlkeld/);
  const dir = path.join(app.dataDir, 'outbox', 'teams');
  const files = readdirSync(dir).map(
    (f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { text: string },
  );
  expect(files.map((f) => f.text)).toContain(toAnjali[0]);
});
