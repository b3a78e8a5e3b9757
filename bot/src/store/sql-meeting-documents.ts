import type { DeliveryMode } from '#core/ports/store.js';
import type {
  DocumentKind,
  MeetingDocumentRecord,
  MeetingDocumentsRepo,
} from '#core/ports/meeting-documents.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Queryable } from '../db/db.js';
import { newMessageId } from '../mail/message-id.js';
import { meetingRef } from './sql-agenda-copies.js';
import { newAgendaPassword } from './sql-agendas.js';
import { enqueueDelivery, requeueDelivery } from './sql-deliveries.js';

/*
 * The action plans and minutes of closed meetings (migration 019): the content is one JSON
 * document sealed under the meeting's key (migration 021) (the row id and column in the associated data); copies
 * are `mail_delivery` rows with the document's kind as purpose and one agency as recipient.
 */

interface DocumentRow {
  id: string;
  meeting_id: string;
  area_id: string;
  kind: DocumentKind;
  number: number;
  state: MeetingDocumentRecord['state'];
  content: string;
  version: number;
  due_at: Date | string;
  created_at: Date | string;
  updated_at: Date | string;
  updated_by: string | null;
  approved_at: Date | string | null;
  approved_by: string | null;
  circulated_at: Date | string | null;
  circulated_by: string | null;
}

const dateOrNull = (value: Date | string | null): Date | null =>
  value === null ? null : new Date(value);

/** The `mail_delivery.recipient_key` of an agency's one copy. */
export const agencyRecipientKey = (agencyId: string): string => `agency:${agencyId}`;

/** Cheapest first, as for agendas: notices leave while the encrypted copies are built. */
const COST: Record<DeliveryMode, number> = { link: 0, purview: 1, smime: 2, password: 3 };

export async function openDocument(
  q: Queryable,
  crypto: AppCrypto,
  row: DocumentRow,
): Promise<MeetingDocumentRecord> {
  const content = await crypto.cipher.decrypt(
    meetingRef(row.meeting_id, 'meeting_document', 'content', row.id),
    row.content,
    q,
  );
  return {
    id: row.id,
    meetingId: row.meeting_id,
    areaId: row.area_id,
    kind: row.kind,
    number: row.number,
    state: row.state,
    content: JSON.parse(content) as MeetingDocumentRecord['content'],
    version: row.version,
    dueAt: new Date(row.due_at),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    updatedBy: row.updated_by,
    approvedAt: dateOrNull(row.approved_at),
    approvedBy: row.approved_by,
    circulatedAt: dateOrNull(row.circulated_at),
    circulatedBy: row.circulated_by,
  };
}

/** One document row by id, decrypted (the mail worker's read); null when there is none. */
export async function documentById(
  q: Queryable,
  crypto: AppCrypto,
  id: string,
): Promise<MeetingDocumentRecord | null> {
  const found = await q.query<DocumentRow>('SELECT * FROM meeting_document WHERE id = $1', [id]);
  return found.rows[0] ? openDocument(q, crypto, found.rows[0]) : null;
}

export function sqlMeetingDocuments(q: Queryable, crypto: AppCrypto): MeetingDocumentsRepo {
  const seal = (d: MeetingDocumentRecord) =>
    crypto.cipher.encrypt(
      meetingRef(d.meetingId, 'meeting_document', 'content', d.id),
      JSON.stringify(d.content),
      q,
    );
  return {
    async latest<K extends DocumentKind>(
      meetingId: string,
      kind: K,
      options: { forUpdate?: boolean; circulated?: boolean } = {},
    ) {
      const found = await q.query<DocumentRow>(
        `SELECT * FROM meeting_document WHERE meeting_id = $1 AND kind = $2
          ${options.circulated ? "AND state = 'circulated'" : ''}
          ORDER BY number DESC LIMIT 1${options.forUpdate ? ' FOR UPDATE' : ''}`,
        [meetingId, kind],
      );
      const row = found.rows[0];
      return row ? ((await openDocument(q, crypto, row)) as MeetingDocumentRecord<K>) : null;
    },
    async insert(d) {
      await q.query(
        `INSERT INTO meeting_document (id, meeting_id, area_id, kind, number, state, content, version,
           due_at, created_at, updated_at, updated_by, approved_at, approved_by, circulated_at, circulated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [
          d.id,
          d.meetingId,
          d.areaId,
          d.kind,
          d.number,
          d.state,
          await seal(d),
          d.version,
          d.dueAt,
          d.createdAt,
          d.updatedAt,
          d.updatedBy,
          d.approvedAt,
          d.approvedBy,
          d.circulatedAt,
          d.circulatedBy,
        ],
      );
    },
    async save(d) {
      await q.query(
        `UPDATE meeting_document SET state = $2, content = $3, version = $4, updated_at = $5,
                updated_by = $6, approved_at = $7, approved_by = $8, circulated_at = $9, circulated_by = $10
          WHERE id = $1`,
        [
          d.id,
          d.state,
          await seal(d),
          d.version,
          d.updatedAt,
          d.updatedBy,
          d.approvedAt,
          d.approvedBy,
          d.circulatedAt,
          d.circulatedBy,
        ],
      );
    },
    async enqueueCopies({ document, mailbox, copies }) {
      const rows: { id: string; copy: (typeof copies)[number] }[] = [];
      for (const copy of [...copies].sort((a, b) => COST[a.mode] - COST[b.mode])) {
        const messageId = newMessageId(mailbox);
        const secret =
          copy.mode === 'password'
            ? await crypto.cipher.encrypt(
                meetingRef(document.meetingId, 'mail_delivery', 'secret', messageId),
                newAgendaPassword(),
                q,
              )
            : null;
        const id = await enqueueDelivery(q, {
          purpose: document.kind,
          subjectId: document.id,
          recipientKey: agencyRecipientKey(copy.agencyId),
          mailbox,
          messageId,
          mode: copy.mode,
          agencyId: copy.agencyId,
          secret,
        });
        if (id) rows.push({ id, copy });
      }
      return rows;
    },
    async requeue(documentId, agencyId) {
      const found = await q.query<{ id: string }>(
        `SELECT id::text AS id FROM mail_delivery
          WHERE subject_id = $1 AND agency_id = $2 AND purpose IN ('action-plan', 'minutes')`,
        [documentId, agencyId],
      );
      const row = found.rows[0];
      return row !== undefined && (await requeueDelivery(q, row.id));
    },
    async deliveries(documentId) {
      const found = await q.query<{
        id: string;
        agency_id: string;
        agency: string;
        mode: DeliveryMode;
        status: 'queued' | 'sent' | 'dead';
        attempts: number;
        last_error: string | null;
        sent_at: Date | string | null;
      }>(
        `SELECT d.id::text AS id, d.agency_id, g.name AS agency, d.mode, d.status, d.attempts,
                d.last_error, d.sent_at
           FROM mail_delivery d JOIN agency g ON g.id = d.agency_id
          WHERE d.subject_id = $1 AND d.purpose IN ('action-plan', 'minutes')
          ORDER BY g.name, d.id`,
        [documentId],
      );
      return found.rows.map((r) => ({
        id: r.id,
        agencyId: r.agency_id,
        agency: r.agency,
        mode: r.mode,
        status: r.status,
        attempts: r.attempts,
        lastError: r.last_error,
        sentAt: dateOrNull(r.sent_at),
      }));
    },
  };
}
