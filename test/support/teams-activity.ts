import { randomUUID } from 'node:crypto';

/*
 * Activities as Teams sends them to the bot endpoint (`POST /api/messages`), for tests that drive
 * the real HTTP pipeline and Agents SDK. Messages ask for `expectReplies`, so the replies come
 * back in the response instead of through a connector. Only invented people and tenants.
 */

export interface TeamsUser {
  id: string;
  name?: string;
  aadObjectId?: string;
}

/** The Playground's mock tenant (.m365agentsplayground.yml). */
export const PLAYGROUND_TENANT = '7d3c1b2a-0000-4000-8000-00000000a1a1';

export interface ActivityOptions {
  from: TeamsUser;
  conversationType?: 'personal' | 'groupChat' | 'channel';
  tenantId?: string;
  conversationId?: string;
}

function envelope(options: ActivityOptions) {
  const conversationType = options.conversationType ?? 'personal';
  const tenantId = options.tenantId ?? PLAYGROUND_TENANT;
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    from: options.from,
    recipient: { id: 'bot-1', name: 'MARAC' },
    conversation: {
      id: options.conversationId ?? `c-${options.from.id}-${conversationType}`,
      conversationType,
      tenantId,
    },
    channelData: { tenant: { id: tenantId } },
  };
}

export const teamsMessage = (text: string, options: ActivityOptions) => ({
  ...envelope(options),
  type: 'message',
  deliveryMode: 'expectReplies',
  text,
});

/** A card button pressed (`Action.Execute`), or the refresh Teams sends when it shows a card. */
export const cardAction = (
  verb: string,
  data: Record<string, unknown>,
  options: ActivityOptions & { trigger?: 'manual' | 'automatic' },
) => ({
  ...envelope(options),
  type: 'invoke',
  name: 'adaptiveCard/action',
  value: { action: { type: 'Action.Execute', verb, data }, trigger: options.trigger ?? 'manual' },
});

export interface BotAnswer {
  status: number;
  body: unknown;
}

/** Posts an activity to the app's bot endpoint; the body is the parsed JSON answer, if any. */
export async function postActivity(appUrl: string, activity: unknown): Promise<BotAnswer> {
  const response = await fetch(`${appUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
