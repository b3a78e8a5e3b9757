import { errorBlock, heading } from './card-parts.js';
import { card, type AdaptiveCard, type Element } from './card-types.js';
import { answerElements, type AnswerPreview } from './research-answers.js';
import { firstThatFits } from './research-fit.js';
import {
  caseData,
  noticeBlock,
  researchButton,
  researchRefresh,
  subjectFacts,
  timeFacts,
} from './research-parts.js';
import type { ResearchCaseView } from './research-types.js';
import { researchErrorLines, researchStateLine } from './research-state.js';
import { londonMomentInWords } from './research-words.js';
import { RESEARCH_VERBS } from './verbs.js';

/*
 * The read-only views of one case's research, per user: after submission (with "Edit" until the
 * deadline) and after the deadline. Both show what was answered; both keep refreshing, so a rep
 * sees a colleague's submission or the deadline passing without anyone sending a new message.
 */

/** All of every answer when it fits on one card; else the first part of each, saying so. */
const PREVIEWS: readonly (AnswerPreview | undefined)[] = [
  undefined,
  { text: 1500, child: 400 },
  { text: 600, child: 150 },
  { text: 200, child: 60 },
];

const readOnly = (view: ResearchCaseView, note: string, preview?: AnswerPreview): Element[] => [
  ...heading(`MARAC research: case ${view.caseReference}`, researchStateLine(view)),
  ...noticeBlock(view.notice, view.errors),
  ...errorBlock(researchErrorLines(view.errors ?? [])),
  { type: 'TextBlock', text: note, wrap: true },
  { type: 'FactSet', facts: timeFacts(view) },
  subjectFacts(view.subjects),
  ...answerElements(view, preview),
];

/** After submission (or "Nothing known"): what went, by whom and when; "Edit" until the deadline. */
export function researchSummaryCard(view: ResearchCaseView, now: Date): AdaptiveCard {
  if (now.getTime() >= view.dueAt.getTime()) return researchClosedCard(view);
  const refresh = researchRefresh(RESEARCH_VERBS.view, caseData(view.ids, 'summary'), [
    view.viewerId,
  ]);
  const note = `You can change this until ${londonMomentInWords(view.dueAt)}.`;
  const edit = researchButton('Edit', RESEARCH_VERBS.edit, caseData(view.ids, 'summary', view.op));
  return firstThatFits(PREVIEWS, (preview) => card(readOnly(view, note, preview), [edit], refresh));
}

/** After the deadline: read-only for good; a change now goes through the coordinator. */
export function researchClosedCard(view: ResearchCaseView): AdaptiveCard {
  const missed = view.status === 'due' || view.status === 'draft';
  const note = missed
    ? `The deadline, ${londonMomentInWords(view.dueAt)}, has passed without a submission from your agency. Tell the MARAC coordinator what you know.`
    : `The deadline, ${londonMomentInWords(view.dueAt)}, has passed. To change this research, ask the MARAC coordinator.`;
  const refresh = researchRefresh(RESEARCH_VERBS.view, caseData(view.ids, 'closed'), [
    view.viewerId,
  ]);
  return firstThatFits(PREVIEWS, (preview) => card(readOnly(view, note, preview), [], refresh));
}

/**
 * A form whose saved answers are too long for one card: what was saved, the first part of each
 * text, and the tab to carry on in. Nothing is cut from what is stored, and no form is offered
 * that would save a shortened text back over it.
 */
export function researchTooLongCard(view: ResearchCaseView): AdaptiveCard {
  const note =
    'These answers are too long to change on a card in Teams. Nothing has been cut: open the research in the MARAC tab to carry on.';
  const refresh = researchRefresh(RESEARCH_VERBS.view, caseData(view.ids, 'form'), [view.viewerId]);
  const actions = [
    researchButton('Cancel', RESEARCH_VERBS.cancel, caseData(view.ids, 'form', view.op)),
  ];
  return firstThatFits(PREVIEWS.slice(1), (preview) =>
    card(readOnly(view, note, preview), actions, refresh),
  );
}
