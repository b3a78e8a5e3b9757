import type { Logger } from 'pino';
import type { OutboxJob } from '#core/ports/store.js';
import { isDomainError } from '#core/shared/errors.js';
import type { Db } from '../db/db.js';
import { completeJob, failJob, leaseNext, type OutboxLane } from '../store/sql-outbox.js';
import { startDrainLoop } from './drain-loop.js';

/** `attempt` counts from 1: a handler may do something else on a later try (a fallback). */
export type JobHandler = (job: OutboxJob, attempt: number) => Promise<void>;

export interface OutboxWorkerOptions {
  db: Db;
  handle: JobHandler;
  log: Logger;
  pollMs?: number;
  leaseSeconds?: number;
  maxAttempts?: number;
  /** The kinds this worker takes (default: all). */
  lane?: OutboxLane;
  /** Jobs sent at once (default 1: one at a time, in order). */
  concurrency?: number;
  /** Said in the log: which worker. */
  name?: string;
}

/** What an adapter's error may tell the worker: how long to wait (Graph's Retry-After), or status. */
interface RetryAfter {
  retryAfterSeconds?: number;
  status?: number;
}

// Answers that will come back the same however often the job is tried.
const FINAL_STATUSES = new Set([400, 404, 409, 422]);

function isFinal(error: unknown, attempts: number, maxAttempts: number): boolean {
  if (attempts >= maxAttempts) return true;
  const status = (error as RetryAfter | null)?.status;
  return typeof status === 'number' && FINAL_STATUSES.has(status);
}

function backoffSeconds(attempts: number, error: unknown): number {
  const hinted = (error as RetryAfter | null)?.retryAfterSeconds;
  if (typeof hinted === 'number' && hinted > 0) return Math.ceil(hinted);
  return Math.min(3600, 5 * 2 ** (attempts - 1));
}

function errorCode(error: unknown): string {
  if (isDomainError(error)) return error.code;
  const e = error as { code?: unknown; status?: unknown; name?: unknown };
  return [e.name, e.status, e.code].filter((part) => part !== undefined).join(' ') || 'UNKNOWN';
}

/**
 * Sends outbox jobs one at a time, in order. Failures are retried with backoff (or the
 * calendar's Retry-After) up to a limit, then marked failed for an operator to look at.
 */
export function startOutboxWorker(options: OutboxWorkerOptions) {
  const { db, handle, log } = options;
  const maxAttempts = options.maxAttempts ?? 8;

  async function sendEach(stopped: () => boolean): Promise<void> {
    for (;;) {
      if (stopped()) return;
      const leased = await leaseNext(db, options.leaseSeconds ?? 120, options.lane);
      if (!leased) return;
      try {
        await handle(leased.job, leased.attempts);
        await completeJob(db, leased.id);
        log.debug({ jobId: leased.id, kind: leased.job.kind }, 'outbox job sent');
      } catch (error) {
        const final = isFinal(error, leased.attempts, maxAttempts);
        const wait = final ? null : backoffSeconds(leased.attempts, error);
        await failJob(db, leased.id, errorCode(error), wait);
        log.warn(
          { jobId: leased.id, kind: leased.job.kind, code: errorCode(error), retryInSeconds: wait },
          'outbox job failed',
        );
      }
    }
  }

  /** Several senders take jobs side by side; each job is still leased to one of them. */
  const drainOnce = async (stopped: () => boolean) => {
    const senders = Math.max(1, options.concurrency ?? 1);
    await Promise.all(Array.from({ length: senders }, () => sendEach(stopped)));
  };

  return startDrainLoop({ drainOnce, log, name: options.name ?? 'outbox', pollMs: options.pollMs });
}
