import { localDate, type LocalDate } from '../shared/local-date.js';

/** A calendar quarter as SafeLives collects the return: `2027-Q1` is January to March 2027. */
export type QuarterName = `${number}-Q${1 | 2 | 3 | 4}`;

export interface Quarter {
  name: QuarterName;
  /** The first and last London dates of the quarter, inclusive. */
  from: LocalDate;
  to: LocalDate;
}

export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;
export const QUARTER_WORDS =
  'a quarter such as 2027-Q1 (Q1 is January to March, Q4 October to December)';

/** The quarter a name such as `2027-Q1` stands for, or null when it stands for none. */
export function parseQuarter(name: string): Quarter | null {
  const match = QUARTER_PATTERN.exec(name);
  if (!match) return null;
  const year = Number(match[1]);
  const q = Number(match[2]);
  if (year < 2000) return null;
  const firstMonth = (q - 1) * 3 + 1;
  return {
    name: name as QuarterName,
    from: localDate(year, firstMonth, 1),
    // Day 0 of the month after the quarter is its last day.
    to: localDate(year, firstMonth + 3, 0),
  };
}

/**
 * Whether a meeting falls in the quarter, by its date on London clocks (the date the area met).
 * Never by its UTC instant: a meeting at 00:30 on 1 April in British Summer Time starts at 23:30
 * UTC on 31 March, and belongs to the second quarter all the same.
 */
export function inQuarter(quarter: Quarter, londonDate: LocalDate): boolean {
  return londonDate >= quarter.from && londonDate <= quarter.to;
}
