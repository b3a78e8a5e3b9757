import type { ReferralForm } from '../contracts/referral.js';
import type { AsWritten } from '../ports/referrals.js';
import type { LocalDate } from '../shared/local-date.js';
import { ageOn } from '../shared/local-date-months.js';
import { ethnicGroupOf, isBame, isLgbOrientation, sexualOrientationOf } from './recode.js';

/**
 * What the return needs to know of one heard case, worked out from its referral: no names, no
 * dates of birth, only the answers. Each answer about a person is `yes`, `no`, `not-known` (the
 * referral does not say) or, for ethnicity and sexuality, `not-recoded` (free text that names no
 * category yet).
 */
export type Answer = 'yes' | 'no' | 'not-known';
export type CategoryAnswer = Answer | 'not-recoded';

export interface ReferringAgency {
  agencyId: string;
  name: string;
  kind: string;
}

export interface CaseFacts {
  reference: string;
  repeat: boolean;
  children: number;
  agency: ReferringAgency;
  bame: CategoryAnswer;
  lgbt: CategoryAnswer;
  disabled: Answer;
  male: Answer;
  aged16To17: Answer;
  perpetratorAged17OrUnder: Answer;
  /** Whether the stored ethnicity or sexuality is free text naming no category. */
  toRecode: { ethnicity: boolean; sexuality: boolean };
}

/** What the return reads of a referral: its plain columns and its (decrypted) form. */
export interface HeardReferral {
  reference: string;
  isRepeat: boolean;
  childrenCount: number;
  referrerAgencyId: string;
  form: Pick<ReferralForm, 'victim' | 'perpetrators'>;
  /** Words written before the form offered categories (stored-form.ts). */
  asWritten?: AsWritten;
}

const POLICE_KIND = 'police';

/** Whether an agency of this kind counts as the police in the return (every other is a partner). */
export const isPolice = (kind: string) => kind === POLICE_KIND;

const answer = (value: boolean | null): Answer =>
  value === null ? 'not-known' : value ? 'yes' : 'no';

/**
 * The category the form holds; without one, what the words written before categories name
 * exactly (nothing written: not known; words that name no category: not recoded).
 */
const ethnicGroupIn = (referral: HeardReferral) =>
  referral.form.victim.ethnicity
    ? ({ kind: 'category', id: referral.form.victim.ethnicity } as const)
    : ethnicGroupOf(referral.asWritten?.ethnicity);
const orientationIn = (referral: HeardReferral) =>
  referral.form.victim.sexuality
    ? ({ kind: 'category', id: referral.form.victim.sexuality } as const)
    : sexualOrientationOf(referral.asWritten?.sexuality);

function bameOf(referral: HeardReferral): CategoryAnswer {
  const group = ethnicGroupIn(referral);
  return group.kind === 'not-recoded' ? 'not-recoded' : answer(isBame(group.id));
}

/**
 * LGBT+: a lesbian, gay, bisexual or other minority sexual orientation, or a gender that is
 * neither female nor male (non-binary or another gender: the form asks no trans question, so
 * this is as near as the record comes to the "T"). Such a gender answers yes whatever the
 * sexuality says; otherwise the sexuality decides.
 */
function lgbtOf(referral: HeardReferral): CategoryAnswer {
  const { gender } = referral.form.victim;
  if (gender === 'non-binary' || gender === 'other') return 'yes';
  const orientation = orientationIn(referral);
  return orientation.kind === 'not-recoded'
    ? 'not-recoded'
    : answer(isLgbOrientation(orientation.id));
}

/**
 * Ages are counted on the date of the meeting that heard the case (its London date): the return
 * is of the people each meeting discussed, and a victim referred at 17 who is 18 when the MARAC
 * meets is heard, and safeguarded, as an adult.
 */
function agedBetween(dob: LocalDate | null, on: LocalDate, min: number, max: number): Answer {
  if (dob === null) return 'not-known';
  const age = ageOn(dob, on);
  return age >= min && age <= max ? 'yes' : 'no';
}

/** A case with two or more perpetrators counts once, when any of them is 17 or under. */
function anyPerpetratorAged17OrUnder(
  perpetrators: ReferralForm['perpetrators'],
  on: LocalDate,
): Answer {
  const answers = perpetrators.map((p) => agedBetween(p.dateOfBirth, on, 0, 17));
  if (answers.includes('yes')) return 'yes';
  return answers.includes('not-known') ? 'not-known' : 'no';
}

/** The facts of one case heard at a meeting on `meetingDate` (London). */
export function caseFacts(
  referral: HeardReferral,
  meetingDate: LocalDate,
  agencyOf: (agencyId: string) => ReferringAgency,
): CaseFacts {
  const { victim, perpetrators } = referral.form;
  return {
    reference: referral.reference,
    repeat: referral.isRepeat,
    children: referral.childrenCount,
    agency: agencyOf(referral.referrerAgencyId),
    bame: bameOf(referral),
    lgbt: lgbtOf(referral),
    disabled: victim.disability === 'not-known' ? 'not-known' : answer(victim.disability === 'yes'),
    male: victim.gender === 'not-known' ? 'not-known' : answer(victim.gender === 'male'),
    aged16To17: agedBetween(victim.dateOfBirth, meetingDate, 16, 17),
    perpetratorAged17OrUnder: anyPerpetratorAged17OrUnder(perpetrators, meetingDate),
    toRecode: {
      ethnicity: ethnicGroupIn(referral).kind === 'not-recoded',
      sexuality: orientationIn(referral).kind === 'not-recoded',
    },
  };
}
