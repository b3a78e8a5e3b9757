import { plain } from './card-parts.js';
import type { Element } from './card-types.js';
import type { ResearchCaseView, ResearchTextField } from './research-types.js';
import {
  CHILD_PART_WORDS,
  FLAGGED_WORDS,
  KNOWN_WORDS,
  RESEARCH_FIELD_WORDS,
} from './research-words.js';

const KNOWN = { yes: 'Yes', no: 'No', 'not-known': 'Not known' } as const;
const NOT_ANSWERED = 'Not answered';

/** How much of each text a read-only card shows, when all of it would not fit on one card. */
export interface AnswerPreview {
  text: number;
  child: number;
}

/** The first `max` characters, and a line saying that the rest is in the tab: never cut silently. */
function shown(value: string, max: number | undefined): Element[] {
  if (max === undefined || value.length <= max)
    return [{ type: 'TextBlock', text: plain(value), wrap: true }];
  const count = (n: number) => n.toLocaleString('en-GB');
  return [
    { type: 'TextBlock', text: `${plain(value.slice(0, max))}\u2026`, wrap: true },
    {
      type: 'TextBlock',
      text: `First ${count(max)} of ${count(value.length)} characters: open the research in the MARAC tab for the full text.`,
      isSubtle: true,
      wrap: true,
    },
  ];
}

const answer = (title: string, value: string | undefined, max?: number): Element[] => [
  { type: 'TextBlock', text: title, weight: 'Bolder', wrap: true },
  ...(value
    ? shown(value, max)
    : [{ type: 'TextBlock' as const, text: NOT_ANSWERED, wrap: true, isSubtle: true }]),
];

/**
 * What the agency answered, read-only, in the form's order, professional opinion set apart from
 * the facts as on the form. A per-user view only: the answers are about people.
 */
export function answerElements(view: ResearchCaseView, preview?: AnswerPreview): Element[] {
  if (view.status === 'nothing-known')
    return [{ type: 'TextBlock', text: 'Your agency has no record of this case.', wrap: true }];
  const a = view.answers;
  const text = (field: ResearchTextField) =>
    answer(RESEARCH_FIELD_WORDS[field], a[field], preview?.text);
  const flagged = a.recordsFlagged === undefined ? NOT_ANSWERED : a.recordsFlagged ? 'Yes' : 'No';
  return [
    {
      type: 'FactSet',
      facts: [
        { title: KNOWN_WORDS, value: a.knownToAgency ? KNOWN[a.knownToAgency] : NOT_ANSWERED },
        { title: FLAGGED_WORDS, value: flagged },
      ],
    },
    ...text('currentInvolvement'),
    ...text('historicalInvolvement'),
    {
      type: 'Container',
      style: 'emphasis',
      separator: true,
      items: answer('Professional opinion (not fact)', a.professionalOpinion, preview?.text),
    },
    ...text('risksIdentified'),
    ...view.subjects.children.flatMap((child, i) => [
      ...answer(
        `Child ${i + 1}, ${plain(child.name)}: ${CHILD_PART_WORDS.involvement}`,
        a.children?.[i]?.involvement,
        preview?.child,
      ),
      ...answer(
        `Child ${i + 1}, ${plain(child.name)}: ${CHILD_PART_WORDS.contactArrangements}`,
        a.children?.[i]?.contactArrangements,
        preview?.child,
      ),
    ]),
    ...text('informationRequested'),
    ...text('actionsOffered'),
    ...text('withheldInformation'),
    ...text('withheldReason'),
  ];
}
