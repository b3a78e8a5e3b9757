import { DomainError } from './errors.js';
import type { LocalDate } from './local-date.js';
import { addMonths } from './local-date-months.js';

/**
 * Bounds on the dates people enter, so a slip of the keyboard (9999-12-31) is refused with words
 * instead of being stored and breaking every view that later computes deadlines from it.
 */
export const MEETING_MONTHS_AHEAD = 24;
export const EARLIEST_BIRTH_DATE: LocalDate = '1900-01-01';

const longDate = (date: LocalDate) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The latest date a meeting may be set for: two years from today. */
export const latestMeetingDate = (today: LocalDate) => addMonths(today, MEETING_MONTHS_AHEAD);

/** What to do about a meeting date too far ahead, or null when it is within two years. */
export function meetingDateProblem(date: LocalDate, today: LocalDate): string | null {
  const latest = latestMeetingDate(today);
  return date > latest
    ? `choose a date within two years from today, on or before ${longDate(latest)}`
    : null;
}

/**
 * Throws a validation error naming each meeting date (by its body path) that lies more than
 * two years ahead. For the routes and use cases where a coordinator types a meeting date.
 */
export function checkMeetingDates(
  dates: Readonly<Record<string, LocalDate | undefined>>,
  today: LocalDate,
): void {
  const details = Object.entries(dates).flatMap(([path, date]) => {
    const problem = date === undefined ? null : meetingDateProblem(date, today);
    return problem ? [{ path, message: problem }] : [];
  });
  if (details.length > 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'A meeting date is more than two years ahead. Choose a nearer date.',
      details,
    );
  }
}
