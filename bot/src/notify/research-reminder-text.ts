import { deadlineInWords } from '#core/research/research-deadline.js';
import { dateInWords } from '#core/shared/date-words.js';
import type { LocalDate } from '#core/shared/local-date.js';

/*
 * The words of research reminders. A Teams message shows on lock screens and in notifications,
 * so these name the area, the meeting's date, the deadline and counts: never a person or a case.
 */

export interface ReminderFacts {
  areaName: string;
  meetingDate: LocalDate;
  deadline: Date;
}

const cases = (n: number) => `${n} case${n === 1 ? '' : 's'}`;
const meetingWords = (f: ReminderFacts) =>
  `the ${f.areaName} MARAC on ${dateInWords(f.meetingDate, 'long')}`;

/** To one rep: how many of the meeting's cases their agency has still to answer. */
export function researchReminderText(
  facts: ReminderFacts & { outstanding: number; cases: number; chased: boolean },
): string {
  const from = facts.chased ? ' from the MARAC coordinator' : '';
  return (
    `MARAC research reminder${from}: your agency has ${facts.outstanding} of ${cases(facts.cases)} ` +
    `still to answer for ${meetingWords(facts)}. Research is due by ${deadlineInWords(facts.deadline)}. ` +
    'Open the MARAC chat or tab to answer.'
  );
}

/** To the coordinators: which agencies have research missing, by name and count only. */
export function researchMissingText(
  facts: ReminderFacts & { cases: number; missing: { name: string; outstanding: number }[] },
): string {
  const n = facts.missing.length;
  const list = facts.missing.map((a) => `${a.name}: ${a.outstanding} of ${facts.cases}`);
  return (
    `MARAC research still missing for ${meetingWords(facts)} (due by ${deadlineInWords(facts.deadline)}): ` +
    `${n} ${n === 1 ? 'agency has' : 'agencies have'} cases to answer. ${list.join('; ')}. ` +
    'Their reps have been reminded in Teams, except any who have never opened a chat with the MARAC bot. Open the meeting\u2019s research in the MARAC app to chase an agency.'
  );
}
