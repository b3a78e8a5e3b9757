import type { DeliveryMode } from '../contracts/api.js';
import type { MinutesSection, PlanCase } from '../contracts/document-api.js';

/*
 * The documents a closed meeting produces (issue #11): the action plan and the minutes, each a
 * numbered, versioned row whose content the store seals under the area's data key. These records
 * carry the content decrypted; only use cases that have checked the reader hold them.
 */

export type DocumentKind = 'action-plan' | 'minutes';
export type DocumentState = 'draft' | 'approved' | 'circulated';

/** What each kind of document holds. */
export interface DocumentContent {
  'action-plan': { cases: PlanCase[] };
  minutes: { sections: MinutesSection[] };
}

export interface MeetingDocumentRecord<K extends DocumentKind = DocumentKind> {
  id: string;
  meetingId: string;
  areaId: string;
  kind: K;
  number: number;
  state: DocumentState;
  content: DocumentContent[K];
  version: number;
  dueAt: Date;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string | null;
  approvedAt: Date | null;
  approvedBy: string | null;
  circulatedAt: Date | null;
  circulatedBy: string | null;
}

/** One agency's copy: one message to all of the agency's reps on the meeting. */
export interface AgencyCopy {
  agencyId: string;
  mode: DeliveryMode;
}

export interface DocumentDeliveryRecord {
  id: string;
  agencyId: string;
  agency: string;
  mode: DeliveryMode;
  status: 'queued' | 'sent' | 'dead';
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
}

export interface MeetingDocumentsRepo {
  /**
   * The highest number of a kind for a meeting (`circulated`: the highest circulated, what the
   * agencies have); `forUpdate` holds it to the transaction's end.
   */
  latest<K extends DocumentKind>(
    meetingId: string,
    kind: K,
    options?: { forUpdate?: boolean; circulated?: boolean },
  ): Promise<MeetingDocumentRecord<K> | null>;
  insert(document: MeetingDocumentRecord): Promise<void>;
  /** Replaces the row's state, content and times (the caller has checked the version). */
  save(document: MeetingDocumentRecord): Promise<void>;
  /**
   * One delivery row per agency, in the caller's transaction, with our Message-ID (and, for a
   * password copy, one new password kept encrypted). Returns the new rows; an agency that already
   * has its row gets none (exactly once).
   */
  enqueueCopies(input: {
    document: Pick<MeetingDocumentRecord, 'id' | 'kind' | 'areaId' | 'meetingId'>;
    mailbox: string;
    copies: readonly AgencyCopy[];
  }): Promise<{ id: string; copy: AgencyCopy }[]>;
  deliveries(documentId: string): Promise<DocumentDeliveryRecord[]>;
  /**
   * Queues the document's copy to one agency again when it is dead or failing: the same row, its
   * Message-ID and password (Sent Items is asked first, so it never goes twice). False when there
   * is no such copy or it is sent or waiting without a problem.
   */
  requeue(documentId: string, agencyId: string): Promise<boolean>;
}
