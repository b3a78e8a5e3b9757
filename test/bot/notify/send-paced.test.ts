import { Activity } from '@microsoft/agents-activity';
import type { CloudAdapter } from '@microsoft/agents-hosting';
import { pino } from 'pino';
import { botRouter } from '../../../bot/src/agent/agent.js';
import { loadConfig } from '../../../bot/src/config/config.js';
import { sendPaced } from '../../../bot/src/notify/bot-notifier.js';
import { TeamsPace, TeamsThrottledError } from '../../../bot/src/notify/teams-pace.js';
import { FakeBotConnector } from '../../support/fake-bot-connector.js';

/*
 * A proactive message that Teams refuses must come back to the outbox as a failure: the
 * adapter's onTurnError (an apology, for a person who wrote to the bot) must not answer it.
 */
describe('a proactive message into a rep’s chat, against a Bot Connector with Teams’ limits', () => {
  let connector: FakeBotConnector;
  let adapter: CloudAdapter;
  // Each request reaches the connector 600 ms after the one before; it allows one a second.
  let connectorNow = 0;
  const tick = () => (connectorNow += 600);
  const anonymous = { aud: '' } as Extract<
    Parameters<CloudAdapter['continueConversation']>[0],
    object
  >;
  // The app's pace with room to spare, so the connector is the one that refuses.
  const pace = new TeamsPace(
    { now: () => 0, sleep: async () => {} },
    { conversation: [{ seconds: 1, max: 100 }], tenant: [{ seconds: 1, max: 100 }] },
  );
  const send = (text: string) =>
    sendPaced({
      adapter,
      botAppId: anonymous,
      pace,
      reference: {
        serviceUrl: connector.serviceUrl,
        channelId: 'msteams',
        conversation: {
          id: 'a:rep-chat',
          conversationType: 'personal',
          isGroup: false,
          tenantId: 't1',
        },
        agent: { id: '28:bot', name: 'MARAC' },
        user: { id: '29:rep', name: 'Rep' },
      } as never,
      activity: Activity.fromObject({ type: 'message', text }),
    });

  beforeAll(async () => {
    connector = await FakeBotConnector.start({ perTenant: [{ seconds: 1, max: 1 }] }, tick);
    adapter = botRouter(loadConfig({ NODE_ENV: 'test' }), pino({ level: 'silent' })).adapter;
  });
  afterAll(() => connector.stop());

  it('is refused as TeamsThrottledError with Retry-After, and nothing else reaches the chat', async () => {
    await send('First prompt.');
    await expect(send('Second prompt.')).rejects.toEqual(new TeamsThrottledError(1));
    expect(connector.activities().map((a) => a.body.text)).toEqual(['First prompt.']);
    expect(connector.stats().throttledTotal).toBe(1);
  });
});
