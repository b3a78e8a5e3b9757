/**
 * The referral form as the person types it: every field a string (or a flag) so that nothing
 * typed is lost, turned into the API's shape only when it is sent. An empty string is a question
 * not yet answered: no answer that becomes a recorded fact starts filled in.
 */
export type YesNoUnknown = 'yes' | 'no' | 'not-known';
export type Gender = 'female' | 'male' | 'non-binary' | 'other' | 'not-known';
/** '' until the person chooses. */
export type Unanswered<T extends string> = T | '';

export interface PerpetratorDraft {
  key: number;
  name: string;
  otherNames: string;
  dateOfBirth: string;
  gender: Unanswered<Gender>;
  relationshipToVictim: string;
  mappaLevel: string;
  line1: string;
  town: string;
  postcode: string;
}

export interface ChildDraft {
  key: number;
  name: string;
  dateOfBirth: string;
  relationshipToVictim: string;
  relationshipToPerpetrator: string;
  school: string;
  livesInHousehold: boolean;
}

export interface VictimDraft {
  name: string;
  otherNames: string;
  dateOfBirth: string;
  gender: Unanswered<Gender>;
  line1: string;
  line2: string;
  town: string;
  postcode: string;
  phone: string;
  safeToCall: YesNoUnknown;
  safeContactNotes: string;
  /** A category id of the return (core/contracts/equality.ts), '' until the person chooses. */
  ethnicity: string;
  disability: YesNoUnknown;
  sexuality: string;
  language: string;
  interpreterNeeded: boolean;
}

export interface ReferralDraft {
  /** Which draft this is in the tab (a new one each time the person starts or reopens one). */
  draftKey: number;
  /** Set once saved: later saves update the same referral. */
  referralId: string | null;
  areaId: string;
  referrerAgencyId: string;
  referrerPhone: string;
  victim: VictimDraft;
  perpetrators: PerpetratorDraft[];
  children: ChildDraft[];
  reasonsForReferral: string;
  riskKind: 'dash' | 'dara';
  questionSet: string;
  answers: Record<string, YesNoUnknown>;
  daraOutcome: '' | 'high' | 'medium' | 'standard';
  completedOn: string;
  professionalJudgement: string;
  incidentsInLast12Months: string;
  victimAware: Unanswered<'yes' | 'no'>;
  consented: Unanswered<'yes' | 'no'>;
  reasonWithoutConsent: string;
  victimFears: string;
  safeToContact: string;
  notSafeToContact: string;
  previousMaracsElsewhere: string;
  childrensServicesReferralMade: boolean | null;
  /**
   * The ethnicity and sexuality as written before the form offered categories (read-only: shown
   * as "Recorded as", never sent back; the server keeps them whatever is chosen).
   */
  asWritten: { ethnicity: string | null; sexuality: string | null };
}

let nextKey = 1;
export const newKey = () => nextKey++;

export function emptyPerpetrator(): PerpetratorDraft {
  return {
    key: newKey(),
    name: '',
    otherNames: '',
    dateOfBirth: '',
    gender: '',
    relationshipToVictim: '',
    mappaLevel: '',
    line1: '',
    town: '',
    postcode: '',
  };
}

export function emptyChild(): ChildDraft {
  return {
    key: newKey(),
    name: '',
    dateOfBirth: '',
    relationshipToVictim: '',
    relationshipToPerpetrator: '',
    school: '',
    livesInHousehold: true,
  };
}

export function emptyDraft(areaId: string, today: string): ReferralDraft {
  return {
    draftKey: newKey(),
    referralId: null,
    areaId,
    referrerAgencyId: '',
    referrerPhone: '',
    victim: {
      name: '',
      otherNames: '',
      dateOfBirth: '',
      gender: '',
      line1: '',
      line2: '',
      town: '',
      postcode: '',
      phone: '',
      safeToCall: 'not-known',
      safeContactNotes: '',
      ethnicity: '',
      disability: 'not-known',
      sexuality: '',
      language: '',
      interpreterNeeded: false,
    },
    perpetrators: [emptyPerpetrator()],
    children: [],
    reasonsForReferral: '',
    riskKind: 'dash',
    questionSet: 'safelives-24',
    answers: {},
    daraOutcome: '',
    completedOn: today,
    professionalJudgement: '',
    incidentsInLast12Months: '0',
    victimAware: '',
    consented: '',
    reasonWithoutConsent: '',
    victimFears: '',
    safeToContact: '',
    notSafeToContact: '',
    previousMaracsElsewhere: '',
    childrensServicesReferralMade: null,
    asWritten: { ethnicity: null, sexuality: null },
  };
}
