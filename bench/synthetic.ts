import type { ReferralFormInput } from '#core/contracts/referral.js';
import type { VictimIdentity } from '../bot/src/matching/victim-terms.js';

/**
 * Invented victims for the benchmark, the same for every run with the same seed: case `i` can be
 * made again later to build its duplicate. Names come from syllables no list of real people was
 * used for; postcodes are only postcode-shaped.
 */

/** mulberry32: small, fast, good enough to spread test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (text: string) => text.trim().split(/\s+/);

const FIRST_START = words(`
  Ara Bel Cori Dela Eri Fen Gwe Hal Isa Jol Kea Lio Mar Nel Ori Pae Qui Ros Sel Tam
`);
const FIRST_END = words(`
  na lie ssa wen ra dine th mia nne vy lis ka ette ya bel
`);
const SUR_START = words(`
  Ash Brack Carr Dun Eld Fal Garth Holm Ivers Jarr Kest Lind Marl Nock Orm Pell Quen Rud
  Stan Thorn Ulls Vend Wick Yarl Zell Bram Cold Dray Fird Grel Hask Lorr Mird Penn Rask Scal
  Tove Wend Brin Curl
`);
const SUR_END = words(`
  ford well by ton ley croft more stead wick ham dale thorpe ridge field brook worth combe
  hurst gate side mere holt ing lock ward
`);
const AREAS = words(`
  AB AL BA BD BH BL BN BR BS CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY EH EN
  EX FK FY GL GU HA HD HG HP HR HU HX IG IP KA KT KW KY LA LD LE LL LN LS LU ME MK ML NE NG
  NN NP NR OL OX PA PE PH PL PO PR RG RH RM SA SG SK SL SM SN SO SP SR SS ST SY TA TD TF TN
  TQ TR TS TW UB WA WD WF WN WR WS WV YO ZE
`);
const INWARD = [...'ABDEFGHJLNPQRSTUWXYZ'];

// A skewed pick: the first entries are the common names (the top first name ~2%, as in life).
export const pick = <T>(list: readonly T[], r: number, skew = 1): T =>
  list[Math.min(list.length - 1, Math.floor(list.length * r ** skew))]!;

/**
 * Given names in use in the UK (a given name alone identifies nobody), for two victims in five:
 * the labelled pairs need names that have nicknames (Elizabeth, Liz) and spellings (Aisha,
 * Ayesha). Surnames are always invented.
 */
export const GIVEN = words(`
  Elizabeth Sarah Emma Rebecca Charlotte Aisha Catherine Jessica Amelia Victoria Margaret
  Jennifer Samantha Leanne Gemma Stephanie Rachel Hayley Kirsty Natalie Zoe Olivia Susan
  Deborah Patricia Christine Abigail Amanda Jacqueline Josephine Robert William Richard James
  Michael Thomas Mohammed
`);

export const firstName = (r: () => number) =>
  r() < 0.4 ? pick(GIVEN, r(), 1.3) : pick(FIRST_START, r(), 1.5) + pick(FIRST_END, r(), 1.5);
export const surname = (r: () => number) => pick(SUR_START, r(), 1.3) + pick(SUR_END, r(), 1.3);

export interface SyntheticCase {
  victim: VictimIdentity & { gender: 'female' | 'male' };
  status: string;
  referredOn: string;
  area: number;
  agency: number;
}

const STATUSES: [string, number][] = [
  ['accepted', 0.7],
  ['submitted', 0.08],
  ['needs-information', 0.04],
  ['declined', 0.1],
  ['merged', 0.03],
  ['draft', 0.05],
];

export const isoDay = (epochDay: number) =>
  new Date(epochDay * 86_400_000).toISOString().slice(0, 10);

/** Case `i` of the run seeded `seed`, referred within the three years before `today`. */
export function syntheticCase(
  seed: number,
  i: number,
  today: string,
  areas: number,
  agencies: number,
): SyntheticCase {
  const r = prng(seed * 7_919 + i * 104_729 + 1);
  const hyphenated = r() < 0.15;
  const last = hyphenated ? `${surname(r)}-${surname(r)}` : surname(r);
  const name = `${firstName(r)} ${last}`;
  const otherNames = r() < 0.1 ? [`${name.split(' ')[0]} ${surname(r)}`] : [];
  const born = Date.UTC(1950, 0, 1) / 86_400_000 + Math.floor(r() * 58 * 365);
  const dateOfBirth = r() < 0.05 ? null : isoDay(born);
  const postcode = `${pick(AREAS, r())}${1 + Math.floor(r() * 40)} ${Math.floor(r() * 10)}${pick(INWARD, r())}${pick(INWARD, r())}`;
  const address =
    r() < 0.1
      ? null
      : { line1: `${1 + Math.floor(r() * 200)} Invented Road`, town: 'Nowhere', postcode };
  let roll = r();
  const status = STATUSES.find(([, share]) => (roll -= share) < 0)?.[0] ?? 'accepted';
  const referredOn = isoDay(Date.parse(today) / 86_400_000 - Math.floor(r() * 3 * 365));
  const gender = r() < 0.9 ? 'female' : 'male';
  return {
    victim: { name, otherNames, dateOfBirth, address, gender },
    status,
    referredOn,
    area: Math.floor(r() * areas),
    agency: Math.floor(r() * agencies),
  };
}

/** A postcode-shaped string (no real postcode list was used). */
export const randomPostcode = (r: () => number) =>
  `${pick(AREAS, r())}${1 + Math.floor(r() * 40)} ${Math.floor(r() * 10)}${pick(INWARD, r())}${pick(INWARD, r())}`;

/** A whole referral form as the app stores it (encrypted), so the form column has a real size. */
export function syntheticForm(
  c: SyntheticCase,
  areaId: string,
  agencyId: string,
  r: () => number,
): ReferralFormInput {
  const answers: Record<string, 'yes' | 'no' | 'not-known'> = {};
  for (let q = 1; q <= 24; q++)
    answers[`q${q}`] = r() < 0.6 ? 'yes' : r() < 0.8 ? 'no' : 'not-known';
  return {
    areaId,
    referrerAgencyId: agencyId,
    referrerPhone: '01632 960000',
    victim: {
      name: c.victim.name,
      otherNames: c.victim.otherNames,
      dateOfBirth: c.victim.dateOfBirth,
      gender: c.victim.gender,
      address: c.victim.address
        ? { line1: '12 Invented Road', town: 'Nowhere', postcode: c.victim.address.postcode }
        : null,
      phone: '07700 900123',
      safeToCall: 'no',
      safeContactNotes: 'Text first; only call between 10:00 and 12:00 on weekdays.',
      disability: 'not-known',
      interpreterNeeded: false,
    },
    perpetrators: [
      {
        name: `${firstName(r)} ${surname(r)}`,
        otherNames: [],
        dateOfBirth: null,
        gender: 'male',
        relationshipToVictim: 'ex-partner',
        address: null,
        mappaLevel: 'none',
      },
    ],
    children: [],
    reasonsForReferral:
      'Invented benchmark text. Escalating threats after separation, two call-outs in the last ' +
      'month, a breach of a non-molestation order and a threat to kill reported to the IDVA.',
    riskAssessment: {
      kind: 'dash',
      questionSet: 'safelives-24',
      answers,
      completedOn: c.referredOn,
    },
    incidentsInLast12Months: Math.floor(r() * 6),
    consent: { victimAware: true, consented: true },
    childrensServicesReferralMade: null,
  };
}
