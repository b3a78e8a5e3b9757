import { Activity, type ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter } from '@microsoft/agents-hosting';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { FieldRef } from '../crypto/field-cipher.js';
import type { Queryable } from '../db/db.js';
import { retryAfterOf, TeamsThrottledError, type TeamsPace } from './teams-pace.js';
import { cardActivity, type TeamsNotifier } from './teams-notifier.js';

const ref = (personId: string): FieldRef => ({
  keyOwner: `person:${personId}`,
  table: 'teams_conversation',
  column: 'reference',
  rowId: personId,
});

/**
 * Remembers where a person talks to the bot one to one, so notices can reach them later. True
 * the first time: the bot could not reach them before.
 */
export async function saveConversation(
  q: Queryable,
  crypto: AppCrypto,
  personId: string,
  reference: Partial<ConversationReference>,
): Promise<boolean> {
  const sealed = await crypto.cipher.encrypt(ref(personId), JSON.stringify(reference), q);
  const saved = await q.query<{ first: boolean }>(
    `INSERT INTO teams_conversation (person_id, reference) VALUES ($1, $2)
     ON CONFLICT (person_id) DO UPDATE SET reference = excluded.reference, updated_at = now()
     RETURNING (xmax = 0) AS first`,
    [personId, sealed],
  );
  return saved.rows[0]?.first === true;
}

/** Where the person last talked to the bot one to one, or null if they never have. */
export async function rememberedConversation(
  db: Queryable,
  crypto: AppCrypto,
  personId: string,
): Promise<ConversationReference | null> {
  const found = await db.query<{ reference: string }>(
    'SELECT reference FROM teams_conversation WHERE person_id = $1',
    [personId],
  );
  const stored = found.rows[0];
  if (!stored) return null;
  return JSON.parse(
    await crypto.cipher.decrypt(ref(personId), stored.reference),
  ) as ConversationReference;
}

/**
 * Sends one activity into a remembered conversation, paced to Teams' limits (`TeamsPace`): a
 * 429 all the same pauses that conversation and the tenant for its `Retry-After` and comes back
 * as `TeamsThrottledError`, which the outbox reads to wait as long before trying again.
 */
export async function sendPaced(options: {
  adapter: CloudAdapter;
  /** The bot's app id, or the anonymous claims the Agents Playground expects. */
  botAppId: Parameters<CloudAdapter['continueConversation']>[0];
  pace: TeamsPace;
  reference: ConversationReference;
  activity: string | Activity;
}): Promise<void> {
  const { reference, pace } = options;
  const conversationId = reference.conversation?.id ?? '';
  const tenantId = reference.conversation?.tenantId ?? 'tenant';
  const answered = await pace.take(conversationId, tenantId);
  const failure = await sendInTurn(options);
  answered();
  if (!failure) return;
  const seconds = retryAfterOf(failure.error);
  if (seconds === null) throw failure.error;
  pace.pause({ conversationId, tenantId }, seconds);
  throw new TeamsThrottledError(seconds);
}

/**
 * Sends in a proactive turn; the send's failure comes back out of the turn. Thrown inside it, it
 * would go to the adapter's onTurnError, which answers a person's message with an apology. Here
 * no one wrote: the apology would land unasked in the rep's chat and, once sent, hide the 429 (or
 * any failure) of the message itself, so the outbox would count it sent and never try again.
 */
async function sendInTurn(options: Parameters<typeof sendPaced>[0]) {
  let failure: { error: unknown } | null = null;
  await options.adapter.continueConversation(
    options.botAppId,
    options.reference,
    async (context) => {
      try {
        await context.sendActivity(options.activity);
      } catch (error) {
        failure = { error };
      }
    },
  );
  return failure as { error: unknown } | null;
}

/**
 * Teams: a proactive message into the person's one-to-one chat with the bot. A person who has
 * never opened that chat cannot be reached (false); they see the status in the tab instead.
 */
export function botNotifier(options: {
  db: Queryable;
  crypto: AppCrypto;
  adapter: CloudAdapter;
  botAppId: string;
  pace: TeamsPace;
}): TeamsNotifier {
  const deliver = async (personId: string, activity: string | Activity) => {
    const reference = await rememberedConversation(options.db, options.crypto, personId);
    if (!reference) return false;
    await sendPaced({ ...options, reference, activity });
    return true;
  };
  return {
    send: (personId, text) => deliver(personId, text),
    sendCard: (personId, message) => deliver(personId, Activity.fromObject(cardActivity(message))),
  };
}
