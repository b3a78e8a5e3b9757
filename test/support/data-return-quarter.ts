import type { Figures } from '#core/contracts/data-return-api.js';
import type { ReferralFormInput } from '#core/contracts/referral.js';
import type { EthnicGroup, SexualOrientation } from '#core/contracts/equality.js';
import { ethnicGroupOf, sexualOrientationOf } from '#core/reporting/recode.js';
import { demoAgencies } from '../../bot/src/demo/demo-data.js';
import { answers } from '../bot/referrals/fixtures.js';

/*
 * A generated quarter with known answers, for the SafeLives data return (issue #13): the first
 * quarter of 2027 in the demo area (fortnightly Tuesdays from 1 December 2026), a meeting just
 * before it and an extra one just after it, at 00:30 on 1 April in British Summer Time (23:30
 * UTC on 31 March). Each case has a one-letter label; the expected answers below are written out
 * by hand from the table, not computed, so the code under test cannot agree with itself. Every
 * person is invented; postcodes are made up and .example is the only mail domain.
 */

export type RecordState = 'closed' | 'in-progress' | 'none';

export interface ScenarioMeeting {
  date: string;
  /** London time; the demo series meets at 10:00. */
  startTime: string;
  record: RecordState;
  /** Added as an extra meeting (outside the series). */
  extra?: true;
}

export const MEETINGS: ScenarioMeeting[] = [
  { date: '2026-12-29', startTime: '10:00', record: 'closed' },
  { date: '2027-01-12', startTime: '10:00', record: 'closed' },
  { date: '2027-01-26', startTime: '10:00', record: 'closed' },
  { date: '2027-02-09', startTime: '10:00', record: 'none' },
  { date: '2027-02-23', startTime: '10:00', record: 'closed' },
  { date: '2027-03-09', startTime: '10:00', record: 'in-progress' },
  { date: '2027-03-23', startTime: '10:00', record: 'closed' },
  { date: '2027-04-01', startTime: '00:30', record: 'closed', extra: true },
];

export interface ScenarioCase {
  label: string;
  referredOn: string;
  /** The meeting it is accepted onto (by date). */
  meeting: string;
  /** What that meeting's record says of it; a deferred case is heard at `heardAt`. */
  state: 'heard' | 'deferred' | 'waiting';
  heardAt?: string;
  /** The referring agency, by its kind (one demo agency of each kind). */
  agencyKind: string;
  victim: {
    name: string;
    dateOfBirth: string | null;
    gender: 'female' | 'male' | 'non-binary' | 'other' | 'not-known';
    /**
     * As the referrer put it. Words that name a category exactly are sent as its id (the form's
     * choice); words that name none ("mixed race") are from before the form offered categories,
     * stored as such by the test (`legacyWords`, test/support/legacy-words.ts).
     */
    ethnicity?: string;
    sexuality?: string;
    disability: 'yes' | 'no' | 'not-known';
    postcode: string;
  };
  perpetratorBorn: (string | null)[];
  children: number;
  /** The same victim as this earlier case: the app finds it a repeat. */
  repeatOf?: string;
}

