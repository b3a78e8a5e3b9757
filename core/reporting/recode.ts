import {
  ETHNIC_GROUPS,
  SEXUAL_ORIENTATIONS,
  type Category,
  type EthnicGroup,
  type SexualOrientation,
} from '../contracts/equality.js';

/**
 * What a stored ethnicity or sexuality is as a category of the return: the category it names
 * exactly, or `not-recoded` when it names none. The referral form has taken both as free text so
 * far; this never guesses from such text ("Indian", "mixed race", "straight", "BME" are all left
 * for the coordinator to recode), because a guessed ethnicity in a published return is a wrong
 * fact about a person, and a count the coordinator can fix is better than one nobody can check.
 */
export type Recoded<Id extends string> = { kind: 'category'; id: Id } | { kind: 'not-recoded' };

/**
 * Case, spacing and punctuation do not change a category's words ("White: Irish", "white -
 * irish", "WHITE IRISH" are one), so they are set aside before comparing; nothing else is.
 */
function plain(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function lookup<Id extends string>(categories: readonly Category<Id>[]): Map<string, Id> {
  const found = new Map<string, Id>();
  for (const c of categories) {
    for (const words of [c.id, c.label, ...c.also]) found.set(plain(words), c.id);
  }
  return found;
}

const ethnicWords = lookup<EthnicGroup>(ETHNIC_GROUPS);
const orientationWords = lookup<SexualOrientation>(SEXUAL_ORIENTATIONS);

function recode<Id extends string>(
  words: Map<string, Id>,
  stored: string | null | undefined,
  notKnown: Id,
): Recoded<Id> {
  const key = plain(stored ?? '');
  // Nothing was recorded: that is "not known", not free text waiting to be recoded.
  if (key === '') return { kind: 'category', id: notKnown };
  const id = words.get(key);
  return id === undefined ? { kind: 'not-recoded' } : { kind: 'category', id };
}

/** The ethnic group a stored value names exactly (a category id or its census words). */
export function ethnicGroupOf(stored: string | null | undefined): Recoded<EthnicGroup> {
  return recode(ethnicWords, stored, 'not-known');
}

/** The sexual orientation a stored value names exactly (a category id or its words). */
export function sexualOrientationOf(stored: string | null | undefined): Recoded<SexualOrientation> {
  return recode(orientationWords, stored, 'not-known');
}

/**
 * Black, Asian and minority ethnic, as the return counts it: every group but the three White
 * groups whose members are the majority or a nationality (British, Irish, any other White
 * background). Gypsy or Irish Traveller and Roma are counted: they are minority ethnic groups
 * in law and in the census, and SafeLives' guidance on minority ethnic victims covers them.
 */
const NOT_BAME: ReadonlySet<EthnicGroup> = new Set(['white-british', 'white-irish', 'white-other']);
const UNKNOWN: ReadonlySet<string> = new Set(['not-known', 'prefers-not-to-say']);

export function isBame(group: EthnicGroup): boolean | null {
  if (UNKNOWN.has(group)) return null;
  return !NOT_BAME.has(group);
}

/** Lesbian, gay, bisexual or another minority orientation; null when not known or not said. */
export function isLgbOrientation(orientation: SexualOrientation): boolean | null {
  if (UNKNOWN.has(orientation)) return null;
  return orientation !== 'heterosexual';
}
