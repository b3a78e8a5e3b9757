/**
 * A rep who starts their chat with the bot after the agenda was published (local mode, their
 * chat in the Agents Playground, here a stand-in for its connector): their first message queues
 * the meeting's open research prompts again, and they reach that chat; a later message queues
 * nothing more; a rep who has not talked to the bot gets nothing there. What the chat receives
 * holds references, never a name.
 */
import { demoReferrals } from '../../../bot/src/demo/demo-referrals.js';
import { FakeBotConnector } from '../../support/fake-bot-connector.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';

const now = () => new Date('2026-12-01T09:00:00Z');
const TENANT = '7d3c1b2a-0000-4000-8000-00000000a1a1';
// A Playground mock user (.m365agentsplayground.yml): Priya, children's social care core rep.
const PRIYA = {
  id: 'user-priya-ellingham',
  name: 'Priya Ellingham',
  aadObjectId: '7d3c1b2a-0000-4000-8000-000000000005',
};

let connector: FakeBotConnector;
let connectorUrl: string;
let app: TestApp;
let meetingId: string;

beforeAll(async () => {
  connector = await FakeBotConnector.start();
  connectorUrl = connector.serviceUrl;
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
  await connector.stop();
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
  connector
    .activities('priya-chat')
    .filter((a) =>
      JSON.stringify(a.body.attachments ?? []).includes('MARAC research for your agency'),
    );

it('sends the open research prompts to a rep when they first talk to the bot after publication, once', async () => {
  const coordinator = await signIn(app, 'rosalind.marsh@riverside-partnership.example');
  const published = await coordinator(`/api/meetings/${meetingId}/agenda/publish`, {
    method: 'POST',
    body: '{}',
  });
  expect(published.status).toBe(201);
  await app.services.drainOutbox();
  expect(connector.activities()).toHaveLength(0);

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
  expect(connector.activities().every((a) => a.conversationId === 'priya-chat')).toBe(true);
});
