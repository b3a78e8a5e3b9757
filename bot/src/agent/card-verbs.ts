import {
  MessageFactory,
  type AgentApplication,
  type TurnContext,
  type TurnState,
} from '@microsoft/agents-hosting';
import { CARD_CONTENT_TYPE, type AdaptiveCard } from '../cards/card-types.js';
import { noticeCard } from '../cards/status-cards.js';

/** What a card's verb answers: the card, whether it shows a person's details, and what it says. */
export interface CardReply {
  card: AdaptiveCard;
  personal: boolean;
  said: string;
}

/** The inputs and data of an Action.Execute; with 1.8.1 the inputs are merged into `data`. */
const executeData = (action: unknown): unknown => (action as { data?: unknown } | null)?.data ?? {};

/**
 * A family of cards' buttons and refreshes: each verb as `Action.Execute` (its answer is the card
 * that replaces the one clicked, for the person who clicked), and the `Action.Submit` fallback of
 * older clients, a message whose `value` names the verb, answered by a new message. That message
 * stays in the chat for anyone in it, so a card that shows a person is replaced there by
 * `noPerUserView`, words saying where to look instead.
 */
export function registerCardVerbs<V extends string>(
  app: AgentApplication<TurnState>,
  verbs: readonly V[],
  noPerUserView: string,
  answer: (context: TurnContext, verb: V, data: unknown) => Promise<CardReply>,
): void {
  for (const verb of verbs) {
    app.adaptiveCards.actionExecute(verb, async (context, _state, action) => {
      return (await answer(context, verb, executeData(action))).card;
    });
  }
  const isSubmit = async (context: TurnContext): Promise<boolean> => {
    const a = context.activity;
    const value = a.value as { verb?: unknown } | null | undefined;
    return (
      a.type === 'message' &&
      !a.text &&
      typeof value === 'object' &&
      value !== null &&
      typeof value.verb === 'string' &&
      (verbs as readonly string[]).includes(value.verb)
    );
  };
  app.onActivity(isSubmit, async (context) => {
    const { verb, ...data } = context.activity.value as { verb: V };
    const reply = await answer(context, verb, data);
    const shown = reply.personal ? noticeCard(`${reply.said} ${noPerUserView}`) : reply.card;
    await context.sendActivity(
      MessageFactory.attachment({ contentType: CARD_CONTENT_TYPE, content: shown }),
    );
  });
}
