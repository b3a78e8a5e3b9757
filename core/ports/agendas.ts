import type { Agenda, TwelveMonthNotice } from '../agendas/agenda.js';
import type { LocalDate } from '../shared/local-date.js';
import type { DeliveryMode } from '../contracts/api.js';

/** Who sits on a meeting, resolved: every agency, chair and IDVA of the area until a list is set. */
export interface MeetingMembers {
  isDefault: boolean;
  agencyIds: string[];
  chairIds: string[];
  idvaIds: string[];
}

/** A person who may be put on a meeting: a chair or an IDVA of the area. */
export interface AreaMember {
  id: string;
  name: string;
}

/** One published version of a meeting's agenda (1 is the agenda, 2 addendum 1...). */
export interface AgendaVersionRecord {
  id: string;
  meetingId: string;
  version: number;
  agenda: Agenda;
  /** One sentence per change from the version before. */
  changes: string[];
  publishedAt: Date;
  publishedBy: string | null;
}

/** A rep who receives a meeting's agenda, with their agency's mode when it is published. */
export interface AgendaRecipient {
  personId: string;
  agencyId: string;
  mode: DeliveryMode;
  /** The agency's core rep or its deputy. */
  role: 'core' | 'deputy';
}

export type DeliveryState = 'queued' | 'sent' | 'dead';

/** A recipient's delivery as the coordinator's list shows it. */
export interface AgendaDeliveryRecord {
  id: string;
  version: number;
  agencyId: string;
  agency: string;
  recipient: string;
  mode: DeliveryMode;
  status: DeliveryState;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
}

export interface AgendasRepo {
  members(meetingId: string, areaId: string): Promise<MeetingMembers>;
  setMembers(
    meetingId: string,
    members: { agencyIds: string[]; chairIds: string[]; idvaIds: string[] },
  ): Promise<void>;
  /** The area's chairs and IDVAs, by name. */
  areaMembers(areaId: string, role: 'chair' | 'idva'): Promise<AreaMember[]>;
  order(meetingId: string): Promise<string[]>;
  setOrder(meetingId: string, order: string[]): Promise<void>;
  /** Late reasons by referral id (decrypted). */
  lateReasons(meetingId: string, areaId: string): Promise<Map<string, string>>;
  addLateCase(input: {
    meetingId: string;
    areaId: string;
    referralId: string;
    reason: string;
    at: Date;
  }): Promise<void>;
  /** Cases last heard at a meeting of the area in the range, with no referral since. */
  twelveMonthNotices(areaId: string, from: LocalDate, to: LocalDate): Promise<TwelveMonthNotice[]>;
  versions(meetingId: string, areaId: string): Promise<AgendaVersionRecord[]>;
  insertVersion(version: AgendaVersionRecord, areaId: string): Promise<void>;
  /** The core and deputy reps of the agencies on the meeting, with each agency's mode now. */
  recipients(meetingId: string, areaId: string): Promise<AgendaRecipient[]>;
  /**
   * One delivery row per recipient, in the caller's transaction, with our Message-ID (and, for a
   * password copy, a new password kept encrypted). Returns the new rows' ids.
   */
  enqueueDeliveries(input: {
    versionId: string;
    mailbox: string;
    recipients: AgendaRecipient[];
  }): Promise<{ id: string; recipient: AgendaRecipient }[]>;
  deliveries(meetingId: string): Promise<AgendaDeliveryRecord[]>;
  /** Puts a dead row back in the queue with its attempts reset; false when it is not dead. */
  requeue(deliveryId: string, meetingId: string): Promise<AgendaDeliveryRecord | null>;
  /** Meetings of the area with a dead delivery of their agenda. */
  meetingsWithDeadDeliveries(areaId: string): Promise<string[]>;
  /** Meetings of the area with a published agenda. */
  publishedMeetings(areaId: string): Promise<Set<string>>;
  /** When each of the area's meetings first had its agenda published: its research began then. */
  firstPublished(areaId: string): Promise<Map<string, Date>>;
}
