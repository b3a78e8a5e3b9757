import type { ActionStatus } from '../contracts/meeting-api.js';
import type { LocalDate } from '../shared/local-date.js';

/*
 * What chasing reads and writes (issue #11, items 4 and 6): plain columns only (ids, states,
 * due times, references), so the reminder sweep never opens what a meeting typed about a family.
 * The words of an action come through `MeetingActionsRepo.get`, to a reader who has been checked.
 */

/** When an area's action owners are reminded (migration 020). */
export interface ActionChasingSettings {
  /** Working days before the due day: 09:00 London that day. */
  daysBefore: number;
  /** An action due within this many hours of being agreed is also reminded on its due morning. */
  shortNoticeHours: number;
  /** Once overdue: the next working day, then every this many days. */
  overdueEveryDays: number;
}

/** An action as the chasing sees it: no words. */
export interface ChasedAction {
  id: string;
  meetingId: string;
  referralId: string;
  areaId: string;
  ownerAgencyId: string;
  /** The case reference on the meeting's running order. */
  reference: string;
  dueAt: Date;
  createdAt: Date;
  /** Its last write: an owner's new due time, a review, a correction. */
  updatedAt: Date;
  status: ActionStatus | 'cannot';
}

/** A case of the area with its last MARAC and how many of its actions are still incomplete. */
export interface CaseLastHeard {
  caseId: string;
  reference: string;
  lastHeardOn: LocalDate;
  actions: number;
  incompleteActions: number;
}

export interface ActionChasingRepo {
  settings(areaId: string): Promise<ActionChasingSettings>;
  setSettings(areaId: string, settings: ActionChasingSettings): Promise<void>;
  /** Incomplete (open or ongoing) actions of the area, earliest due first. */
  incomplete(areaId: string): Promise<ChasedAction[]>;
  /** Incomplete actions of the area due before `now`, earliest due first. */
  overdue(areaId: string, now: Date): Promise<ChasedAction[]>;
  /** One action, whatever its status (the sender checks it again); null if there is none. */
  action(actionId: string): Promise<ChasedAction | null>;
  /** The agency's core rep and deputy in the area, as person ids (none when unset). */
  agencyReps(areaId: string, agencyId: string): Promise<string[]>;
  /**
   * Records a reminder as raised; false when it was raised before (the caller then queues
   * nothing). In the caller's transaction, with the outbox job.
   */
  markRaised(input: {
    actionId: string;
    dueAt: Date;
    reminder: string;
    personId: string;
    at: Date;
  }): Promise<boolean>;
  /**
   * The area's cases by the date of the last meeting that heard them (its last accepted
   * referral's meeting), between `from` and `to` inclusive.
   */
  lastHeardBetween(areaId: string, from: LocalDate, to: LocalDate): Promise<CaseLastHeard[]>;
}
