import type { Queryable } from '../db/db.js';

/*
 * A period's key must not be destroyed while a transaction is wrapping a data key under it and
 * has not committed yet (the purge would find no data key using it). Wrappers hold the period's
 * advisory lock shared until they commit; the purge takes it exclusively, then checks that
 * nothing uses the period, then destroys its key. Two-key form, so it cannot meet the audit's
 * or the migrations' one-key locks.
 */
const RETENTION_LOCK = 727_203;

/** Held until the caller's transaction ends (a statement's end, outside one). */
export async function holdPeriod(q: Queryable, period: string): Promise<void> {
  await q.query(`SELECT pg_advisory_xact_lock_shared(${RETENTION_LOCK}, hashtext($1))`, [period]);
}

/** The purge's lock on a period, before it checks that nothing uses it and destroys its key. */
export async function claimPeriod(q: Queryable, period: string): Promise<void> {
  await q.query(`SELECT pg_advisory_xact_lock(${RETENTION_LOCK}, hashtext($1))`, [period]);
}