const adult = '1987-09-12';
// prettier-ignore
export const CASES: ScenarioCase[] = [
  { label: 'Z', referredOn: '2026-12-16', meeting: '2026-12-29', state: 'heard', agencyKind: 'police',
    victim: { name: 'Rhiannon Quarrie', dateOfBirth: '1985-07-20', gender: 'female', ethnicity: 'White: Irish', sexuality: 'Bisexual', disability: 'no', postcode: 'NB1 2AB' },
    perpetratorBorn: [adult], children: 0 },
  { label: 'A', referredOn: '2026-12-30', meeting: '2027-01-12', state: 'heard', agencyKind: 'police',
    victim: { name: 'Philippa Dunmore', dateOfBirth: '1990-05-01', gender: 'female', ethnicity: 'White British', sexuality: 'Heterosexual', disability: 'no', postcode: 'WF3 4CD' },
    perpetratorBorn: [adult], children: 2 },
  { label: 'B', referredOn: '2026-12-30', meeting: '2027-01-12', state: 'heard', agencyKind: 'idva',
    victim: { name: 'Benedikt Osei-Harrow', dateOfBirth: '1980-11-02', gender: 'male', ethnicity: 'Black or Black British: Caribbean', sexuality: 'Gay or lesbian', disability: 'yes', postcode: 'NB5 6EF' },
    perpetratorBorn: [adult], children: 0 },
  { label: 'C', referredOn: '2026-12-30', meeting: '2027-01-12', state: 'heard', agencyKind: 'health',
    victim: { name: 'Samina Kestrelton', dateOfBirth: '2009-06-15', gender: 'female', ethnicity: 'Asian or Asian British: Pakistani', disability: 'not-known', postcode: 'WF7 8GH' },
    perpetratorBorn: ['2009-03-01'], children: 0 },
  { label: 'D', referredOn: '2026-12-30', meeting: '2027-01-12', state: 'deferred', heardAt: '2027-01-26', agencyKind: 'police',
    victim: { name: 'Marguerite Tolliver', dateOfBirth: '1995-08-08', gender: 'female', ethnicity: 'mixed race', sexuality: 'straight', disability: 'no', postcode: 'NB9 1JK' },
    perpetratorBorn: [adult], children: 1 },
  { label: 'E', referredOn: '2027-01-13', meeting: '2027-01-26', state: 'heard', agencyKind: 'housing', repeatOf: 'Z',
    victim: { name: 'Rhiannon Quarrie', dateOfBirth: '1985-07-20', gender: 'female', ethnicity: 'White Irish', sexuality: 'Bisexual', disability: 'no', postcode: 'NB1 2AB' },
    perpetratorBorn: [adult], children: 3 },
  { label: 'F', referredOn: '2027-01-13', meeting: '2027-01-26', state: 'heard', agencyKind: 'childrens-social-care',
    victim: { name: 'Ellery Vantongeren', dateOfBirth: '2010-09-01', gender: 'non-binary', ethnicity: 'Prefer not to say', sexuality: 'Prefers not to say', disability: 'yes', postcode: 'WF2 3LM' },
    perpetratorBorn: [adult], children: 0 },
  // 17 when referred, 18 on the day of the meeting: heard as an adult, not counted as 16-17.
  { label: 'G', referredOn: '2027-02-10', meeting: '2027-02-23', state: 'heard', agencyKind: 'police',
    victim: { name: 'Tamsin Loveridge', dateOfBirth: '2009-02-23', gender: 'female', ethnicity: 'Gypsy or Irish Traveller', sexuality: 'Heterosexual', disability: 'no', postcode: 'NB4 5NP' },
    perpetratorBorn: [adult], children: 0 },
  // The person causing harm turns 18 the day after the meeting: 17 or under at it.
  { label: 'H', referredOn: '2027-02-10', meeting: '2027-02-23', state: 'heard', agencyKind: 'probation',
    victim: { name: 'Gwendolen Ashby-Ferris', dateOfBirth: '1970-01-15', gender: 'female', ethnicity: 'Any other White background', sexuality: 'Heterosexual', disability: 'no', postcode: 'WF6 7QR' },
    perpetratorBorn: ['2009-02-24'], children: 0 },
  { label: 'I', referredOn: '2027-02-10', meeting: '2027-02-23', state: 'heard', agencyKind: 'police',
    victim: { name: 'Yasmin Halloran', dateOfBirth: null, gender: 'not-known', ethnicity: 'Other ethnic group: Arab', sexuality: 'Other', disability: 'not-known', postcode: 'NB8 9ST' },
    perpetratorBorn: [null], children: 0 },
  { label: 'J', referredOn: '2027-02-24', meeting: '2027-03-09', state: 'heard', agencyKind: 'specialist-da',
    victim: { name: 'Anand Penrose', dateOfBirth: '1988-03-03', gender: 'male', ethnicity: 'Indian', sexuality: 'Heterosexual', disability: 'no', postcode: 'WF1 2UV' },
    perpetratorBorn: [adult], children: 2 },
  { label: 'K', referredOn: '2027-02-24', meeting: '2027-03-09', state: 'waiting', agencyKind: 'police',
    victim: { name: 'Kwabena Thistlewood', dateOfBirth: '1991-06-06', gender: 'male', ethnicity: 'Black or Black British: African', sexuality: 'Gay or lesbian', disability: 'yes', postcode: 'NB3 4WX' },
    perpetratorBorn: [adult], children: 2 },
  // 18 the day after the meeting: 17 at it.
  { label: 'L', referredOn: '2027-03-10', meeting: '2027-03-23', state: 'heard', agencyKind: 'education',
    victim: { name: 'Abena Marchbank', dateOfBirth: '2009-03-24', gender: 'female', ethnicity: 'Black or Black British: African', sexuality: 'Heterosexual', disability: 'yes', postcode: 'WF5 6YZ' },
    perpetratorBorn: [adult], children: 0 },
  // 18 on 1 April: the London date of the 00:30 meeting (on the UTC date, 31 March, still 17).
  { label: 'N', referredOn: '2027-03-17', meeting: '2027-04-01', state: 'heard', agencyKind: 'police',
    victim: { name: 'Clemency Rook', dateOfBirth: '2009-04-01', gender: 'female', ethnicity: 'White British', sexuality: 'Heterosexual', disability: 'no', postcode: 'NB7 8BA' },
    perpetratorBorn: [adult], children: 0 },
];

