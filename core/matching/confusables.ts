/**
 * Letters of other scripts that look like Latin letters, folded to the Latin letter they imitate:
 * the part of the Unicode confusables data (UTS #39, confusables.txt) that matters for names
 * typed or pasted into a referral. A name written with a Cyrillic "а" or a Greek "Ο" (by a
 * keyboard layout, a copied document or on purpose) then gives the same blind index terms as the
 * Latin name. The table is small and written out rather than taken from a package: the npm
 * packages that fold confusables also fold digits and symbols into letters (0 to o, $ to s),
 * which would make different names meet.
 *
 * Case matters: Cyrillic "Н" looks like "H" but "н" does not look like "h", so the skeleton is
 * taken before the name is lower-cased.
 */
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic capitals
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  Ү: 'Y',
  Ѕ: 'S',
  І: 'I',
  Ј: 'J',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ӏ: 'I',
  Ɡ: 'G',
  // Cyrillic small letters
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  ү: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ј: 'j',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  ԁ: 'd',
  ѵ: 'v',
  ɡ: 'g',
  // Greek capitals
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  Ϲ: 'C',
  Ϳ: 'J',
  // Greek small letters
  ο: 'o',
  ν: 'v',
  α: 'a',
  ι: 'i',
  ρ: 'p',
  γ: 'y',
  ϲ: 'c',
  ϳ: 'j',
};

const PATTERN = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu');

/** The text with every look-alike of a Latin letter replaced by that letter (case kept). */
export function latinSkeleton(text: string): string {
  return text.replace(PATTERN, (letter) => LOOK_ALIKES[letter] ?? letter);
}

/**
 * Characters nobody sees but that change a name's bytes: the soft hyphen, zero-width spaces and
 * joiners, bidirectional marks and isolates, the byte order mark (all of Unicode's "format"
 * category), the combining grapheme joiner and the Hangul fillers.
 */
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0]/gu;

/** The text without invisible characters. */
export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}
