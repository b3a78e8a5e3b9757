import { londonInstant, londonTimeOf, londonDateOf } from '../calendar/london-time.js';
import type { AreaRecord, MeetingRecord } from '../ports/store.js';
import { workingCalendarFor } from '../scheduling/area-calendar.js';
import { dateInWords } from '../shared/date-words.js';

/**
 * The area protocol has no research deadline (DOMAIN.md lists only "before the meeting"; the
 * agenda's circulation date is when research starts, not when it ends), so until an area sets
 * one, research closes at 17:00 London time on the working day before the meeting: the chair
 * and coordinator then have the responses before the meeting opens, and a bank holiday or
 * closure day just before the meeting moves the deadline earlier, never into the meeting.
 */
export const RESEARCH_DEADLINE_WORKING_DAYS_BEFORE = 1;
export const RESEARCH_DEADLINE_TIME = '17:00';

/** The instant after which an agency can no longer save, submit or change its research. */
export function researchDeadline(
  meeting: Pick<MeetingRecord, 'date'>,
  area: Pick<AreaRecord, 'protocol' | 'closures'>,
): Date {
  const day = workingCalendarFor(area).addWorkingDays(
    meeting.date,
    -RESEARCH_DEADLINE_WORKING_DAYS_BEFORE,
  );
  return londonInstant(day, RESEARCH_DEADLINE_TIME);
}

/** "17:00 on Monday 1 March 2027", for the messages people read. */
export function deadlineInWords(deadline: Date): string {
  return `${londonTimeOf(deadline)} on ${dateInWords(londonDateOf(deadline), 'long')}`;
}
