import { randomUUID } from 'node:crypto';
import type { DeliveryOutcome } from '#core/agendas/deliver-mail.js';
import type { Db, Queryable } from '../db/db.js';

export interface NewDelivery {
  purpose: string;
  subjectId: string;
  recipientKey: string;
  mailbox: string;
  messageId: string;
  /** An agenda copy's delivery mode and agency, fixed when the version was published. */
  mode?: string;
  agencyId?: string;
  /** Ciphertext: a password copy's password. */
  secret?: string | null;
}

export interface LeasedDelivery extends NewDelivery {
  id: string;
  attempt: number;
  /** An earlier attempt may have gone out: a retry, or a resend of a dead row. */
  mayHaveSent: boolean;
  leaseToken: string;
}

export type DeliveryStatus = 'queued' | 'sent' | 'dead';

export interface DeliveryRow extends NewDelivery {
  id: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
}

/**
 * Adds a recipient's row inside the caller's transaction; the same recipient twice is one row.
 * Answers the new row's id, or null when the recipient already had one.
 */
export async function enqueueDelivery(q: Queryable, delivery: NewDelivery): Promise<string | null> {
  const inserted = await q.query<{ id: string }>(
    `INSERT INTO mail_delivery (purpose, subject_id, recipient_key, mailbox, message_id, mode, agency_id, secret)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (purpose, subject_id, recipient_key) DO NOTHING RETURNING id::text AS id`,
    [
      delivery.purpose,
      delivery.subjectId,
      delivery.recipientKey,
      delivery.mailbox,
      delivery.messageId,
      delivery.mode ?? null,
      delivery.agencyId ?? null,
      delivery.secret ?? null,
    ],
  );
  return inserted.rows[0]?.id ?? null;
}

/**
 * Takes up to `limit` due rows under a lease. SKIP LOCKED lets several workers share the table;
 * the token makes sure a worker whose lease ran out cannot record over the one that took over.
 */
export async function leaseDeliveries(
  db: Db,
  limit: number,
  leaseSeconds: number,
): Promise<LeasedDelivery[]> {
  const token = randomUUID();
  const leased = await db.query<{
    id: string;
    purpose: string;
    subject_id: string;
    recipient_key: string;
    mailbox: string;
    message_id: string;
    attempts: number;
    resends: number;
  }>(
    `UPDATE mail_delivery SET lease_until = now() + make_interval(secs => $2), lease_token = $3, attempts = attempts + 1
      WHERE id IN (SELECT id FROM mail_delivery
                    WHERE status = 'queued' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
                    ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING id::text AS id, purpose, subject_id::text AS subject_id, recipient_key, mailbox, message_id, attempts, resends`,
    [limit, leaseSeconds, token],
  );
  return leased.rows.map((r) => ({
    id: r.id,
    purpose: r.purpose,
    subjectId: r.subject_id,
    recipientKey: r.recipient_key,
    mailbox: r.mailbox,
    messageId: r.message_id,
    attempt: r.attempts,
    mayHaveSent: r.attempts > 1 || r.resends > 0,
    leaseToken: token,
  }));
}

/** Records an outcome, only while this worker still holds the lease; false when it lost it. */
export async function recordDelivery(
  db: Db,
  leased: LeasedDelivery,
  outcome: DeliveryOutcome,
): Promise<boolean> {
  const result = await db.query(
    `UPDATE mail_delivery
        SET status = $3, lease_until = NULL, lease_token = NULL,
            last_error = $4, found_in_sent_items = $5,
            sent_at = CASE WHEN $3 = 'sent' THEN now() ELSE sent_at END,
            next_attempt_at = now() + make_interval(secs => $6)
      WHERE id = $1 AND lease_token = $2 AND status = 'queued'`,
    [
      leased.id,
      leased.leaseToken,
      outcome.kind === 'retry' ? 'queued' : outcome.kind,
      outcome.kind === 'sent' ? null : outcome.reason.slice(0, 200),
      outcome.kind === 'sent' && outcome.foundInSentItems,
      outcome.kind === 'retry' ? outcome.afterSeconds : 0,
    ],
  );
  return result.affectedRows === 1;
}

/** Every recipient's row for one subject (an agenda version), for the coordinator's list. */
export async function deliveriesOf(
  q: Queryable,
  purpose: string,
  subjectId: string,
): Promise<DeliveryRow[]> {
  const found = await q.query<{
    id: string;
    recipient_key: string;
    mailbox: string;
    message_id: string;
    status: DeliveryStatus;
    attempts: number;
    last_error: string | null;
    sent_at: Date | null;
  }>(
    `SELECT id::text AS id, recipient_key, mailbox, message_id, status, attempts, last_error, sent_at
       FROM mail_delivery WHERE purpose = $1 AND subject_id = $2 ORDER BY id`,
    [purpose, subjectId],
  );
  return found.rows.map((r) => ({
    id: r.id,
    purpose,
    subjectId,
    recipientKey: r.recipient_key,
    mailbox: r.mailbox,
    messageId: r.message_id,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    sentAt: r.sent_at,
  }));
}

/**
 * The coordinator's resend of a dead row, or of a failed one waiting for its next attempt: tried
 * again now from the first attempt, with the same Message-ID, asking Sent Items first.
 */
export async function requeueDelivery(q: Queryable, id: string): Promise<boolean> {
  const result = await q.query(
    `UPDATE mail_delivery SET status = 'queued', attempts = 0, resends = resends + 1,
            next_attempt_at = now(), last_error = NULL
      WHERE id = $1 AND (status = 'dead' OR (status = 'queued' AND last_error IS NOT NULL))`,
    [id],
  );
  return result.affectedRows === 1;
}
