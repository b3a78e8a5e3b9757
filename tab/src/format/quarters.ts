import { londonToday } from './dates.js';

/*
 * Calendar quarters as the SafeLives return is made (`2027-Q1` is January to March 2027), by the
 * London date: the tab's picker and its default, the last quarter that has ended.
 */

const MONTHS = ['January', 'April', 'July', 'October'];
const LAST_MONTHS = ['March', 'June', 'September', 'December'];

function parts(name: string): { year: number; q: number } {
  const [year, q] = name.split('-Q').map(Number);
  return { year: year!, q: q! };
}

const named = (year: number, q: number) => `${year}-Q${q}`;

/** The quarter `steps` after (or, negative, before) the one named. */
export function shiftQuarter(name: string, steps: number): string {
  const { year, q } = parts(name);
  const index = year * 4 + (q - 1) + steps;
  return named(Math.floor(index / 4), (index % 4) + 1);
}

/** The quarter a London date (YYYY-MM-DD) falls in. */
export function quarterOf(date: string): string {
  const [year, month] = date.split('-').map(Number);
  return named(year!, Math.floor((month! - 1) / 3) + 1);
}

/** The last quarter that has ended, on London's date today. */
export function lastCompleteQuarter(now: Date = new Date()): string {
  return shiftQuarter(quarterOf(londonToday(now)), -1);
}

/** `2027-Q1: January to March 2027`. */
export function quarterInWords(name: string): string {
  const { year, q } = parts(name);
  return `${name}: ${MONTHS[q - 1]} to ${LAST_MONTHS[q - 1]} ${year}`;
}

/**
 * The quarters to offer, newest first: from the current quarter (the return of a quarter under
 * way is a preview) back three years, and the one shown wherever it falls.
 */
export function quarterChoices(shown: string, now: Date = new Date()): string[] {
  const current = quarterOf(londonToday(now));
  const choices = Array.from({ length: 13 }, (_, i) => shiftQuarter(current, -i));
  if (!choices.includes(shown)) choices.push(shown);
  // `YYYY-Qn` sorts as the quarters run.
  return choices.sort().reverse();
}
