import type { DashboardRepo } from './dashboard.js';
import type { DeliveryMode } from '../contracts/api.js';
import type { ActionUpdatesRepo } from './action-updates.js';
import type { AgendasRepo } from './agendas.js';
import type { Cadence, MeetingProtocol, Region } from '../meetings/protocol.js';
import type { LocalDate } from '../shared/local-date.js';
import type { RiskSettings } from '../referrals/risk-settings.js';
import type { CalendarAttendee } from './calendar.js';
import type { LivePublisher } from './live.js';
import type { MeetingActionsRepo, MeetingRunRepo } from './meeting-run.js';
import type { ActionChasingRepo } from './chasing.js';
import type { ReferralsRepo } from './referrals.js';
import type { ResearchRepo } from './research.js';
import type { MeetingDocumentsRepo } from './meeting-documents.js';
import type { SubjectAccessRepo } from './subject-access.js';
import type { RetentionRepo } from './retention.js';

/** What the scheduling use cases read and write. One implementation per store (SQL today). */
export interface AreaRecord {
  id: string;
  partnershipId: string;
  name: string;
  /** The short code that starts each referral reference (NBW); absent where none was set. */
  code?: string | null;
  mailbox: string;
  protocol: MeetingProtocol;
  region: Region;
  closures: LocalDate[];
  /** Referral rules; repeat window and capacity come from the protocol (one source each). */
  riskSettings: RiskSettings;
}

export interface SeriesRecord {
  id: string;
  areaId: string;
  firstDate: LocalDate;
  until: LocalDate;
  sequence: number;
  calendarStatus: 'pending' | 'sent' | 'failed';
  calendarRef: string | null;
  joinUrl: string | null;
}

export type MeetingStatus = 'scheduled' | 'moved' | 'cancelled';

export interface MeetingRecord {
  id: string;
  areaId: string;
  seriesId: string | null;
  patternDate: LocalDate;
  date: LocalDate;
  startTime: string;
  startsAt: Date;
  endsAt: Date;
  status: MeetingStatus;
  movedFrom: LocalDate | null;
  changeReason: string | null;
}

export interface Rep {
  name: string;
  email: string;
}

export type { DeliveryMode };

/** A rep's S/MIME certificate as stored: the PEM, and what the coordinator is shown of it. */
export interface StoredCertificate {
  pem: string;
  email: string;
  subject: string;
  notAfter: Date;
  fingerprint: string;
}

export interface AgencyRecord {
  id: string;
  name: string;
  kind: string;
  coreRep: Rep | null;
  deputyRep: Rep | null;
  /** How the agency's reps receive the agenda; `link` (nothing leaves) until the coordinator sets it. */
  deliveryMode: DeliveryMode;
  certificates: StoredCertificate[];
}

export interface AreasRepo {
  get(id: string): Promise<AreaRecord | null>;
  list(): Promise<AreaRecord[]>;
  updateProtocol(id: string, protocol: MeetingProtocol): Promise<void>;
  updateRiskSettings(id: string, settings: RiskSettings): Promise<void>;
  agencies(areaId: string): Promise<AgencyRecord[]>;
  /** Core reps of the area's agencies. */
  coreReps(areaId: string): Promise<CalendarAttendee[]>;
  /** The people holding any of these roles in the area (the chair, the IDVAs), by email. */
  peopleInRoles(areaId: string, roles: readonly string[]): Promise<CalendarAttendee[]>;
  setReps(
    areaId: string,
    agencyId: string,
    core: Rep,
    deputy: Rep | null,
  ): Promise<AgencyRecord | null>;
  /** Records how the agency receives papers; certificates null keeps the stored ones. */
  setDelivery(
    areaId: string,
    agencyId: string,
    mode: DeliveryMode,
    certificates: StoredCertificate[] | null,
  ): Promise<AgencyRecord | null>;
}

export interface SeriesRepo {
  forArea(areaId: string): Promise<SeriesRecord | null>;
  get(id: string): Promise<SeriesRecord | null>;
  insert(series: SeriesRecord): Promise<void>;
  /** Bumps the iCalendar sequence and returns the new value. */
  nextSequence(id: string): Promise<number>;
  recordCalendar(
    id: string,
    result: Pick<SeriesRecord, 'calendarStatus' | 'calendarRef' | 'joinUrl'>,
  ): Promise<void>;
}

export interface MeetingsRepo {
  get(id: string): Promise<MeetingRecord | null>;
  listForArea(
    areaId: string,
    range: { from?: LocalDate; to?: LocalDate },
  ): Promise<MeetingRecord[]>;
  listForSeries(seriesId: string): Promise<MeetingRecord[]>;
  insertMany(meetings: MeetingRecord[]): Promise<void>;
  update(meeting: MeetingRecord): Promise<void>;
  /** Where an extra meeting's own calendar item is (a series meeting's is its series'). */
  recordCalendar(meetingId: string, calendarRef: string, joinUrl: string | null): Promise<void>;
  /** The accepted referrals on a meeting (the cases it will hear), oldest first. */
  caseIds(meetingId: string): Promise<string[]>;
  /**
   * The same cases by their plain columns only (nothing decrypted): the reference and how many
   * children, which is all the agenda's order needs.
   */
  caseSummaries(
    meetingId: string,
  ): Promise<{ id: string; reference: string; childrenCount: number }[]>;
  /** How many accepted referrals each of the area's meetings holds (meetings with none left out). */
  caseCounts(areaId: string): Promise<Map<string, number>>;
  /** Keeps the history of a case moved between meetings; the reason is encrypted. */
  recordCaseMove(move: CaseMove): Promise<void>;
}

