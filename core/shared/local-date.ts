/**
 * A calendar date with no time or zone, `YYYY-MM-DD`. MARAC rules speak in dates ("8 days before
 * the meeting"), so they are computed on dates and only turned into instants at the edge.
 */
export type LocalDate = string;

export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
export type Weekday = (typeof weekdays)[number];
export const allWeekdays = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type AnyWeekday = (typeof allWeekdays)[number];

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`, rejecting impossible dates such as 2026-02-30. */
export function parseLocalDate(text: string): { year: number; month: number; day: number } {
  const match = DATE.exec(text);
  if (!match) throw new RangeError(`"${text}" is not a date in the form YYYY-MM-DD`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    throw new RangeError(`"${text}" is not a real calendar date`);
  }
  return { year, month, day };
}

export function isLocalDate(text: string): boolean {
  try {
    parseLocalDate(text);
    return true;
  } catch {
    return false;
  }
}

export function localDate(year: number, month: number, day: number): LocalDate {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const { year, month, day } = parseLocalDate(date);
  return localDate(year, month, day + days);
}

/** 0 = Sunday ... 6 = Saturday, as `Date.getUTCDay`. */
export function dayOfWeek(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function weekdayName(date: LocalDate): AnyWeekday {
  return allWeekdays[dayOfWeek(date)]!;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
