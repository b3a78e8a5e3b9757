import type { Db, Queryable } from '../db/db.js';
import { canonicalEntry, GENESIS_HASH, hashEntry, type AuditEntry } from './audit-entry.js';

export type { AuditEntry } from './audit-entry.js';
export { AuditEntryError } from './audit-entry.js';

// Any constant will do, as long as every instance of the app uses the same one and it differs
// from the migration lock (727_201). Advisory locks are per database, not per schema.
const AUDIT_APPEND_LOCK = 727_202;

/**
 * Appends one entry to the hash chain inside the caller's transaction, so the entry commits with
 * the write it records, or neither does.
 *
 * The advisory lock is held until the caller's transaction ends: it serialises appenders so ids
 * run 1, 2, 3 with no gaps and each entry links to the one committed before it. That has costs:
 * - Every auditing transaction waits here for the previous one to commit, so call this as late
 *   as possible, just before the transaction commits, to hold the lock briefly and to avoid
 *   deadlocks with row locks taken afterwards.
 * - The caller's transaction must be READ COMMITTED (the default): under REPEATABLE READ an older
 *   snapshot would miss the latest entry and the insert would fail on the primary key.
 * PGlite has one connection and runs one transaction at a time, so there the lock is a no-op.
 *
 * Throws AuditEntryError, before touching the database, when the entry holds anything but ids
 * and short codes.
 */
export async function appendAudit(
  q: Queryable,
  entry: AuditEntry,
): Promise<{ id: string; hash: string }> {
  const canonical = canonicalEntry(entry);
  await q.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_APPEND_LOCK]);
  // `audit_log.id`, not `id`: a bare name in ORDER BY means the text alias, and '9' > '10'.
  const last = await q.query<{ id: string; hash: string }>(
    'SELECT id::text AS id, hash FROM audit_log ORDER BY audit_log.id DESC LIMIT 1',
  );
  const previous = last.rows[0];
  const id = previous ? (BigInt(previous.id) + 1n).toString() : '1';
  const prevHash = previous?.hash ?? GENESIS_HASH;
  const hash = hashEntry(id, canonical, prevHash);
  await q.query(
    `INSERT INTO audit_log (id, at, actor_id, action, record_type, record_id, outcome,
       correlation_id, prev_hash, hash)
     VALUES ($1::bigint, $2::timestamptz, $3::uuid, $4, $5, $6, $7, $8, $9, $10)`,
    [
      id,
      canonical.at,
      canonical.actorId,
      canonical.action,
      canonical.recordType,
      canonical.recordId,
      canonical.outcome,
      canonical.correlationId,
      prevHash,
      hash,
    ],
  );
  return { id, hash };
}

/**
 * Appends in a transaction of its own, for events with no write to ride along with: a denied
 * request, or a read. The denied request's own transaction (if any) rolls back; this must not.
 */
export function appendAuditStandalone(
  db: Db,
  entry: AuditEntry,
): Promise<{ id: string; hash: string }> {
  return db.transaction((tx) => appendAudit(tx, entry));
}
