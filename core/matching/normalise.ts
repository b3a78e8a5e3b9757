import { isLocalDate, type LocalDate } from '../shared/local-date.js';
import { latinSkeleton, removeInvisible } from './confusables.js';

/**
 * Normal forms of names, dates of birth and postcodes for the duplicate and repeat checks of
 * referrals. Agencies type the same person differently (accents, case, a hyphen or a space in a
 * surname, day and month swapped, a postcode with or without its space), so each function gives
 * every form a match may hinge on, and the blind index hashes each of them.
 */

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr']);

// Letters NFKD does not decompose into a base letter and a mark.
const FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/*
 * Invisible characters go first (a soft hyphen inside "Eliza\u00ADbeth" must not split it), then
 * NFKD (which also turns fullwidth and mathematical letters into plain ones), then look-alike
 * letters of other scripts fold to Latin (before lower-casing: see confusables.ts).
 */
function foldName(name: string): string {
  return latinSkeleton(removeInvisible(name).normalize('NFKD'))
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => FOLDS[letter] ?? letter)
    .replace(/['’‘`ʼ]/g, '') // an apostrophe joins: O'Brien and OBrien are one name
    .replace(/[‐‑‒–—]/g, '-') // every dash counts as a hyphen
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ') // other punctuation separates
    .replace(/\s*-\s*/g, '-'); // "Hart - Lowe" is "Hart-Lowe"
}

/**
 * The words of a name, lower case and without accents, punctuation or titles. A hyphenated part
 * gives each half and the halves joined, so "Amelia Hart-Lowe" shares a word with "Amelia Hart",
 * "Amelia Lowe", "Amelia Hart Lowe" and "Amelia Hartlowe".
 */
export function nameTokens(name: string): string[] {
  return [...new Set(nameWords(name).flat())];
}

/** Each word of a name as its tokens (a hyphenated word: both halves and the halves joined). */
function nameWords(name: string): string[][] {
  const words: string[][] = [];
  for (const word of foldName(name).split(/\s+/)) {
    const parts = word.split('-').filter((part) => part.length > 0);
    if (parts.length === 0 || (parts.length === 1 && TITLES.has(parts[0]!))) continue;
    words.push(parts.length > 1 ? [...parts, parts.join('')] : parts);
  }
  return words;
}

export interface NameParts {
  /** The tokens of the first word. */
  forename: string[];
  /** The tokens of the last word, when the name has two words or more. */
  surname: string[];
  /** The tokens of the words between. */
  middle: string[];
}

/**
 * A name's tokens by the part of the name they come from, as written: which word is the surname
 * is not known for sure (a name may be written surname first), so matching compares each part
 * with every word of the other name, not with the same part.
 */
export function nameParts(name: string): NameParts {
  const words = nameWords(name);
  return {
    forename: words[0] ?? [],
    surname: words.length > 1 ? words.at(-1)! : [],
    middle: words.slice(1, -1).flat(),
  };
}

export interface NormalisedDateOfBirth {
  /** `YYYY-MM-DD` */
  date: LocalDate;
  /** The date with day and month swapped, when that is a real, different date; else null. */
  transposed: LocalDate | null;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * A date of birth as `YYYY-MM-DD` (from ISO or the British day-first form, e.g. 03/04/1990), with
 * its day/month-transposed twin, since a US-style entry swaps them. Null when absent or not a
 * real date. Two-digit years are refused: the century would be a guess.
 */
export function normaliseDateOfBirth(dob: string | null | undefined): NormalisedDateOfBirth | null {
  const text = dob?.trim() ?? '';
  const iso = ISO.exec(text);
  const dayFirst = DAY_FIRST.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dayFirst
      ? [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])]
      : [0, 0, 0];
  const date = realDate(year, month, day);
  if (!date) return null;
  const swapped = day === month ? null : realDate(year, day, month);
  return { date, transposed: swapped };
}

function realDate(year: number, month: number, day: number): LocalDate | null {
  const pad = (n: number) => String(n).padStart(2, '0');
  // isLocalDate refuses 31 February, which Date (and so localDate) would roll into March.
  const date = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  return year >= 1000 && isLocalDate(date) ? date : null;
}

export type DateOfBirthPair = 'day-month' | 'day-year' | 'month-year';

/**
 * The three pairs of a date's parts: two dates that differ in one part (a day off by one, a
 * mistyped month or year) still share one pair. Values are `MM-DD`, `DD/YYYY` and `MM.YYYY`, so
 * no pair can equal another.
 */
export function dateOfBirthPairs(date: LocalDate): Record<DateOfBirthPair, string> {
  const [year, month, day] = date.split('-');
  return {
    'day-month': `${month}-${day}`,
    'day-year': `${day}/${year}`,
    'month-year': `${month}.${year}`,
  };
}

export interface NormalisedPostcode {
  /** Upper case, no spaces: `SW1A1AA` */
  postcode: string;
  /** The part before the space: `SW1A`. Shared by neighbours, so it only strengthens a match. */
  outward: string;
}

// Area (1-2 letters), district (a digit, then a digit or letter), inward code (digit, 2 letters).
const UK_POSTCODE = /^(?:[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}|GIR0AA)$/;

/** A UK postcode in canonical form, or null when absent or not shaped like one. */
export function normalisePostcode(pc: string | null | undefined): NormalisedPostcode | null {
  const postcode = (pc ?? '').toUpperCase().replace(/\s+/g, '');
  if (!UK_POSTCODE.test(postcode)) return null;
  return { postcode, outward: postcode.slice(0, -3) };
}
