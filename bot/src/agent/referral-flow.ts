import {
  MessageFactory,
  type AgentApplication,
  type TurnContext,
  type TurnState,
} from '@microsoft/agents-hosting';
import { CARD_CONTENT_TYPE, type AdaptiveCard } from '../cards/card-types.js';
import { REFERRAL_VERBS } from '../cards/verbs.js';
import type { Services } from '../http/services.js';
import type { CardOutcome } from '../store/sql-card-operations.js';
import { operation } from './card-operation.js';
import { referrerOf } from './referral-actor.js';
import {
  loadInput,
  nextStep,
  previousStep,
  submitStep,
  type StepResult,
} from './referral-steps.js';
import { cardFor } from './referral-views.js';

export { PERSONAL_ONLY } from './referral-actor.js';

export const START_WORDS = /^\s*(refer|refer a case|i want to refer a case)\s*[.!]?\s*$/i;
const DRAFT_WORDS = /^\s*my drafts?\s*[.!]?\s*$/i;
const REFERRALS_WORDS = /^\s*my referrals?\s*[.!]?\s*$/i;

export const attachment = (content: AdaptiveCard) => ({ contentType: CARD_CONTENT_TYPE, content });

/** "Refer a case": the words that start it, and one handler per card verb. */
export function registerReferralFlow(app: AgentApplication<TurnState>, s: Services): void {
  const correlationOf = (context: TurnContext) => context.activity.id ?? 'bot';

  /** A message answered with a card for this outcome, in a 1:1 chat only. */
  const answer = (show: string) => async (context: TurnContext) => {
    const who = await referrerOf(s, context);
    const card = typeof who === 'string' ? null : await cardFor(s, who, { show });
    await context.sendActivity(
      card ? MessageFactory.attachment(attachment(card)) : (who as string),
    );
  };
  app.onMessage(START_WORDS, answer('details'));
  app.onMessage(DRAFT_WORDS, answer('drafts'));
  app.onMessage(REFERRALS_WORDS, answer('referrals'));

  /** A step's button: its draft must still be this person's to change. */
  const onStep = (handler: (input: Awaited<ReturnType<typeof loadInput>>) => Promise<StepResult>) =>
    operation(s, async (who, data, context) => {
      const input = await loadInput(s, who, data, correlationOf(context));
      if (typeof data.referralId === 'string' && !input.referral)
        return { outcome: { show: 'expired' } };
      return handler(input);
    });
  const to = (outcome: (input: Awaited<ReturnType<typeof loadInput>>) => CardOutcome) =>
    onStep(async (input) => ({ outcome: outcome(input) }));
  const withDraft = (input: Awaited<ReturnType<typeof loadInput>>, show: string): CardOutcome =>
    input.referral ? { referralId: input.referral.id, show } : { show };

  const verbs = REFERRAL_VERBS;
  app.adaptiveCards.actionExecute(
    verbs.start,
    to(() => ({ show: 'details' })),
  );
  app.adaptiveCards.actionExecute(
    verbs.drafts,
    to(() => ({ show: 'drafts' })),
  );
  app.adaptiveCards.actionExecute(
    verbs.referrals,
    to(() => ({ show: 'referrals' })),
  );
  app.adaptiveCards.actionExecute(
    verbs.next,
    onStep((input) => nextStep(s, input)),
  );
  app.adaptiveCards.actionExecute(
    verbs.back,
    onStep((input) => previousStep(s, input)),
  );
  app.adaptiveCards.actionExecute(
    verbs.submit,
    onStep((input) => submitStep(s, input)),
  );
  app.adaptiveCards.actionExecute(
    verbs.edit,
    to((input) => withDraft(input, input.step)),
  );
  app.adaptiveCards.actionExecute(
    verbs.resume,
    to((input) => withDraft(input, input.referral ? 'details' : 'expired')),
  );
  // Cancel keeps what was saved as a draft: nothing typed is lost, and "my drafts" finds it.
  app.adaptiveCards.actionExecute(
    verbs.cancel,
    to((input) => withDraft(input, 'cancelled')),
  );
}