/** A case moved from one meeting to another, by hand or because its meeting was cancelled. */
export interface CaseMove {
  id: string;
  referralId: string;
  /** The case whose data key seals the reason. */
  caseId: string;
  fromMeetingId: string;
  toMeetingId: string;
  /** The coordinator's words: kept in the app, never sent to the referrer. */
  reason: string;
  movedAt: Date;
}

export type OutboxJob = CalendarJob | NotifyJob | ExtraMeetingJob;

/** Send an extra meeting (outside the series) to the calendar. */
export type ExtraMeetingJob = { kind: 'calendar.create-extra'; meetingId: string };

/**
 * Tell a referrer in Teams that their referral's status changed (reference and status only), or
 * (`moved`) that their accepted case is now on another meeting.
 */
export type NotifyJob =
  | { kind: 'notify.referrer'; referralId: string; status: string }
  /** Send a rep the password of their copy of an agenda (a `password` delivery), by the bot. */
  | { kind: 'notify.agenda-password'; deliveryId: string }
  /** Tell the area's coordinators that an agenda delivery is dead (meeting date only). */
  | { kind: 'notify.delivery-dead'; deliveryId: string }
  /** Tell the area's coordinators an agenda is due out or overdue: the words name the meeting only. */
  | { kind: 'notify.agenda-warning'; areaId: string; meetingId: string; text: string }
  /**
   * One research prompt message to one rep: the card of one case, or (`referralId` null) the
   * card with the case picker. Built at send time from the store: ids only in the job.
   */
  | {
      kind: 'notify.research-prompt';
      meetingId: string;
      agencyId: string;
      personId: string;
      referralId: string | null;
      /** The meeting's cases in agenda order when it was queued: what the picker lists. */
      caseIds: string[];
    }
  /** A rep the bot could not reach in Teams: a mail that links to their research in the tab. */
  | { kind: 'notify.research-link'; meetingId: string; agencyId: string; personId: string }
  /**
   * Remind a rep of research their agency has not answered: `days` is the reminder time
   * (working days before the meeting), null when the coordinator chased the agency now.
   */
  | {
      kind: 'notify.research-reminder';
      meetingId: string;
      agencyId: string;
      personId: string;
      days: number | null;
    }
  /** Tell the area's coordinators which agencies have research missing: names and counts only. */
  | { kind: 'notify.research-missing'; meetingId: string; days: number }
  /**
   * Remind one rep of the owner agency of an action: before it is due or once overdue. `dueAt`
   * is the due time it was raised for (ISO): a job for a due time since changed sends nothing.
   * `by: 'mail'` is the link notice for a rep the bot cannot reach in Teams.
   */
  | {
      kind: 'notify.action-reminder';
      actionId: string;
      personId: string;
      reminder: string;
      dueAt: string;
      by: 'teams' | 'mail';
    }
  /** One action's card to one rep of its owner agency, after the meeting closed (issue #11). */
  | { kind: 'notify.action-card'; actionId: string; personId: string }
  /** Send one rep the password of their agency's copy of an action plan or minutes, by the bot. */
  | { kind: 'notify.document-password'; deliveryId: string; personId: string };

export type CalendarJob =
  | { kind: 'calendar.create-series'; seriesId: string }
  | { kind: 'calendar.update-series'; seriesId: string; sequence: number }
  | { kind: 'calendar.move-occurrence'; seriesId: string; meetingId: string; sequence: number }
  | { kind: 'calendar.cancel-occurrence'; seriesId: string; meetingId: string; sequence: number };

export interface OutboxRepo {
  /** Adds a job in the caller's transaction; a repeated key is a no-op (idempotent). */
  enqueue(job: OutboxJob, idempotencyKey: string): Promise<void>;
  /** Whether a job with this key is still waiting to be done (queued, or to be tried again). */
  pending(idempotencyKey: string): Promise<boolean>;
}

/**
 * The audit trail, written in the same transaction as the change it records. Only identifiers
 * and codes: the action, the kind of record and its id, never what the record says.
 */
export interface AuditRecorder {
  record(action: string, recordType: string, recordId: string): Promise<void>;
}

export interface Repos {
  audit: AuditRecorder;
  areas: AreasRepo;
  series: SeriesRepo;
  meetings: MeetingsRepo;
  outbox: OutboxRepo;
  referrals: ReferralsRepo;
  agendas: AgendasRepo;
  research: ResearchRepo;
  /** The meeting's run: register, running order, notes (issue #10). */
  meetingRun: MeetingRunRepo;
  /** Actions agreed at meetings, their review and corrections (issue #10). */
  meetingActions: MeetingActionsRepo;
  /** Chasing actions and the case lifecycle, plain columns only (issue #11). */
  actionChasing: ActionChasingRepo;
  /** What action owners record after the meeting, and who the owners are (issue #11). */
  actionUpdates: ActionUpdatesRepo;
  /** Live events, delivered when the transaction commits (issue #10's meeting view). */
  live: LivePublisher;
  /** The action plan and minutes of closed meetings (issue #11). */
  meetingDocuments: MeetingDocumentsRepo;
  /** The area dashboard's counts, plain columns only (issue #13). */
  dashboard: DashboardRepo;
  /** Everything held about one person, for subject access (issue #13). */
  subjectAccess: SubjectAccessRepo;
  /** How long each area keeps case records (issue #13). */
  retention: RetentionRepo;
}

/** Runs work in one transaction over every repository. */
export interface UnitOfWork {
  run<T>(work: (repos: Repos) => Promise<T>): Promise<T>;
}

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  newId(): string;
}

export type { Cadence };
