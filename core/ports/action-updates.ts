import type { ActionOutcome } from '../contracts/action-api.js';

/*
 * What the owners of actions record after the meeting (issue #11), and who the owners are. The
 * words of an update are sealed under the case's data key by the store; these records carry
 * them decrypted, and only use cases that have checked the reader hold them.
 */

export interface ActionUpdateRecord {
  id: string;
  actionId: string;
  caseId: string;
  outcome: ActionOutcome;
  /** The note (done) or the reason (update, cannot). */
  words: string;
  previousDueAt: Date;
  /** The new due time of an `update`; null otherwise. */
  newDueAt: Date | null;
  /** The owner agency the update was made for. */
  agencyId: string;
  updatedBy: string | null;
  updatedAt: Date;
  /** The action's version after this update. */
  version: number;
}

/** An action of an agency, by id, with the date of the meeting that agreed it. */
export interface OwnedActionRef {
  actionId: string;
  meetingDate: string;
}

export interface ActionUpdatesRepo {
  insert(update: ActionUpdateRecord): Promise<void>;
  /** The updates of these actions, oldest first, their words decrypted. */
  forActions(actionIds: readonly string[]): Promise<ActionUpdateRecord[]>;
  /** The agency's core rep and deputy in the area (person ids; core first). */
  repIds(areaId: string, agencyId: string): Promise<string[]>;
  /** Whether the person is the agency's core rep or deputy in the area. */
  isRep(areaId: string, agencyId: string, personId: string): Promise<boolean>;
  /**
   * The actions owned by the agencies the person is core rep or deputy of, in every area where
   * they are: each incomplete one, and each finished (done, cannot, not done) since `since`.
   */
  ownedByRep(personId: string, since: Date): Promise<OwnedActionRef[]>;
}
