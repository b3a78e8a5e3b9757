import type { ReferralDraft, ReferralForm, ReferralStatus } from '../contracts/referral.js';
import type { LocalDate } from '../shared/local-date.js';

/**
 * The victim's ethnicity and sexuality in the words the referrer wrote, from before the form
 * offered categories (issue #13). Kept with the form, encrypted, for as long as the referral is:
 * an edit never drops them and a recode never overwrites them.
 */
export interface AsWritten {
  ethnicity?: string;
  sexuality?: string;
}

/** What every referral holds, whatever its state. */
interface ReferralFields {
  id: string;
  reference: string;
  caseId: string;
  areaId: string;
  partnershipId: string;
  referrerPersonId: string;
  questionSet: string | null;
  score: number | null;
  band: 'standard' | 'medium' | 'high';
  criteria: string[];
  isRepeat: boolean;
  mappaLead: boolean;
  childrenCount: number;
  meetingId: string | null;
  referredOn: LocalDate;
  submittedAt: Date | null;
  decidedAt: Date | null;
  /** The coordinator's note to the referrer (needs information, declined). Encrypted. */
  decisionNote?: string | null;
  /** The coordinator's record of the link to MAPPA, for a MAPPA level 2 or 3 perpetrator. */
  mappaLinkNote?: string | null;
  /** Words written before the form offered categories; absent where there were none. */
  asWritten?: AsWritten;
}

/** A referral once submitted: its form is complete. */
export interface SentReferralRecord extends ReferralFields {
  status: Exclude<ReferralStatus, 'draft'> | 'merged';
  referrerAgencyId: string;
  form: ReferralForm;
}

/** A draft: whatever has been typed so far; only the area is known for sure. */
export interface DraftReferralRecord extends ReferralFields {
  status: 'draft';
  referrerAgencyId: string | null;
  form: ReferralDraft;
}

/** A referral as the use cases see it: the form decrypted, the rest as stored. */
export type ReferralRecord = SentReferralRecord | DraftReferralRecord;

/** A stored referral whose victim looks like this one's, found by blind index only. */
export interface VictimMatch {
  referralId: string;
  caseId: string;
  areaId: string;
  status: string;
  referredOn: LocalDate;
  confidence: number;
  /** possible: for the coordinator to look at; likely: the referrer is also told one exists. */
  level: 'possible' | 'likely';
  likely: boolean;
}

export interface QueueItem {
  id: string;
  reference: string;
  status: ReferralRecord['status'];
  band: ReferralRecord['band'];
  score: number | null;
  criteria: string[];
  isRepeat: boolean;
  mappaLead: boolean;
  childrenCount: number;
  /** Null only on a draft saved before the agency was chosen. */
  referrerAgencyId: string | null;
  meetingId: string | null;
  referredOn: LocalDate;
  openDuplicates: number;
  /** Only when asked for (the coordinator's queue). */
  victimName?: string;
}

/** One of the referrer's own referrals, with the coordinator's answer. */
export interface MyReferral {
  id: string;
  reference: string;
  status: ReferralRecord['status'];
  band: ReferralRecord['band'];
  score: number | null;
  referredOn: LocalDate;
  victimName: string | null;
  decisionNote: string | null;
  meetingDate: LocalDate | null;
}

/** Who made a referral: their name and the agency they referred for. */
export interface ReferrerPerson {
  name: string;
  agencyName: string | null;
}

/** A referral's ethnicity and sexuality as stored: the categories, and any words as written. */
export interface EqualityRecord {
  id: string;
  reference: string;
  referredOn: LocalDate;
  ethnicity: string | null;
  sexuality: string | null;
  asWritten: AsWritten;
}

export interface ReferralsRepo {
  /** A reference such as NB-2026-0007: the area's code, the year, a sequence. No personal data. */
  nextReference(areaId: string, year: number): Promise<string>;
  /** Stores the referral (form encrypted under its case's key) and its victim's blind index terms. */
  insert(referral: ReferralRecord): Promise<void>;
  update(referral: ReferralRecord): Promise<void>;
  get(id: string): Promise<ReferralRecord | null>;
  newCase(input: {
    id: string;
    partnershipId: string;
    areaId: string;
    referredOn: LocalDate;
    repeatOf: string | null;
  }): Promise<void>;
  touchCase(caseId: string, referredOn: LocalDate): Promise<void>;
  /** Referrals in the partnership since the date whose victim matches, best first. */
  findVictimMatches(input: {
    partnershipId: string;
    victim: ReferralForm['victim'];
    since: LocalDate;
    excludeReferralId?: string;
  }): Promise<VictimMatch[]>;
  recordCandidates(referralId: string, matches: VictimMatch[]): Promise<void>;
  decideCandidate(
    referralId: string,
    candidateId: string,
    decision: 'merged' | 'dismissed',
    by: string,
  ): Promise<boolean>;
  candidates(
    referralId: string,
  ): Promise<(VictimMatch & { decision: 'open' | 'merged' | 'dismissed' })[]>;
  countOnMeeting(meetingId: string): Promise<number>;
  /** The area's referrals (not drafts); with victimNames, each decrypted for the coordinator. */
  queue(areaId: string, options?: { victimNames?: boolean }): Promise<QueueItem[]>;
  byReferrer(personId: string): Promise<QueueItem[]>;
  /** The person's own referrals for "My referrals", drafts included, with the answer to each. */
  mine(personId: string): Promise<MyReferral[]>;
  referrerOf(referralId: string): Promise<ReferrerPerson | null>;
  /**
   * The ethnicity and sexuality of every referral of the area but drafts (the referrer's own),
   * oldest first: each form decrypted, for the coordinator's recode.
   */
  equalityOf(areaId: string): Promise<EqualityRecord[]>;
}