/** Where a case was heard, if anywhere. */
export const heardAt = (c: ScenarioCase): string | null =>
  c.state === 'heard' ? c.meeting : c.state === 'deferred' ? c.heardAt! : null;

export const agencyNamed = (kind: string) => demoAgencies.find((a) => a.kind === kind)!.name;

/** The categories a case's words name exactly, as the form's choices send them. */
function categoriesOf(c: ScenarioCase): { ethnicity?: EthnicGroup; sexuality?: SexualOrientation } {
  const ethnicity = c.victim.ethnicity === undefined ? null : ethnicGroupOf(c.victim.ethnicity);
  const sexuality =
    c.victim.sexuality === undefined ? null : sexualOrientationOf(c.victim.sexuality);
  return {
    ...(ethnicity?.kind === 'category' ? { ethnicity: ethnicity.id } : {}),
    ...(sexuality?.kind === 'category' ? { sexuality: sexuality.id } : {}),
  };
}

/** The case's words that name no category: stored as free text, as before the change. */
export function legacyWords(c: ScenarioCase): { ethnicity?: string; sexuality?: string } {
  const named = categoriesOf(c);
  return {
    ...(c.victim.ethnicity !== undefined && !named.ethnicity
      ? { ethnicity: c.victim.ethnicity }
      : {}),
    ...(c.victim.sexuality !== undefined && !named.sexuality
      ? { sexuality: c.victim.sexuality }
      : {}),
  };
}

