import { type AgentApplication, type TurnContext, type TurnState } from '@microsoft/agents-hosting';
import { DomainError, isDomainError } from '#core/shared/errors.js';
import { recordRefused } from '../audit/refused-requests.js';
import { researchNotAllowedCard } from '../cards/research-refused-card.js';
import { noticeCard } from '../cards/status-cards.js';
import { RESEARCH_VERBS, type ResearchVerb } from '../cards/verbs.js';
import { depsFor, type Services } from '../http/services.js';
import { sqlCardOperations } from '../store/sql-card-operations.js';
import { RESEARCH_HANDLERS, replay, WRITES, type Reply } from './research-actions.js';
import { researchAction, type ResearchAction } from './research-inputs.js';
import type { ResearchActor } from './research-read.js';
import { registerCardVerbs } from './card-verbs.js';
import { principalOfActivity } from './teams-person.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PERSONAL_ONLY =
  'Research is about people, so I only show it in our 1:1 chat. Open the prompt there.';
const NOT_KNOWN_PERSON =
  'I cannot match your Teams account to a MARAC user. Sign in to the MARAC tab once, then try again.';
const NOT_A_CARD =
  'This card is out of date or was not made by MARAC. Open the latest research prompt, or the research in the MARAC tab.';
const BUSY = 'Still working on this. Wait a moment, then try again.';
/** Said instead of a card that shows a person, where the card would stay in the chat. */
const NO_PER_USER_VIEW =
  'This version of Teams cannot show a card to you alone, so the case is not shown here: open the research in the MARAC tab.';

/**
 * The research cards' buttons and refreshes (`registerCardVerbs`): every verb's answer is the card
 * that replaces the one clicked; an older client's message never shows a person.
 */
export function registerResearchFlow(app: AgentApplication<TurnState>, s: Services): void {
  registerCardVerbs(app, Object.values(RESEARCH_VERBS), NO_PER_USER_VIEW, (context, verb, data) =>
    answer(s, context, verb, data),
  );
}

/**
 * One research card action: the person, in a 1:1 chat; the card's data checked against what a
 * research card sends; a write done once per operation id. Every refusal is audited (the use
 * cases audit their own too) and answered with a card that says nothing about any case.
 */
async function answer(
  s: Services,
  context: TurnContext,
  verb: ResearchVerb,
  data: unknown,
): Promise<Reply> {
  const correlationId = context.activity.id ?? 'bot';
  const meetingId = (data as { meetingId?: unknown } | null)?.meetingId;
  const refuse = async (reason: string, actorId: string | null): Promise<Reply> => {
    await recordRefused(
      s.db,
      {
        actorId,
        action: 'research.card.refused',
        // Only an id: a forged card could put anything in its data, a name included.
        recordId: typeof meetingId === 'string' && UUID.test(meetingId) ? meetingId : null,
        correlationId,
      },
      s.clock.now(),
    );
    return { card: researchNotAllowedCard(reason), personal: false, said: reason };
  };
  if (context.activity.conversation?.conversationType !== 'personal')
    return refuse(PERSONAL_ONLY, null);
  const principal = await principalOfActivity(s, context.activity);
  if (!principal) return refuse(NOT_KNOWN_PERSON, null);
  const action = researchAction(verb, data);
  if (!action) return refuse(NOT_A_CARD, principal.personId);
  const actor: ResearchActor = {
    personId: principal.personId,
    viewerId: context.activity.from?.id ?? '',
    deps: depsFor(s, { principal, correlationId }),
  };
  try {
    return await once(s, actor, action);
  } catch (error) {
    if (isDomainError(error) && error.code !== 'VALIDATION_FAILED')
      return refuse(error.message, principal.personId);
    throw error;
  }
}

/** A write runs once per operation id: a second click gets the card as things now stand. */
async function once(s: Services, actor: ResearchActor, action: ResearchAction): Promise<Reply> {
  const run = RESEARCH_HANDLERS[action.verb];
  if (!WRITES.has(action.verb) || !action.op) return run(actor, action);
  const operations = sqlCardOperations(s.db);
  const claim = await operations.claim(action.op, actor.personId);
  if (claim.kind === 'done') return replay(actor, action);
  if (claim.kind === 'busy') return { card: noticeCard(BUSY), personal: false, said: BUSY };
  if (claim.kind === 'not-yours') throw new DomainError('FORBIDDEN', NOT_A_CARD);
  try {
    const reply = await run(actor, action);
    await operations.complete(action.op, { show: 'research' });
    return reply;
  } catch (error) {
    await operations.release(action.op);
    throw error;
  }
}
