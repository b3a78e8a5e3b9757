import { daysInMonth, localDate, parseLocalDate, type LocalDate } from './local-date.js';

/**
 * Calendar-month arithmetic on local dates, for rules that speak in months ("a repeat within 12
 * months", "a checklist more than 3 months old") and in years of age.
 */

/**
 * The same day of the month `months` later (or earlier, when negative). A day the target month
 * lacks is clamped to its last day: 31 January + 1 month is 28 (or 29) February, and 29 February
 * 2024 + 12 months is 28 February 2025. Clamping keeps the window ending inside the month it
 * names, so "12 months after 29 February" never spills into March.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  if (!Number.isInteger(months))
    throw new RangeError(`months must be a whole number, not ${months}`);
  const { year, month, day } = parseLocalDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return localDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/**
 * Age in whole years on `today`. Someone born on 29 February turns a year older on 1 March in a
 * common year (the birthday has not "happened" on 28 February), which is the reading that never
 * treats a child as older than they are: the 16+ check for MARAC errs towards children's
 * safeguarding, not away from it.
 */
export function ageOn(dateOfBirth: LocalDate, today: LocalDate): number {
  const born = parseLocalDate(dateOfBirth);
  const now = parseLocalDate(today);
  const hadBirthday = now.month > born.month || (now.month === born.month && now.day >= born.day);
  return now.year - born.year - (hadBirthday ? 0 : 1);
}
