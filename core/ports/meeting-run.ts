import type {
  ActionStatus,
  Attendance,
  CaseState,
  Seat,
  UrgentKind,
} from '../contracts/meeting-api.js';

/*
 * The meeting's own record (issue #10), in two repositories: the run (register, running order,
 * notes) and the actions (agreed, reviewed, corrected). Text about a family is sealed under the
 * case's data key by the store; these records carry it decrypted, and only use cases that have
 * checked the reader hold them.
 */

export interface RunRecord {
  meetingId: string;
  state: 'in-progress' | 'closed';
  startedAt: Date;
  startedBy: string | null;
  currentReferralId: string | null;
  closedAt: Date | null;
  closedBy: string | null;
  version: number;
}

export interface AttendanceRecord {
  meetingId: string;
  personId: string;
  seat: Seat;
  agencyId: string | null;
  attendance: Attendance | null;
  infoSentInAdvance: boolean;
  confirmedAt: Date | null;
  recordedBy: string | null;
  updatedAt: Date;
  version: number;
}

/** A case on the running order (plain columns only). */
export interface RunCaseRecord {
  meetingId: string;
  referralId: string;
  caseId: string;
  position: number;
  reference: string;
  hasChildren: boolean;
  state: CaseState;
  currentSince: Date | null;
  secondsSpent: number;
  deferredTo: string | null;
}

export interface CaseNotesRecord {
  facts: string;
  opinion: string;
  riskSummary: string;
  version: number;
  updatedBy: string | null;
  updatedAt: Date | null;
}

export interface MeetingRunRepo {
  /**
   * Holds the meeting's record for the rest of the transaction: its writes follow one another,
   * so a version checked is still the version when the row is written (two people saving at
   * once: the second is refused, not lost).
   */
  lock(meetingId: string): Promise<void>;
  /** Null until the chair starts the meeting. */
  run(meetingId: string): Promise<RunRecord | null>;
  saveRun(run: RunRecord): Promise<void>;
  attendance(meetingId: string): Promise<AttendanceRecord[]>;
  attendanceOf(meetingId: string, personId: string): Promise<AttendanceRecord | null>;
  /** Inserts or replaces the row (the caller has checked the version). */
  saveAttendance(record: AttendanceRecord): Promise<void>;
  /** The running order; empty until the meeting starts. */
  cases(meetingId: string): Promise<RunCaseRecord[]>;
  /** Writes the running order when the meeting starts. */
  insertCases(cases: readonly RunCaseRecord[]): Promise<void>;
  saveCase(record: RunCaseRecord): Promise<void>;
  /** Sealed under the case key; readable by the chair and coordinator only. */
  deferReason(meetingId: string, referralId: string): Promise<string | null>;
  setDeferReason(input: {
    meetingId: string;
    referralId: string;
    caseId: string;
    reason: string;
  }): Promise<void>;
  notes(meetingId: string, referralId: string): Promise<CaseNotesRecord>;
  saveNotes(
    meetingId: string,
    referralId: string,
    caseId: string,
    notes: CaseNotesRecord,
  ): Promise<void>;
  /** The people holding a role in the area, by name (the register's coordinators, observers). */
  areaPeople(
    areaId: string,
    role: 'coordinator' | 'observer',
  ): Promise<{ id: string; name: string }[]>;
  /** Professionals' names by person id (the register); unknown ids are left out. */
  names(personIds: readonly string[]): Promise<Map<string, string>>;
  /** The area's target minutes per case. */
  caseTargetMinutes(areaId: string): Promise<number>;
  setCaseTargetMinutes(areaId: string, minutes: number): Promise<void>;
}

export interface ActionRecord {
  id: string;
  meetingId: string;
  referralId: string;
  caseId: string;
  areaId: string;
  ownerAgencyId: string;
  ownerPerson: string | null;
  what: string;
  risk: string;
  dueAt: Date;
  urgent: UrgentKind | null;
  status: ActionStatus;
  createdBy: string | null;
  createdAt: Date;
  updatedBy: string | null;
  updatedAt: Date;
  version: number;
}

export interface ActionReviewRecord {
  meetingId: string;
  actionId: string;
  outcome: 'done' | 'ongoing' | 'not-done';
  notDoneReason: 'circumstances-changed' | 'agency-did-not-act' | null;
  newDueAt: Date | null;
  reviewedBy: string | null;
  reviewedAt: Date;
}

export interface CorrectionRecord {
  id: string;
  meetingId: string;
  recordType: 'notes' | 'action';
  recordId: string;
  caseId: string;
  /** The version being replaced. */
  version: number;
  /** What the record said before, as JSON (sealed by the store). */
  before: string;
  reason: string;
  correctedBy: string | null;
  correctedAt: Date;
}

export interface MeetingActionsRepo {
  /** `forUpdate`: the row stays locked until the transaction ends (a versioned write reads so). */
  get(actionId: string, options?: { forUpdate?: boolean }): Promise<ActionRecord | null>;
  forMeeting(meetingId: string, referralId?: string): Promise<ActionRecord[]>;
  /**
   * Incomplete (open or ongoing) actions of the area agreed at meetings before this one, with
   * what this meeting's review said of any.
   */
  incompleteBefore(
    areaId: string,
    meetingId: string,
  ): Promise<{ action: ActionRecord; meetingDate: string; review: ActionReviewRecord | null }[]>;
  insert(action: ActionRecord): Promise<void>;
  save(action: ActionRecord): Promise<void>;
  saveReview(review: ActionReviewRecord): Promise<void>;
  addCorrection(correction: CorrectionRecord): Promise<void>;
  /** The corrections of one record, oldest first, their words decrypted (audit and tests). */
  corrections(
    meetingId: string,
    recordType: CorrectionRecord['recordType'],
    recordId: string,
  ): Promise<CorrectionRecord[]>;
}
