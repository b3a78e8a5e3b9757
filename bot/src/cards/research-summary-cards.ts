import { heading } from './card-parts.js';
import { card, type AdaptiveCard, type Element } from './card-types.js';
import { answerElements } from './research-answers.js';
import {
  caseData,
  researchButton,
  researchRefresh,
  subjectFacts,
  timeFacts,
} from './research-parts.js';
import type { ResearchCaseView } from './research-types.js';
import { researchStateLine } from './research-state.js';
import { londonMomentInWords } from './research-words.js';
import { RESEARCH_VERBS } from './verbs.js';

/*
 * The read-only views of one case's research, per user: after submission (with "Edit" until the
 * deadline) and after the deadline. Both show what was answered; both keep refreshing, so a rep
 * sees a colleague's submission or the deadline passing without anyone sending a new message.
 */

const readOnly = (view: ResearchCaseView, note: string): Element[] => [
  ...heading(`MARAC research: case ${view.caseReference}`, researchStateLine(view)),
  { type: 'TextBlock', text: note, wrap: true },
  { type: 'FactSet', facts: timeFacts(view) },
  subjectFacts(view.subjects),
  ...answerElements(view),
];

/** After submission (or "Nothing known"): what went, by whom and when; "Edit" until the deadline. */
export function researchSummaryCard(view: ResearchCaseView, now: Date): AdaptiveCard {
  if (now.getTime() >= view.dueAt.getTime()) return researchClosedCard(view);
  const refresh = researchRefresh(RESEARCH_VERBS.view, caseData(view.ids, 'summary'), [
    view.viewerId,
  ]);
  const note = `You can change this until ${londonMomentInWords(view.dueAt)}.`;
  return card(
    readOnly(view, note),
    [researchButton('Edit', RESEARCH_VERBS.edit, caseData(view.ids, 'summary', view.op))],
    refresh,
  );
}

/** After the deadline: read-only for good; a change now goes through the coordinator. */
export function researchClosedCard(view: ResearchCaseView): AdaptiveCard {
  const missed = view.status === 'due' || view.status === 'draft';
  const note = missed
    ? `The deadline, ${londonMomentInWords(view.dueAt)}, has passed without a submission from your agency. Tell the MARAC coordinator what you know.`
    : `The deadline, ${londonMomentInWords(view.dueAt)}, has passed. To change this research, ask the MARAC coordinator.`;
  return card(
    readOnly(view, note),
    [],
    researchRefresh(RESEARCH_VERBS.view, caseData(view.ids, 'closed'), [view.viewerId]),
  );
}
