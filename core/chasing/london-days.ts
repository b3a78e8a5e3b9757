import { londonDateOf } from '../calendar/london-time.js';
import { parseLocalDate, type LocalDate } from '../shared/local-date.js';

const DAY = 86_400_000;

const dayNumber = (date: LocalDate) => {
  const { year, month, day } = parseLocalDate(date);
  return Date.UTC(year, month - 1, day) / DAY;
};

/**
 * Whole London calendar days from the day of `from` to the day of `to`: an action due at 23:00
 * on Monday is 1 day overdue at 00:30 on Tuesday, in GMT or BST alike (a day of 23 or 25 hours
 * still counts one).
 */
export function londonDaysBetween(from: Date, to: Date): number {
  return dayNumber(londonDateOf(to)) - dayNumber(londonDateOf(from));
}
