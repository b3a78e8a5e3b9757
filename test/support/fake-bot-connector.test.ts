import { CloudAdapter } from '@microsoft/agents-hosting';
import { FakeBotConnector } from './fake-bot-connector.js';

/** Posts an activity as the Bot Connector client would, for looking at the answer itself. */
async function send(
  connector: FakeBotConnector,
  conversationId: string,
  body: Record<string, unknown> = { type: 'message', text: 'Ready.' },
  method = 'POST',
  activityId = '',
): Promise<Response> {
  const path = `v3/conversations/${conversationId}/activities${activityId ? `/${activityId}` : ''}`;
  return fetch(`${connector.serviceUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const statuses = (answers: Response[]) => answers.map((a) => a.status);

describe('the loopback Bot Connector that answers like Teams', () => {
  let connector: FakeBotConnector | undefined;
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 0));
  afterEach(() => connector?.stop());

  it('sends, updates and keeps each activity, counting per conversation', async () => {
    connector = await FakeBotConnector.start({}, clock);
    const sent = await send(connector, 'a:chat-1');
    expect(sent.status).toBe(201);
    const { id } = (await sent.json()) as { id: string };
    const updated = await send(
      connector,
      'a:chat-1',
      { type: 'message', text: 'Done.' },
      'PUT',
      id,
    );
    expect(updated.status).toBe(200);
    expect((await send(connector, 'a:chat-1', {}, 'PUT', '1:never-sent')).status).toBe(404);
    expect(connector.stats()).toMatchObject({
      sent: { 'a:chat-1': 1 },
      updated: { 'a:chat-1': 1 },
    });
    expect(connector.activities('a:chat-1').map((a) => a.body.text)).toEqual(['Ready.', 'Done.']);
  });

  it('refuses the 8th message in a second to one conversation: 429 Throttled, Retry-After', async () => {
    connector = await FakeBotConnector.start({}, clock);
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await send(connector, 'a:chat-1'));
    expect(statuses(answers)).toEqual([201, 201, 201, 201, 201, 201, 201, 429]);
    expect(answers[7]!.headers.get('retry-after')).toBe('1');
    expect(await answers[7]!.json()).toEqual({
      error: { code: 'Throttled', message: 'Too many requests.' },
    });
    expect((await send(connector, 'a:chat-2')).status).toBe(201); // another conversation
    expect(connector.stats()).toMatchObject({ throttled: { 'a:chat-1': 1 }, throttledTotal: 1 });
  });

  it('holds a conversation to 8 in 2 seconds and 60 in 30 seconds', async () => {
    connector = await FakeBotConnector.start({}, clock);
    for (let i = 0; i < 7; i++) await send(connector, 'a:chat-1');
    now = 1000; // a new second, but the 2-second window has room for one more only
    expect(
      statuses([await send(connector, 'a:chat-1'), await send(connector, 'a:chat-1')]),
    ).toEqual([201, 429]);
    now = 2000;
    expect((await send(connector, 'a:chat-1')).status).toBe(201);
    // Well paced (2 a second) it still meets 60 in 30 seconds: 9 so far, 51 more by 29s.
    let accepted = 9;
    for (now = 4000; now <= 29000; now += 500) {
      if ((await send(connector, 'a:chat-1')).status === 201) accepted += 1;
    }
    expect(accepted).toBe(60);
    now = 29500;
    const refused = await send(connector, 'a:chat-1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1'); // the first seven leave at 30s
    now = 30000;
    expect((await send(connector, 'a:chat-1')).status).toBe(201);
  });

  it('holds the app to 50 requests a second across conversations, and a refusal takes no room', async () => {
    connector = await FakeBotConnector.start({}, clock);
    const answers = [];
    for (let i = 0; i < 52; i++) answers.push(await send(connector, `a:chat-${i}`));
    expect(statuses(answers).filter((s) => s === 201)).toHaveLength(50);
    expect(statuses(answers).slice(50)).toEqual([429, 429]);
    now = 1000;
    expect((await send(connector, 'a:chat-50')).status).toBe(201);
    expect(connector.stats().throttledTotal).toBe(2);
  });

  it('refuses a message over 40 KB with 413 MessageSizeTooBig, or over the size and measure set', async () => {
    connector = await FakeBotConnector.start({}, clock);
    const big = { type: 'message', text: 'W'.repeat(40 * 1024) };
    const answer = await send(connector, 'a:chat-1', big);
    expect(answer.status).toBe(413);
    expect(await answer.json()).toMatchObject({ error: { code: 'MessageSizeTooBig' } });
    await connector.stop();
    connector = await FakeBotConnector.start(
      { measure: 'utf-16', maxMessageBytes: 100 * 1024 },
      clock,
    );
    expect((await send(connector, 'a:chat-1', { text: 'W'.repeat(50 * 1024) })).status).toBe(413);
    expect((await send(connector, 'a:chat-1', { text: 'W'.repeat(49 * 1024) })).status).toBe(201);
    expect(connector.stats()).toMatchObject({ tooLarge: 1, sent: { 'a:chat-1': 1 } });
  });

  it('answers after the latency set', async () => {
    connector = await FakeBotConnector.start({ latencyMs: 150 });
    const started = performance.now();
    expect((await send(connector, 'a:chat-1')).status).toBe(201);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it('takes the Agents SDK’s proactive messages and updates, as the bot sends them', async () => {
    connector = await FakeBotConnector.start({}, clock);
    const adapter = new CloudAdapter({});
    const reference = {
      serviceUrl: connector.serviceUrl,
      channelId: 'msteams',
      conversation: { id: 'a:1Rep-chat;messageid=1', conversationType: 'personal', isGroup: false },
      agent: { id: '28:marac-bot', name: 'MARAC' },
      user: { id: '29:rep', name: 'Rep' },
    };
    const anonymous = { aud: '' } as Extract<
      Parameters<CloudAdapter['continueConversation']>[0],
      object
    >;
    await adapter.continueConversation(anonymous, reference as never, async (context) => {
      const sent = await context.sendActivity('First.');
      await context.updateActivity({ id: sent!.id, type: 'message', text: 'Changed.' } as never);
    });
    expect(connector.stats()).toMatchObject({
      sent: { 'a:1Rep-chat;messageid=1': 1 },
      updated: { 'a:1Rep-chat;messageid=1': 1 },
    });
  });
});
