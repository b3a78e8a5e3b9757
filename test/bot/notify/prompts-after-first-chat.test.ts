/**
 * A rep who starts their chat with the bot after the agenda was published (local mode, their
 * chat in the Agents Playground, here a stand-in for its connector): their first message queues
 * the meeting's open research prompts again, and they reach that chat; a later message queues
 * nothing more; a rep who has not talked to the bot gets nothing there. What the chat receives
 * holds references, never a name.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoReferrals } from '../../../bot/src/demo/demo-referrals.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';

const now = () => new Date('2026-12-01T09:00:00Z');
const TENANT = '7d3c1b2a-0000-4000-8000-00000000a1a1';
// A Playground mock user (.m365agentsplayground.yml): Priya, children's social care core rep.
const PRIYA = {
  id: 'user-priya-ellingham',
  name: 'Priya Ellingham',
  aadObjectId: '7d3c1b2a-0000-4000-8000-000000000005',
};

let connector: Server;
let connectorUrl: string;
const received: { path: string; body: { type: string; attachments?: unknown[] } }[] = [];
let app: TestApp;
let meetingId: string;

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
  app = await startApp({
    now,
    env: { MARAC_DEMO_REFERRALS: 'true', RATE_LIMIT_PER_MINUTE: '100000' },
  });
  meetingId = (
    await app.db.query<{ id: string }>(
      `SELECT r.meeting_id AS id FROM referral r JOIN meeting m ON m.id = r.meeting_id
        WHERE r.status = 'accepted' ORDER BY m.date LIMIT 1`,
    )
  ).rows[0]!.id;
  const kinds = ['police', 'childrens-social-care'];
  const agencies = (
    await app.db.query<{ id: string }>('SELECT id FROM agency WHERE kind = ANY($1)', [kinds])
  ).rows.map((r) => r.id);
  await app.services.uow.run((repos) =>
    repos.agendas.setMembers(meetingId, { agencyIds: agencies, chairIds: [], idvaIds: [] }),
  );
}, 180_000);
afterAll(async () => {
  await app.stop();
  await new Promise((resolve) => connector.close(resolve));
});

const say = async (text: string) => {
  const response = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `m-${text}`,
      text,
      channelId: 'msteams',
      serviceUrl: connectorUrl,
      from: PRIYA,
      recipient: { id: 'bot-1', name: 'MARAC' },
      conversation: { id: 'priya-chat', conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
    }),
  });
  expect(response.status).toBeLessThan(300);
  await app.services.drainOutbox();
};
/** The research prompt cards the chat received. */
const prompts = () =>
  received.filter(
    (r) =>
      r.path.includes('/v3/conversations/priya-chat/') &&
      JSON.stringify(r.body.attachments ?? []).includes('MARAC research for your agency'),
  );

it('sends the open research prompts to a rep when they first talk to the bot after publication, once', async () => {
  const coordinator = await signIn(app, 'rosalind.marsh@riverside-partnership.example');
  const published = await coordinator(`/api/meetings/${meetingId}/agenda/publish`, {
    method: 'POST',
    body: '{}',
  });
  expect(published.status).toBe(201);
  await app.services.drainOutbox();
  expect(received).toHaveLength(0);

  await say('hello');
  const cases = (
    await app.db.query(`SELECT 1 FROM referral WHERE meeting_id = $1 AND status = 'accepted'`, [
      meetingId,
    ])
  ).rows.length;
  expect(cases).toBeGreaterThan(0);
  expect(prompts()).toHaveLength(cases <= 3 ? cases : 1);
  const sent = JSON.stringify(prompts());
  for (const r of demoReferrals) {
    for (const personal of [r.victim.name, r.victim.dateOfBirth, r.perpetrator.name])
      expect(sent).not.toContain(personal);
  }

  await say('hello again');
  expect(prompts()).toHaveLength(cases <= 3 ? cases : 1);
  // Nobody else's chat was written to.
  expect(received.every((r) => r.path.includes('/v3/conversations/priya-chat/'))).toBe(true);
});
