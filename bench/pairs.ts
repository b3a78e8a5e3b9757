import { doubleMetaphone } from 'double-metaphone';
import type { VictimIdentity } from '../bot/src/matching/victim-terms.js';
import { firstName, GIVEN, isoDay, pick, randomPostcode, surname } from './synthetic.js';

/**
 * Labelled pairs for the duplicate check's quality: a seeded victim, and the same victim as
 * another agency might write them (label `same`), or someone who only looks like them (label
 * `stranger`). Every person is invented: given names are common UK names, surnames are made of
 * invented syllables, postcodes are only postcode-shaped.
 */
export const SAME_KINDS = [
  'nickname',
  'surname-typo',
  'spelling',
  'dob-day',
  'dob-month',
  'transposed',
  'look-alike',
  'soft-hyphen',
  'other-order',
  'middle-name',
  'married',
  'refuge',
  'refuge-nickname',
  'refuge-dob-day',
  'shouted',
  'no-postcode',
] as const;
export const STRANGER_KINDS = [
  'same-first-and-dob',
  'sister',
  'namesake',
  'mother-daughter',
] as const;
export type PairKind = (typeof SAME_KINDS)[number] | (typeof STRANGER_KINDS)[number];

type Vary = (v: VictimIdentity, r: () => number) => VictimIdentity | null;

const NICKNAMES: Record<string, string[]> = {
  Elizabeth: ['Liz', 'Beth', 'Lizzie', 'Betty'],
  Margaret: ['Maggie', 'Peggy'],
  Catherine: ['Kate', 'Cathy'],
  Rebecca: ['Becky'],
  Jennifer: ['Jenny', 'Jen'],
  Victoria: ['Vicky', 'Tori'],
  Samantha: ['Sam'],
  Susan: ['Sue'],
  Deborah: ['Debbie'],
  Patricia: ['Trish', 'Pat'],
  Christine: ['Chris', 'Tina'],
  Charlotte: ['Lottie', 'Charlie'],
  Abigail: ['Abby'],
  Amanda: ['Mandy'],
  Jacqueline: ['Jackie'],
  Josephine: ['Josie', 'Jo'],
  Jessica: ['Jess'],
  Amelia: ['Amy', 'Millie'],
  Robert: ['Bob', 'Rob'],
  William: ['Bill', 'Will'],
  Richard: ['Rick'],
  James: ['Jim', 'Jamie'],
  Michael: ['Mike'],
  Thomas: ['Tom'],
};
const SPELLINGS: Record<string, string> = {
  Aisha: 'Ayesha',
  Catherine: 'Kathryn',
  Sarah: 'Sara',
  Leanne: 'Lianne',
  Gemma: 'Jemma',
  Stephanie: 'Stefanie',
  Rachel: 'Rachael',
  Hayley: 'Haley',
  Kirsty: 'Kirstie',
  Natalie: 'Nathalie',
  Zoe: 'Zoey',
  Mohammed: 'Muhammad',
  Rebecca: 'Rebekah',
  Jacqueline: 'Jaqueline',
};
// Cyrillic and Greek letters that look like Latin ones.
const LOOK_ALIKE: Record<string, string> = {
  a: 'а',
  e: 'е',
  o: 'о',
  c: 'с',
  p: 'р',
  A: 'Α',
  E: 'Е',
  M: 'Μ',
  T: 'Т',
  H: 'Н',
};

const split = (v: VictimIdentity) => {
  const [first, ...rest] = v.name.split(' ');
  return { first: first!, last: rest.join(' ') };
};
const withName = (v: VictimIdentity, name: string): VictimIdentity => ({ ...v, name });
const shiftDays = (date: string, days: number) => isoDay(Date.parse(date) / 86_400_000 + days);
const movedTo = (v: VictimIdentity, r: () => number): VictimIdentity => ({
  ...v,
  address: { postcode: randomPostcode(r) },
});

function typo(word: string, r: () => number): string {
  const at = 1 + Math.floor(r() * (word.length - 1)); // not the first letter
  const letter = 'abdeghiklmnorstuy'[Math.floor(r() * 17)]!;
  const roll = r();
  if (roll < 0.4) return word.slice(0, at) + letter + word.slice(at + 1); // one letter wrong
  if (roll < 0.7) return word.slice(0, at) + word.slice(at + 1); // one letter left out
  return word.slice(0, at) + word[at - 1] + word.slice(at); // one letter doubled
}

function nickname(v: VictimIdentity, r: () => number): VictimIdentity | null {
  const { first, last } = split(v);
  const forms = NICKNAMES[first];
  return forms ? withName(v, `${pick(forms, r())} ${last}`) : null;
}

