import type {
  ResearchCaseView,
  ResearchPromptView,
  ResearchSubjects,
} from '../../../bot/src/cards/research-types.js';
import {
  RESEARCH_CARD_LIMITS,
  RESEARCH_TEXT_FIELDS,
} from '../../../bot/src/cards/research-types.js';

/*
 * Invented people and research at the largest the cards are measured at. Every name, date of birth
 * and address here is made up; the tests look for each of them in cards that must not hold them.
 */

export const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const max = (n: number, start = 'W') => start + 'W'.repeat(n - start.length);

/** The contract's limits: every answer at its longest (see the size tests). */
export const LIMITS = RESEARCH_CARD_LIMITS;
export const MAX_CHILDREN = 12;
export const MAX_PERPETRATORS = 3;

const NAME = 120;
export const subjects: ResearchSubjects = {
  victim: {
    name: max(NAME, 'Marigold Siân Pennyworth-Ashdown '),
    dateOfBirth: '1991-07-14',
    address: max(200, '17 Lantern Row, Wellfield NB4 7QX '),
  },
  perpetrators: Array.from({ length: MAX_PERPETRATORS }, (_, i) => ({
    name: max(NAME, `Rufus Quillfeather${i} `),
    dateOfBirth: '1988-02-29',
  })),
  children: Array.from({ length: MAX_CHILDREN }, (_, i) => ({
    name: max(NAME, `Tamsin Quillfeather${i} `),
    dateOfBirth: `2015-0${1 + (i % 9)}-2${i % 9}`,
  })),
};

/** What must never be in a card the chat keeps: the people, and anything typed about them. */
export const secrets: string[] = [
  'Marigold',
  'Pennyworth',
  'Quillfeather',
  'Tamsin',
  'Lantern Row',
  'NB4 7QX',
  '1991-07-14',
  '14 July 1991',
  '1988-02-29',
  '29 February 1988',
  'TYPED-',
];

const typed = (field: string, n: number) => max(n, `TYPED-${field} `);

/** Every answer at `share` of its limit (1 is the contract's limit itself). */
export const answersAt = (share: number) => ({
  knownToAgency: 'yes' as const,
  recordsFlagged: true,
  ...Object.fromEntries(
    RESEARCH_TEXT_FIELDS.map((f) => [f, typed(f, Math.floor(LIMITS[f] * share))]),
  ),
  children: subjects.children.map((_, i) => ({
    involvement: typed(`child${i}`, Math.floor(LIMITS.childInvolvement * share)),
    contactArrangements: typed(`contact${i}`, Math.floor(LIMITS.childContact * share)),
  })),
});
export const fullAnswers = answersAt(1);
/** What one card can show whole: a form with every answer at a fifth of its limit. */
export const fifthAnswers = answersAt(0.2);

/** Teams user ids (MRIs) of the agency's reps: the most a refresh may name. */
export const reps = Array.from({ length: 60 }, (_, i) => `29:1${'x'.repeat(80)}${i}`);

export const caseView = (over: Partial<ResearchCaseView> = {}): ResearchCaseView => ({
  ids: { meetingId: id(1), agencyId: id(2), caseId: id(3) },
  caseReference: 'NBWXYZAB-2026-9999',
  meetingDate: '2026-12-15',
  dueAt: new Date('2026-12-10T17:00:00Z'),
  status: 'draft',
  answers: fullAnswers,
  subjects,
  lastChange: { by: max(120, 'Dana Whitcombe '), at: new Date('2026-12-01T14:15:00Z') },
  viewerId: reps[0]!,
  op: id(9),
  ...over,
});

export const promptView = (cases: number): ResearchPromptView => ({
  meetingId: id(1),
  agencyId: id(2),
  meetingDate: '2026-12-15',
  dueAt: new Date('2026-12-10T17:00:00Z'),
  cases: Array.from({ length: cases }, (_, i) => ({
    caseId: id(100 + i),
    reference: `NBWXYZAB-2026-${String(1000 + i)}`,
    status: (['due', 'draft', 'submitted', 'nothing-known'] as const)[i % 4]!,
  })),
  refreshUserIds: reps,
  op: id(9),
});
