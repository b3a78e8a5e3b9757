import { startApp, type TestApp } from '../../support/start-app.js';

// The bot endpoint through the real HTTP pipeline and the Agents SDK, with `expectReplies`
// delivery so the replies come back in the response instead of through a connector.
const activity = (type: string, extra: Record<string, unknown> = {}) => ({
  type,
  id: 'activity-1',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/uk/',
  deliveryMode: 'expectReplies',
  from: { id: 'user-1', name: 'Demo user' },
  recipient: { id: 'bot-1', name: 'MARAC' },
  conversation: { id: 'conversation-1', conversationType: 'personal' },
  ...extra,
});

describe('bot endpoint', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.stop());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('answers a message with its help text and no case data', async () => {
    const response = await post(activity('message', { text: 'hello' }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { activities: { type: string; text: string }[] };
    expect(body.activities).toHaveLength(1);
    expect(body.activities[0]!.text).toMatch(/MARAC assistant/);
  });

  it('remembers, encrypted, where a known person talks to it one to one, for later notices', async () => {
    const from = {
      id: 'user-dana-whitcombe',
      name: 'Dana Whitcombe',
      aadObjectId: '7d3c1b2a-0000-4000-8000-000000000004',
    };
    expect((await post(activity('message', { text: 'hello', from }))).status).toBe(200);
    const rows = await app.db.query<{ reference: string }>(
      'SELECT reference FROM teams_conversation',
    );
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]!.reference).toMatch(/^enc:v1:/);
    expect(rows.rows[0]!.reference).not.toContain('Dana');
  });

  it('refuses a request with a malformed bearer token', async () => {
    const response = await post(activity('message', { text: 'hello' }), {
      authorization: 'Bearer not-a-jwt',
    });
    expect(response.status).toBe(401);
  });
});

describe('bot endpoint with bot credentials configured', () => {
  it('refuses a request that carries no Bot Service token', async () => {
    const app = await startApp({
      env: {
        BOT_CLIENT_ID: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
        BOT_TENANT_ID: 'aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa',
        BOT_CLIENT_SECRET: 'not-a-real-secret',
      },
    });
    try {
      const response = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity('message', { text: 'hello' })),
      });
      expect(response.status).toBe(401);
    } finally {
      await app.stop();
    }
  });
});