function dobDay(v: VictimIdentity, r: () => number): VictimIdentity | null {
  return v.dateOfBirth ? { ...v, dateOfBirth: shiftDays(v.dateOfBirth, r() < 0.5 ? -1 : 1) } : null;
}

export const VARY: Record<PairKind, Vary> = {
  nickname,
  'surname-typo': (v, r) => {
    const { first, last } = split(v);
    return withName(v, `${first} ${typo(last.split('-')[0]!, r)}`);
  },
  spelling: (v) => {
    const { first, last } = split(v);
    return SPELLINGS[first] ? withName(v, `${SPELLINGS[first]} ${last}`) : null;
  },
  'dob-day': dobDay,
  'dob-month': (v, r) => {
    if (!v.dateOfBirth) return null;
    const [y, m, d] = v.dateOfBirth.split('-').map(Number) as [number, number, number];
    if (d > 28) return null;
    const month = ((m - 1 + 1 + Math.floor(r() * 11)) % 12) + 1;
    return {
      ...v,
      dateOfBirth: `${y}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    };
  },
  transposed: (v) => {
    const d = v.dateOfBirth;
    if (!d || Number(d.slice(8)) > 12 || d.slice(8) === d.slice(5, 7)) return null;
    return { ...v, dateOfBirth: `${d.slice(0, 4)}-${d.slice(8, 10)}-${d.slice(5, 7)}` };
  },
  'look-alike': (v) => {
    let swapped = 0;
    const name = [...v.name]
      .map((c) => (LOOK_ALIKE[c] && swapped++ < 2 ? LOOK_ALIKE[c] : c))
      .join('');
    return swapped > 0 ? withName(v, name) : null;
  },
  'soft-hyphen': (v) => {
    const { first, last } = split(v);
    const at = Math.ceil(last.length / 2);
    return withName(v, `${first} ${last.slice(0, at)}\u00AD${last.slice(at)}`);
  },
  'other-order': (v) => {
    const { first, last } = split(v);
    return withName(v, `${last} ${first}`);
  },
  'middle-name': (v, r) => {
    const { first, last } = split(v);
    return withName(v, `${first} ${pick(GIVEN, r())} ${last}`);
  },
  married: (v, r) => ({ ...withName(v, `${split(v).first} ${surname(r)}`), otherNames: [] }),
  refuge: (v, r) => movedTo(v, r),
  'refuge-nickname': (v, r) => {
    const n = nickname(v, r);
    return n && movedTo(n, r);
  },
  'refuge-dob-day': (v, r) => {
    const n = dobDay(v, r);
    return n && movedTo(n, r);
  },
  shouted: (v) => ({
    ...withName(v, v.name.toUpperCase().replace('-', ' ')),
    address: v.address && { postcode: v.address.postcode?.replace(' ', '').toLowerCase() },
  }),
  'no-postcode': (v) => ({ ...v, address: null }),

  // Strangers.
  'same-first-and-dob': (v, r) => {
    const other = surname(r);
    if (!v.dateOfBirth || soundsLike(other, split(v).last)) return null;
    return {
      name: `${split(v).first} ${other}`,
      otherNames: [],
      dateOfBirth: v.dateOfBirth,
      address: { postcode: randomPostcode(r) },
    };
  },
  sister: (v, r) => {
    const { first, last } = split(v);
    const other = firstName(r);
    if (!v.dateOfBirth || other === first || !v.address) return null;
    const years = (1 + Math.floor(r() * 8)) * (r() < 0.5 ? -1 : 1);
    return {
      name: `${other} ${last}`,
      otherNames: [],
      dateOfBirth: shiftDays(v.dateOfBirth, years * 365 + Math.floor(r() * 200)),
      address: v.address,
    };
  },
  namesake: (v, r) =>
    v.dateOfBirth
      ? {
          name: v.name,
          otherNames: [],
          dateOfBirth: shiftDays(v.dateOfBirth, 400 + Math.floor(r() * 8000)),
          address: { postcode: randomPostcode(r) },
        }
      : null,
  'mother-daughter': (v, r) =>
    v.dateOfBirth && v.address
      ? {
          name: v.name,
          otherNames: [],
          dateOfBirth: shiftDays(
            v.dateOfBirth,
            -(20 + Math.floor(r() * 10)) * 365 - Math.floor(r() * 300),
          ),
          address: v.address,
        }
      : null,
};

/** Whether two surnames share a sound: a stranger must not get the victim's surname by chance. */
function soundsLike(a: string, b: string): boolean {
  const codes = (name: string) => name.split('-').flatMap((w) => doubleMetaphone(w.toLowerCase()));
  return codes(a).some((code) => codes(b).includes(code));
}

export const isSame = (kind: PairKind) => (SAME_KINDS as readonly string[]).includes(kind);
