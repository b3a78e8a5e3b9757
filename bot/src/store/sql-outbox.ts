import type { OutboxJob, OutboxRepo } from '#core/ports/store.js';
import type { Db, Queryable } from '../db/db.js';

export function sqlOutbox(q: Queryable): OutboxRepo {
  return {
    async enqueue(job, idempotencyKey) {
      await q.query(
        `INSERT INTO outbox (kind, idempotency_key, payload) VALUES ($1, $2, $3)
         ON CONFLICT (idempotency_key) DO NOTHING`,
        [job.kind, idempotencyKey, JSON.stringify(job)],
      );
    },
    async pending(idempotencyKey) {
      const found = await q.query(
        `SELECT 1 FROM outbox WHERE idempotency_key = $1 AND status = 'pending'`,
        [idempotencyKey],
      );
      return found.rows.length > 0;
    },
  };
}

export interface LeasedJob {
  id: string;
  job: OutboxJob;
  attempts: number;
}

/** Which jobs a worker takes: only these kinds, or every kind but these. */
export type OutboxLane = { only: readonly string[] } | { except: readonly string[] };

/**
 * Takes the oldest due job (of the lane's kinds) under a lease. SKIP LOCKED lets several app
 * instances drain one outbox; the lease hands a job back if the instance that took it dies
 * mid-send.
 */
export async function leaseNext(
  db: Db,
  leaseSeconds: number,
  lane: OutboxLane = { except: [] },
): Promise<LeasedJob | null> {
  const [test, kinds] =
    'only' in lane ? ['= ANY($1::text[])', lane.only] : ['<> ALL($1::text[])', lane.except];
  return db.transaction(async (tx) => {
    const found = await tx.query<{ id: string; payload: OutboxJob; attempts: number }>(
      `SELECT id::text AS id, payload, attempts FROM outbox
        WHERE status = 'pending' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
          AND kind ${test}
        ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [kinds],
    );
    const row = found.rows[0];
    if (!row) return null;
    await tx.query(
      `UPDATE outbox SET lease_until = now() + make_interval(secs => $2), attempts = attempts + 1 WHERE id = $1`,
      [row.id, leaseSeconds],
    );
    return { id: row.id, job: row.payload, attempts: row.attempts + 1 };
  });
}

export async function completeJob(db: Db, id: string): Promise<void> {
  await db.query(
    `UPDATE outbox SET status = 'done', done_at = now(), lease_until = NULL, last_error = NULL WHERE id = $1`,
    [id],
  );
}

/** `retryInSeconds` null makes the failure final; the error text is a code, never case data. */
export async function failJob(
  db: Db,
  id: string,
  error: string,
  retryInSeconds: number | null,
): Promise<void> {
  await db.query(
    `UPDATE outbox SET lease_until = NULL, last_error = $2,
       status = CASE WHEN $3::int IS NULL THEN 'failed' ELSE 'pending' END,
       next_attempt_at = now() + make_interval(secs => COALESCE($3::int, 0))
     WHERE id = $1`,
    [id, error.slice(0, 500), retryInSeconds],
  );
}

export async function pendingJobCount(db: Db): Promise<number> {
  const result = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM outbox WHERE status = 'pending'`,
  );
  return result.rows[0]!.n;
}
