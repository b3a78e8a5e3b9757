import { dateInWords } from '#core/shared/date-words.js';
import { button, plain } from './card-parts.js';
import type { Element, ExecuteAction, Refresh } from './card-types.js';
import type {
  ResearchIds,
  ResearchPerson,
  ResearchSubjects,
  ResearchTimes,
} from './research-types.js';
import { londonMomentInWords } from './research-words.js';
import type { ResearchCardData, ResearchVerb } from './verbs.js';

/** Teams gives a per-user view to at most 60 people per card; more would be ignored silently. */
export const MAX_REFRESH_USERS = 60;

/** The card data of one case's buttons: its ids, the step, and the operation id. */
export const caseData = (
  ids: ResearchIds,
  step: ResearchCardData['step'],
  op?: string,
): ResearchCardData => ({
  ...(op ? { op } : {}),
  meetingId: ids.meetingId,
  agencyId: ids.agencyId,
  caseId: ids.caseId,
  ...(step ? { step } : {}),
});

/**
 * A research button: `Action.Execute`, with an `Action.Submit` fallback for Teams clients older
 * than Universal Actions. The fallback has no verb of its own, so its data names it.
 */
export function researchButton(
  title: string,
  verb: ResearchVerb,
  data: ResearchCardData,
  options: { inputs?: boolean; positive?: boolean } = {},
): ExecuteAction {
  const execute = button(title, verb, data, options);
  return {
    ...execute,
    fallback: {
      type: 'Action.Submit',
      title,
      data: { ...data, verb },
      associatedInputs: execute.associatedInputs ?? 'none',
      ...(execute.style ? { style: execute.style } : {}),
    },
  };
}

/**
 * The per-user view: the agency's reps see what `verb` answers for them. The refresh only reads,
 * so it carries no operation id. More than 60 reps is a fault of the caller, not cut here.
 */
export function researchRefresh(
  verb: ResearchVerb,
  data: ResearchCardData,
  userIds: readonly string[],
): Refresh {
  if (userIds.length > MAX_REFRESH_USERS)
    throw new RangeError(`refresh names ${userIds.length} people; Teams allows 60`);
  const { op: _op, ...withoutOp } = data;
  return { action: button('Refresh', verb, withoutOp), userIds: [...userIds] };
}

/**
 * What the server just did ("Draft saved"), in words, above the card's questions: green for a
 * success, plain when the card also lists problems ("Nothing was saved." is not good news).
 */
export const noticeBlock = (
  notice: string | undefined,
  errors: readonly unknown[] = [],
): Element[] =>
  notice
    ? [
        {
          type: 'TextBlock',
          text: notice,
          color: errors.length > 0 ? 'Default' : 'Good',
          weight: 'Bolder',
          wrap: true,
        },
      ]
    : [];

/** The meeting and the deadline, as the first facts of every research card. */
export const timeFacts = (times: ResearchTimes) => [
  { title: 'Meeting', value: dateInWords(times.meetingDate, 'long') },
  { title: 'Research due', value: `by ${londonMomentInWords(times.dueAt)} (UK time)` },
];

const person = (p: ResearchPerson) =>
  p.dateOfBirth ? `${plain(p.name)}, born ${dateInWords(p.dateOfBirth, 'long')}` : plain(p.name);

/** Who the case is about: only ever in a per-user view. */
export function subjectFacts(subjects: ResearchSubjects): Element {
  return {
    type: 'FactSet',
    facts: [
      { title: 'Victim', value: person(subjects.victim) },
      ...(subjects.victim.address
        ? [{ title: 'Victim’s address', value: plain(subjects.victim.address) }]
        : []),
      ...subjects.perpetrators.map((p) => ({ title: 'Perpetrator', value: person(p) })),
      ...subjects.children.map((c, i) => ({ title: `Child ${i + 1}`, value: person(c) })),
    ],
  };
}
