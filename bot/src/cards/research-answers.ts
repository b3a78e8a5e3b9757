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

const answer = (title: string, value: string | undefined): Element[] => [
  { type: 'TextBlock', text: title, weight: 'Bolder', wrap: true },
  { type: 'TextBlock', text: value ? plain(value) : NOT_ANSWERED, wrap: true, isSubtle: !value },
];

/**
 * What the agency answered, read-only, in the form's order, professional opinion set apart from
 * the facts as on the form. A per-user view only: the answers are about people.
 */
export function answerElements(view: ResearchCaseView): Element[] {
  if (view.status === 'nothing-known')
    return [{ type: 'TextBlock', text: 'Your agency has no record of this case.', wrap: true }];
  const a = view.answers;
  const text = (field: ResearchTextField) => answer(RESEARCH_FIELD_WORDS[field], a[field]);
  const flagged =
    a.flaggedAsMaracCase === undefined ? NOT_ANSWERED : a.flaggedAsMaracCase ? 'Yes' : 'No';
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
      items: answer('Professional opinion (not fact)', a.professionalOpinion),
    },
    ...text('risksIdentified'),
    ...view.subjects.children.flatMap((child, i) => [
      ...answer(
        `Child ${i + 1}, ${plain(child.name)}: ${CHILD_PART_WORDS.involvement}`,
        a.children?.[i]?.involvement,
      ),
      ...answer(
        `Child ${i + 1}, ${plain(child.name)}: ${CHILD_PART_WORDS.contactArrangements}`,
        a.children?.[i]?.contactArrangements,
      ),
    ]),
    ...text('informationRequested'),
    ...text('actionsOffered'),
    ...text('informationNotShared'),
    ...text('reasonNotShared'),
  ];
}
