import {
  addDays,
  allWeekdays,
  compareDates,
  dayOfWeek,
  daysInMonth,
  localDate,
  parseLocalDate,
  type LocalDate,
  type Weekday,
} from '../shared/local-date.js';
import type { Cadence } from './protocol.js';

/**
 * The raw dates of a meeting pattern on or after `start`, for ever, before bank holidays are
 * considered: callers take what they need. Kept apart from bank-holiday handling so a series can
 * be shown as "every 2nd Tuesday" even when one occurrence moves.
 */
export function* patternDates(cadence: Cadence, start: LocalDate): Generator<LocalDate> {
  switch (cadence.kind) {
    case 'fortnightly':
      yield* fortnightly(cadence.weekday, start);
      return;
    case 'monthly':
      yield* monthly(start, (year, month) => nthWeekday(year, month, cadence.weekday, cadence.nth));
      return;
    case 'monthly-day':
      yield* monthly(start, (year, month) => localDate(year, month, cadence.dayOfMonth));
      return;
  }
}

function* fortnightly(weekday: Weekday, start: LocalDate): Generator<LocalDate> {
  const target = allWeekdays.indexOf(weekday);
  let date = addDays(start, (target - dayOfWeek(start) + 7) % 7);
  for (;;) {
    yield date;
    date = addDays(date, 14);
  }
}

/** One date a month from the month of `start`, leaving out that month's if it is before `start`. */
function* monthly(
  start: LocalDate,
  inMonth: (year: number, month: number) => LocalDate,
): Generator<LocalDate> {
  let { year, month } = parseLocalDate(start);
  for (;;) {
    const date = inMonth(year, month);
    if (compareDates(date, start) >= 0) yield date;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** The 1st to 4th, or last, given weekday of a month. */
export function nthWeekday(
  year: number,
  month: number,
  weekday: Weekday,
  nth: 1 | 2 | 3 | 4 | 'last',
): LocalDate {
  const target = allWeekdays.indexOf(weekday);
  if (nth === 'last') {
    const lastDay = daysInMonth(year, month);
    const back = (dayOfWeek(localDate(year, month, lastDay)) - target + 7) % 7;
    return localDate(year, month, lastDay - back);
  }
  const first = (target - dayOfWeek(localDate(year, month, 1)) + 7) % 7;
  return localDate(year, month, 1 + first + 7 * (nth - 1));
}
