import {
  choiceInput,
  errorBlock,
  heading,
  textInput,
  YES_NO,
  YES_NO_UNKNOWN,
} from './card-parts.js';
import { card, type AdaptiveCard, type Element } from './card-types.js';
import {
  caseData,
  noticeBlock,
  researchButton,
  researchRefresh,
  subjectFacts,
  timeFacts,
} from './research-parts.js';
import type { ResearchCaseView, ResearchField, ResearchTextField } from './research-types.js';
import { researchErrorLines, researchStateLine } from './research-state.js';
import {
  CHILD_PART_WORDS,
  FLAGGED_WORDS,
  KNOWN_WORDS,
  limitWords,
  RESEARCH_FIELD_WORDS,
} from './research-words.js';
import { RESEARCH_VERBS } from './verbs.js';

/** The id of a field's input on the card: the field's name, or `child2Contact` for a child's part. */
export function researchInputId(field: ResearchField): string {
  if (typeof field === 'string') return field;
  return `child${field.child}${field.part === 'involvement' ? 'Involvement' : 'Contact'}`;
}

const section = (text: string, note?: string): Element[] => [
  { type: 'TextBlock', text, weight: 'Bolder', wrap: true },
  ...(note ? [{ type: 'TextBlock' as const, text: note, isSubtle: true, wrap: true }] : []),
];

/**
 * The research form for one case, the per-user view: who the case is about, and every question
 * with what was saved so far. Nothing is required on the card (Save draft sends the inputs too);
 * what a submission needs depends on the answers, and the server says so in words (the errors).
 */
export function researchFormCard(view: ResearchCaseView): AdaptiveCard {
  const a = view.answers;
  const text = (field: ResearchTextField, hint = '') =>
    textInput(
      field,
      `${RESEARCH_FIELD_WORDS[field]}${hint} (${limitWords(field)})`,
      a[field],
      true,
    );
  // A choice, not a toggle: a toggle answers "no" for anyone who never touched it.
  const flaggedValue = a.recordsFlagged === undefined ? undefined : a.recordsFlagged ? 'yes' : 'no';
  const flagged = choiceInput('recordsFlagged', FLAGGED_WORDS, YES_NO, flaggedValue, 'expanded');
  const body: Element[] = [
    ...heading(`MARAC research: case ${view.caseReference}`, researchStateLine(view)),
    ...noticeBlock(view.notice, view.errors),
    ...errorBlock(researchErrorLines(view.errors ?? [])),
    { type: 'FactSet', facts: timeFacts(view) },
    subjectFacts(view.subjects),
    // Not required on the card: "Save draft" sends the inputs too, and a draft may leave it
    // unanswered. On submit the server names it in words.
    choiceInput('knownToAgency', KNOWN_WORDS, YES_NO_UNKNOWN, a.knownToAgency, 'expanded'),
    ...section('Facts', 'What your agency’s records show, with dates where you have them.'),
    text('currentInvolvement', ': facts'),
    text('historicalInvolvement', ': facts'),
    {
      type: 'Container',
      style: 'emphasis',
      separator: true,
      items: [
        ...section(
          'Professional opinion',
          'Your view as a professional, kept apart from the facts above.',
        ),
        text('professionalOpinion'),
      ],
    },
    text('risksIdentified'),
    ...childInputs(view),
    ...section('Sharing'),
    text('informationRequested'),
    text('actionsOffered'),
    flagged,
    text('withheldInformation'),
    text('withheldReason'),
  ];
  const data = caseData(view.ids, 'form', view.op);
  // A submitted answer is changed by submitting again: no draft, no "nothing known" over it.
  const submitted = view.status === 'submitted';
  return card(
    body,
    [
      researchButton('Submit', RESEARCH_VERBS.submit, data, { inputs: true, positive: true }),
      ...(submitted
        ? []
        : [
            researchButton('Save draft', RESEARCH_VERBS.save, data, { inputs: true }),
            researchButton('Nothing known', RESEARCH_VERBS.nothingKnown, data),
          ]),
      researchButton('Cancel', RESEARCH_VERBS.cancel, data),
    ],
    researchRefresh(RESEARCH_VERBS.view, caseData(view.ids, 'form'), [view.viewerId]),
  );
}

const CHILD_LIMIT = {
  involvement: 'childInvolvement',
  contactArrangements: 'childContact',
} as const;

/**
 * Each child by number: their involvement and the contact arrangements. The child's name is in
 * the facts above, once; a label repeats only the number (a card has a size limit).
 */
function childInputs(view: ResearchCaseView): Element[] {
  return view.subjects.children.flatMap((_child, child) => {
    const saved = view.answers.children?.[child] ?? {};
    return (['involvement', 'contactArrangements'] as const).map((part) =>
      textInput(
        researchInputId({ child, part }),
        `Child ${child + 1}: ${CHILD_PART_WORDS[part]} (${limitWords(CHILD_LIMIT[part])})`,
        saved[part],
        true,
      ),
    );
  });
}