/** The referral form of a case, complete, as a coordinator submits it for the agency. */
export function formOf(
  c: ScenarioCase,
  areaId: string,
  referrerAgencyId: string,
): ReferralFormInput {
  return {
    areaId,
    referrerAgencyId,
    referrerPhone: '01632 960001',
    victim: {
      name: c.victim.name,
      otherNames: [],
      dateOfBirth: c.victim.dateOfBirth,
      gender: c.victim.gender,
      address: { line1: '3 Quillet Lane', town: 'Northbrook', postcode: c.victim.postcode },
      phone: '07700 900456',
      safeToCall: 'yes',
      disability: c.victim.disability,
      interpreterNeeded: false,
      ...categoriesOf(c),
    },
    perpetrators: c.perpetratorBorn.map((dateOfBirth, i) => ({
      name: `Lucan Brightwater${i === 0 ? '' : ' Junior'}`,
      otherNames: [],
      dateOfBirth,
      gender: 'male' as const,
      relationshipToVictim: 'ex-partner' as const,
      address: null,
      mappaLevel: 'none' as const,
    })),
    children: Array.from({ length: c.children }, (_, i) => ({
      name: `Pip Brightwater ${['Ash', 'Birch', 'Cedar'][i]}`,
      dateOfBirth: `201${i + 6}-05-0${i + 1}`,
      relationshipToVictim: 'daughter',
      relationshipToPerpetrator: 'daughter',
      livesInHousehold: true,
    })),
    reasonsForReferral: 'Threats to kill after separation; strangulation disclosed.',
    riskAssessment: {
      kind: 'dash',
      questionSet: 'safelives-24',
      answers: answers(16),
      completedOn: c.referredOn,
    },
    incidentsInLast12Months: 2,
    consent: { victimAware: true, consented: true },
    childrensServicesReferralMade: c.children > 0 ? true : null,
  };
}

/** One figure as labels: the cases it counts, and those it cannot answer. */
interface Expected {
  yes: string;
  notKnown?: string;
  notRecoded?: string;
}

/** The first quarter of 2027, written out by hand from the table above. */
export const EXPECTED_Q1 = {
  casesHeard: 'ABCDEFGHIJL',
  repeatCases: 'E',
  children: { count: 8, cases: 'ADEJ' },
  police: 'ADGI',
  partners: 'BCEFHJL',
  byKind: {
    'childrens-social-care': 'F',
    education: 'L',
    health: 'C',
    housing: 'E',
    idva: 'B',
    police: 'ADGI',
    probation: 'H',
    'specialist-da': 'J',
  } as Record<string, string>,
  bame: { yes: 'BCGIL', notKnown: 'F', notRecoded: 'DJ' },
  lgbt: { yes: 'BEFI', notKnown: 'C', notRecoded: 'D' },
  disabled: { yes: 'BFL', notKnown: 'CI' },
  male: { yes: 'BJ', notKnown: 'I' },
  aged16To17: { yes: 'CFL', notKnown: 'I' },
  perpetratorsAged17OrUnder: { yes: 'CH', notKnown: 'I' },
  toRecode: { ethnicity: 'DJ', sexuality: 'D' },
  meetings: [
    { date: '2027-01-12', record: 'closed', heard: 'ABC', deferred: 'D' },
    { date: '2027-01-26', record: 'closed', heard: 'DEF', deferred: '' },
    { date: '2027-02-09', record: 'not-started', heard: '', deferred: '' },
    { date: '2027-02-23', record: 'closed', heard: 'GHI', deferred: '' },
    { date: '2027-03-09', record: 'in-progress', heard: 'J', deferred: '' },
    { date: '2027-03-23', record: 'closed', heard: 'L', deferred: '' },
  ],
};

/**
 * The whole figures object the return must give for the quarter, its references those of the
 * labels (`refOf`), in the order the cases were heard. Built from EXPECTED_Q1's literal labels.
 */
