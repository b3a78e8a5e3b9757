import type { MatchEvidence } from '../referrals/matching-score.js';
import type { LocalDate } from '../shared/local-date.js';
import type { MeetingDocumentRecord } from './meeting-documents.js';
import type {
  ActionRecord,
  ActionReviewRecord,
  CaseNotesRecord,
  CorrectionRecord,
} from './meeting-run.js';
import type { ResearchRecord } from './research.js';

/*
 * What subject access reads beyond the other repositories (issue #13, item 4): the person's
 * referrals found by blind index, and every record of their cases by case, decrypted by the store
 * as the other reads are. Only the subject access use case holds these, after checking the caller
 * coordinates the area.
 */

/** Who the person is, as the matching compares them (the values go no further than HMACs). */
export interface SubjectIdentity {
  name: string;
  otherNames: readonly string[];
  dateOfBirth: LocalDate | null;
  postcode: string | null;
}

/** A submitted referral whose victim may be the person, and what agreed (never the values). */
export interface SubjectMatch {
  referralId: string;
  caseId: string;
  areaId: string;
  reference: string;
  status: string;
  referredOn: LocalDate;
  evidence: MatchEvidence;
}

/** A case's place on a meeting's running order, with what the meeting recorded. */
export interface RunCaseNotes {
  meetingId: string;
  referralId: string;
  state: string;
  notes: CaseNotesRecord;
  deferReason: string | null;
}

/** A case moved between meetings, with the coordinator's reason. */
export interface CaseMoveRecord {
  referralId: string;
  fromMeetingId: string;
  toMeetingId: string;
  reason: string;
  movedAt: Date;
}

/** One entry of the audit log, as stored: ids and codes only. */
export interface AuditTrailEntry {
  at: Date;
  actorId: string | null;
  action: string;
  recordType: string;
  recordId: string;
  outcome: string;
}

/** A professional as a reader of the PDF needs them: the name, and their agencies and roles. */
export interface PersonLabel {
  name: string;
  /** Agencies they are core rep or deputy for, and their roles ('coordinator', 'chair'...). */
  roles: string[];
}

export interface SubjectAccessRepo {
  /**
   * Every submitted referral of the partnership, of any date and status but draft, whose victim
   * may be this person at the level "possible" or above: the duplicate check's matching, with no
   * repeat window. Reads blind index terms only.
   */
  matches(partnershipId: string, identity: SubjectIdentity): Promise<SubjectMatch[]>;
  /** The submitted referral with this reference in the partnership, or null. */
  referralByReference(partnershipId: string, reference: string): Promise<string | null>;
  /** Every referral of these cases but drafts, oldest first, with its area and reference. */
  caseReferrals(
    caseIds: readonly string[],
  ): Promise<{ referralId: string; caseId: string; areaId: string; reference: string }[]>;
  /** Every agency's research on these referrals that holds an answer (drafts included). */
  research(referralIds: readonly string[]): Promise<ResearchRecord[]>;
  runCases(referralIds: readonly string[]): Promise<RunCaseNotes[]>;
  actions(referralIds: readonly string[]): Promise<ActionRecord[]>;
  actionReviews(actionIds: readonly string[]): Promise<ActionReviewRecord[]>;
  /** The earlier versions of these referrals' notes and of these actions, oldest first. */
  corrections(
    referralIds: readonly string[],
    actionIds: readonly string[],
  ): Promise<CorrectionRecord[]>;
  caseMoves(referralIds: readonly string[]): Promise<CaseMoveRecord[]>;
  /** The meetings of these areas from the date on (where agendas and minutes may name a case). */
  areaMeetings(
    areaIds: readonly string[],
    since: LocalDate,
  ): Promise<{ id: string; areaId: string; date: LocalDate }[]>;
  /** Every action plan and every number of the minutes of a meeting, decrypted. */
  documents(meetingId: string): Promise<MeetingDocumentRecord[]>;
  /**
   * The audit entries about these records (all actions), and the reads of these meetings' papers
   * (the actions named), oldest first.
   */
  auditTrail(input: {
    records: readonly { recordType: string; recordId: string }[];
    meetingIds: readonly string[];
    meetingReads: readonly string[];
  }): Promise<AuditTrailEntry[]>;
  people(personIds: readonly string[]): Promise<Map<string, PersonLabel>>;
  /** Names of the partnership's agencies and areas, by id. */
  names(
    partnershipId: string,
  ): Promise<{ agencies: Map<string, string>; areas: Map<string, string> }>;
}
