import { latinSkeleton, removeInvisible } from '#core/matching/confusables.js';
import { dateOfBirthPairs, nameParts, nameTokens } from '#core/matching/normalise.js';
import { nicknameCanonicals } from '#core/matching/nicknames.js';
import { phoneticCodes } from '#core/matching/phonetic.js';

describe('removeInvisible', () => {
  it.each([
    ['soft hyphen', 'Eliza\u00ADbeth'],
    ['zero-width space', 'Eliza\u200Bbeth'],
    ['zero-width non-joiner and joiner', 'Eli\u200Cza\u200Dbeth'],
    ['word joiner', 'Eliza\u2060beth'],
    ['left-to-right and right-to-left marks', '\u200EEliza\u200Fbeth'],
    ['bidi embedding and pop', '\u202AElizabeth\u202C'],
    ['bidi isolates', '\u2066Elizabeth\u2069'],
    ['byte order mark', '\uFEFFElizabeth'],
    ['combining grapheme joiner', 'Eliza\u034Fbeth'],
  ])('removes a %s', (_case, written) => {
    expect(removeInvisible(written)).toBe('Elizabeth');
    expect(nameTokens(written)).toEqual(['elizabeth']);
  });

  it('keeps spaces and hyphens, which do separate words', () => {
    expect(removeInvisible('Amelia Hart-Lowe')).toBe('Amelia Hart-Lowe');
  });
});

describe('latinSkeleton', () => {
  it.each([
    ['Cyrillic а, е, о, с, р', 'Маrsh Оkafоr Рeсk', 'Marsh Okafor Peck'],
    ['Cyrillic capitals А В Е К М Н Т Х', 'АВЕКМНТХ', 'ABEKMHTX'],
    ['Greek capitals Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ', 'ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ', 'ABEZHIKMNOPTYX'],
    ['Greek small ο and ν', 'Ζοe Evans', 'Zoe Evans'],
    ['Cyrillic і and ј', 'Јоаnnа Dаvіes', 'Joanna Davies'],
  ])('folds %s', (_case, written, plain) => {
    expect(latinSkeleton(written)).toBe(plain);
  });

  it('keeps letters that only look alike in the other case, and Latin text', () => {
    expect(latinSkeleton('н т п')).toBe('н т п'); // Cyrillic small en, te, pe: not h, t, n
    expect(latinSkeleton('Siobhán Ellery')).toBe('Siobhán Ellery');
  });

  it('makes a name with look-alike letters give the tokens of the Latin name', () => {
    expect(nameTokens('Еlizаbeth Μarsh')).toEqual(nameTokens('Elizabeth Marsh'));
    expect(nameTokens('ＥＬＩＺＡＢＥＴＨ')).toEqual(['elizabeth']); // fullwidth, by NFKD
  });
});

describe('nameParts', () => {
  it.each([
    ['Elizabeth Marsh', { forename: ['elizabeth'], surname: ['marsh'], middle: [] }],
    ['Elizabeth Anne Marsh', { forename: ['elizabeth'], surname: ['marsh'], middle: ['anne'] }],
    [
      'Amelia Hart-Lowe',
      { forename: ['amelia'], surname: ['hart', 'lowe', 'hartlowe'], middle: [] },
    ],
    ['Mrs Zoe', { forename: ['zoe'], surname: [], middle: [] }],
    ['', { forename: [], surname: [], middle: [] }],
  ])('%j', (name, parts) => {
    expect(nameParts(name)).toEqual(parts);
  });
});

describe('dateOfBirthPairs', () => {
  it('gives three pairs that a date with one wrong part still shares one of', () => {
    const real = dateOfBirthPairs('1990-04-03');
    expect(real).toEqual({ 'day-month': '04-03', 'day-year': '03/1990', 'month-year': '04.1990' });
    const share = (other: string) => {
      const pairs = Object.values(dateOfBirthPairs(other));
      return Object.values(real).filter((v) => pairs.includes(v)).length;
    };
    expect(share('1990-04-04')).toBe(1); // a day out
    expect(share('1990-05-03')).toBe(1); // a month typo
    expect(share('1991-04-03')).toBe(1); // a year typo
    expect(share('1991-05-04')).toBe(0);
  });
});

describe('nicknameCanonicals and phoneticCodes', () => {
  it.each([
    ['liz', ['elizabeth']],
    ['elizabeth', ['elizabeth']],
    ['bob', ['robert']],
    ['sam', ['samantha', 'samuel']],
    ['zelda', []],
  ])('%s stands for %j', (name, canonical) => {
    expect(nicknameCanonicals(name)).toEqual(canonical);
  });

  it.each([
    ['aisha', 'ayesha'],
    ['smith', 'smyth'],
    ['catherine', 'kathryn'],
    ['mohammed', 'muhammad'],
  ])('%s and %s share a Double Metaphone code', (a, b) => {
    expect(phoneticCodes(a).some((code) => phoneticCodes(b).includes(code))).toBe(true);
  });

  it('gives no code for an initial', () => {
    expect(phoneticCodes('j')).toEqual([]);
  });
});
