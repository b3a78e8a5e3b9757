import {
  MessageFactory,
  type AgentApplication,
  type TurnContext,
  type TurnState,
} from '@microsoft/agents-hosting';
import { readMyActions } from '#core/actions/my-actions.js';
import { myResearch } from '#core/research/my-research.js';
import type { Principal } from '../auth/people.js';
import { CARD_CONTENT_TYPE, type AdaptiveCard } from '../cards/card-types.js';
import { myActionsCard, myResearchCard } from '../cards/my-lists-cards.js';
import { depsFor, type Services } from '../http/services.js';
import { principalOfActivity } from './teams-person.js';

/** The words of the app manifest's "my research" and "my actions" commands. */
export const COMMAND_WORDS = {
  myResearch: /^\s*my research\s*[.!?]?\s*$/i,
  myActions: /^\s*my actions?\s*[.!?]?\s*$/i,
} as const;

const PERSONAL_ONLY =
  'Research and actions are about people, so I only list them in our 1:1 chat. Ask me there.';
const NOT_KNOWN_PERSON =
  'I cannot match your Teams account to a MARAC user. Sign in to the MARAC tab once, then try again.';
const NO_RESEARCH = 'There is no research for your agencies right now.';
const NO_ACTIONS = 'Your agencies have no open actions right now.';

/** A list's answer: a card, or a sentence when there is nothing to list. */
type List = (
  s: Services,
  principal: Principal,
  context: TurnContext,
) => Promise<AdaptiveCard | string>;

/** Counts only, not audited: the cases are read (and audited) on the agency's form in the tab. */
const research: List = async (s, principal) => {
  const areaIds = principal.roles.filter((r) => r.role === 'rep').map((r) => r.areaId);
  const mine = await myResearch(s, { personId: principal.personId, areaIds });
  return myResearchCard(mine, s.config.publicUrl) ?? NO_RESEARCH;
};

/** The use case reads each action's words, so the read is audited as this person's. */
const actions: List = async (s, principal, context) => {
  const deps = depsFor(s, { principal, correlationId: context.activity.id ?? 'bot' });
  const mine = await readMyActions(deps, { personId: principal.personId });
  return (
    myActionsCard(mine.actions, { op: s.ids.newId(), publicUrl: s.config.publicUrl }) ?? NO_ACTIONS
  );
};

/**
 * "my research" and "my actions": the person's agencies' lists as a card in the 1:1 chat; in a
 * group chat or channel, a sentence saying to ask there (a list names cases by reference).
 */
export function registerMyListsFlow(app: AgentApplication<TurnState>, s: Services): void {
  const answer = (list: List) => async (context: TurnContext) => {
    if (context.activity.conversation?.conversationType !== 'personal') {
      await context.sendActivity(PERSONAL_ONLY);
      return;
    }
    const principal = await principalOfActivity(s, context.activity);
    const reply = principal ? await list(s, principal, context) : NOT_KNOWN_PERSON;
    await context.sendActivity(
      typeof reply === 'string'
        ? reply
        : MessageFactory.attachment({ contentType: CARD_CONTENT_TYPE, content: reply }),
    );
  };
  app.onMessage(COMMAND_WORDS.myResearch, answer(research));
  app.onMessage(COMMAND_WORDS.myActions, answer(actions));
}
