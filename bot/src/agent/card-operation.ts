import type { TurnContext, TurnState } from '@microsoft/agents-hosting';
import type { AdaptiveCard } from '../cards/card-types.js';
import { noticeCard } from '../cards/status-cards.js';
import type { Services } from '../http/services.js';
import { sqlCardOperations, type CardOutcome } from '../store/sql-card-operations.js';
import { referrerOf, type Referrer } from './referral-actor.js';
import { cardFor, EXPIRED, type Refusal } from './referral-views.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The inputs and the card's data of an Action.Execute; with 1.8.1 the inputs are in `data`. */
function actionData(action: unknown): Record<string, unknown> {
  const data = (action as { data?: unknown } | null)?.data;
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

export type CardAction = (
  who: Referrer,
  data: Record<string, unknown>,
  context: TurnContext,
) => Promise<{ outcome: CardOutcome; refusal?: Refusal }>;

/**
 * Runs a card action once per operation id: the first click does it and records where it led;
 * a second click on the same card (a double click, a retry) changes nothing and gets the same
 * card. An action that fails gives its operation back, so it can be tried again.
 */
export function operation(s: Services, action: CardAction) {
  return async (context: TurnContext, _state: TurnState, raw: unknown): Promise<AdaptiveCard> => {
    const who = await referrerOf(s, context);
    if (typeof who === 'string') return noticeCard(who);
    const data = actionData(raw);
    const op = typeof data.op === 'string' && UUID.test(data.op) ? data.op : null;
    if (!op) return noticeCard(EXPIRED);
    const operations = sqlCardOperations(s.db);
    const claim = await operations.claim(op, who.principal.personId);
    if (claim.kind === 'done') return cardFor(s, who, claim.outcome);
    if (claim.kind === 'busy')
      return noticeCard('Still working on this. Wait a moment, then try again.');
    if (claim.kind === 'not-yours') return noticeCard(EXPIRED);
    try {
      const { outcome, refusal } = await action(who, data, context);
      await operations.complete(op, outcome);
      return await cardFor(s, who, outcome, refusal ?? null);
    } catch (error) {
      await operations.release(op);
      throw error;
    }
  };
}
