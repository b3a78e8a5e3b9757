import { choiceInput, errorBlock, heading } from './card-parts.js';
import { card, type AdaptiveCard, type Element } from './card-types.js';
import { noticeBlock, researchButton, researchRefresh, timeFacts } from './research-parts.js';
import type { ResearchPromptCase, ResearchPromptView, ResearchStatus } from './research-types.js';
import { researchStatusWords } from './research-words.js';
import { RESEARCH_VERBS, type ResearchCardData } from './verbs.js';

/*
 * The research prompt an agency's reps find in their chat with the bot. The chat keeps these
 * cards, so they hold references, counts, dates and statuses only; who a case is about comes in
 * the per-user view that `refresh` fetches for the agency's reps after the server checks access.
 */

/** Up to this many cases get a card each; more get one card with a case picker. */
export const SEPARATE_CARDS_UP_TO = 3;
/** The most cases one picker holds under 28 KB (measured: 100 take 27 KB; a meeting has ~16). */
export const PICKER_CASES_UP_TO = 100;

/** Each status as a count says it, in this order: "2 not started, 1 draft, 3 nothing known". */
const COUNTED: [ResearchStatus, string][] = [
  ['due', 'not started'],
  ['draft', 'draft'],
  ['submitted', 'submitted'],
  ['nothing-known', 'nothing known'],
];

/** "3 cases: 1 submitted, 2 not started". */
export function caseCounts(cases: readonly ResearchPromptCase[]): string {
  const parts = COUNTED.flatMap(([status, words]) => {
    const n = cases.filter((c) => c.status === status).length;
    return n ? [`${n} ${words}`] : [];
  });
  const total = `${cases.length} ${cases.length === 1 ? 'case' : 'cases'}`;
  return parts.length ? `${total}: ${parts.join(', ')}` : total;
}

const promptData = (view: ResearchPromptView): ResearchCardData => ({
  op: view.op,
  meetingId: view.meetingId,
  agencyId: view.agencyId,
  step: 'prompt',
});

const intro = (view: ResearchPromptView): Element[] => [
  ...heading(
    'MARAC research for your agency',
    'Check each case against your agency’s records and answer before the deadline. Do not contact the victim.',
  ),
  {
    type: 'FactSet',
    facts: [...timeFacts(view), { title: 'Cases', value: caseCounts(view.cases) }],
  },
];

/** One case's card; its refresh shows each rep the case itself. */
export function researchCasePromptCard(view: ResearchPromptView, index: number): AdaptiveCard {
  const c = view.cases[index];
  if (!c) throw new RangeError(`no case ${index} in this prompt`);
  const data = { ...promptData(view), caseId: c.caseId };
  const body: Element[] = [
    ...intro(view),
    {
      type: 'FactSet',
      facts: [
        { title: `Case ${index + 1} of ${view.cases.length}`, value: c.reference },
        { title: 'Status', value: researchStatusWords(c.status) },
      ],
    },
  ];
  return card(
    body,
    [researchButton('Open this case', RESEARCH_VERBS.view, data, { positive: true })],
    researchRefresh(RESEARCH_VERBS.view, { ...data, step: 'form' }, view.refreshUserIds),
  );
}

/** Many cases: one card, a case picker, and "Nothing known" for several cases at once. */
export function researchPickerCard(view: ResearchPromptView): AdaptiveCard {
  if (view.cases.length > PICKER_CASES_UP_TO)
    throw new RangeError(`${view.cases.length} cases; one picker holds ${PICKER_CASES_UP_TO}`);
  const choices = view.cases.map((c) => ({
    title: `${c.reference}: ${researchStatusWords(c.status)}`,
    value: c.caseId,
  }));
  // Neither input is required: both buttons send both inputs, and a required one would block the
  // other button. The server says which choice is missing.
  const none = choiceInput('caseIds', 'Cases your agency has no record of', choices, undefined);
  const body: Element[] = [
    ...intro(view),
    ...noticeBlock(view.notice),
    ...errorBlock(view.errors ?? []),
    choiceInput('caseId', 'Case to open', choices, undefined),
    { ...none, isMultiSelect: true },
  ];
  const data = promptData(view);
  return card(
    body,
    [
      researchButton('Open the case', RESEARCH_VERBS.open, data, { inputs: true, positive: true }),
      researchButton('Nothing known for the cases chosen', RESEARCH_VERBS.nothingKnownMany, data, {
        inputs: true,
      }),
    ],
    researchRefresh(RESEARCH_VERBS.prompt, data, view.refreshUserIds),
  );
}

/** The prompt as messages: a card per case when there are few, else one card with a picker. */
export function researchPromptCards(view: ResearchPromptView): AdaptiveCard[] {
  if (view.cases.length > SEPARATE_CARDS_UP_TO) return [researchPickerCard(view)];
  return view.cases.map((_, i) => researchCasePromptCard(view, i));
}