export function expectedQ1Figures(refOf: (label: string) => string): Figures {
  const refs = (labels: string) => [...labels].map(refOf);
  const fig = (labels: string) => ({ count: labels.length, references: refs(labels) });
  const person = (e: Expected, categorised = false) => ({
    ...fig(e.yes),
    notKnown: fig(e.notKnown ?? ''),
    ...(categorised ? { notRecoded: fig(e.notRecoded ?? '') } : {}),
  });
  const e = EXPECTED_Q1;
  const kinds = Object.keys(e.byKind).sort();
  return {
    casesHeard: fig(e.casesHeard),
    repeatCases: fig(e.repeatCases),
    children: { count: e.children.count, references: refs(e.children.cases) },
    referrals: {
      police: fig(e.police),
      partners: fig(e.partners),
      byKind: kinds.map((kind) => ({ kind, ...fig(e.byKind[kind]!) })),
      byAgency: kinds
        .map((kind) => ({ kind, name: agencyNamed(kind) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
        .map(({ kind, name }) => ({
          agencyId: expect.any(String) as unknown as string,
          name,
          kind,
          police: kind === 'police',
          ...fig(e.byKind[kind]!),
        })),
    },
    victims: {
      bame: person(e.bame, true),
      lgbt: person(e.lgbt, true),
      disabled: person(e.disabled),
      male: person(e.male),
      aged16To17: person(e.aged16To17),
    },
    perpetrators: { aged17OrUnder: person(e.perpetratorsAged17OrUnder) },
  };
}

/** One row of the return as a file or the tab shows it, with its cases as labels. */
export interface ExpectedRow {
  /** The machine name of the figure (the CSV's `figure`) and its detail. */
  figure: string;
  detail: string;
  /** The words a person reads (the spreadsheet and the tab). */
  label: string;
  count: number;
  notKnown: number | null;
  notRecoded: number | null;
  cases: string;
  notKnownCases: string;
  notRecodedCases: string;
}

/** Agency kinds in the words of the return, written out here. */
const KIND_WORDS_Q1: Record<string, string> = {
  'childrens-social-care': "children's social care",
  education: 'education',
  health: 'health',
  housing: 'housing',
  idva: 'IDVA service',
  police: 'police',
  probation: 'probation',
  'specialist-da': 'specialist domestic abuse',
};

/**
 * Every row of the first quarter's totals, from EXPECTED_Q1's literal labels and counts: each
 * figure, each agency kind and agency that referred, and the free text to recode.
 */
export function expectedQ1Rows(): ExpectedRow[] {
  const e = EXPECTED_Q1;
  const plain = (figure: string, label: string, cases: string, detail = ''): ExpectedRow => ({
    figure,
    detail,
    label,
    count: cases.length,
    notKnown: null,
    notRecoded: null,
    cases,
    notKnownCases: '',
    notRecodedCases: '',
  });
  const person = (figure: string, label: string, x: Expected, categorised = false) => ({
    ...plain(figure, label, x.yes),
    notKnown: (x.notKnown ?? '').length,
    notKnownCases: x.notKnown ?? '',
    ...(categorised
      ? { notRecoded: (x.notRecoded ?? '').length, notRecodedCases: x.notRecoded ?? '' }
      : {}),
  });
  const kinds = Object.keys(e.byKind).sort();
  return [
    plain('cases-heard', 'Cases heard', e.casesHeard),
    plain('repeat-cases', 'Repeat cases', e.repeatCases),
    {
      ...plain('children', 'Children in the households', e.children.cases),
      count: e.children.count,
    },
    plain('referrals-police', 'Referrals from the police', e.police),
    plain('referrals-partners', 'Referrals from partner agencies', e.partners),
    ...kinds.map((k) =>
      plain('referrals-by-kind', `by kind: ${KIND_WORDS_Q1[k]}`, e.byKind[k]!, k),
    ),
    ...kinds
      .map((k) => ({ k, name: agencyNamed(k) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
      .map(({ k, name }) => plain('referrals-by-agency', `by agency: ${name}`, e.byKind[k]!, name)),
    person('victims-bame', 'Victims Black, Asian or minority ethnic', e.bame, true),
    person('victims-lgbt', 'Victims LGBT+', e.lgbt, true),
    person('victims-disabled', 'Victims with a disability', e.disabled),
    person('victims-male', 'Male victims', e.male),
    person('victims-aged-16-17', 'Victims aged 16 or 17', e.aged16To17),
    person(
      'perpetrators-aged-17-or-under',
      'Perpetrators aged 17 or under',
      e.perpetratorsAged17OrUnder,
    ),
    plain('to-recode', 'Ethnicity to recode', e.toRecode.ethnicity, 'ethnicity'),
    plain('to-recode', 'Sexuality to recode', e.toRecode.sexuality, 'sexuality'),
  ];
}
