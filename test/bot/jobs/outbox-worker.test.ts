import { pino } from 'pino';
import { startOutboxWorker } from '../../../bot/src/jobs/outbox-worker.js';
import type { Db } from '../../../bot/src/db/db.js';
import { migrate } from '../../../bot/src/db/migrate.js';
import { openPgliteDb } from '../../../bot/src/db/pglite-db.js';
import { sqlOutbox } from '../../../bot/src/store/sql-outbox.js';
import type { CalendarJob, OutboxJob } from '#core/ports/store.js';

const log = pino({ level: 'silent' });
const job = (seriesId: string): OutboxJob => ({ kind: 'calendar.create-series', seriesId });

async function row(db: Db, key: string) {
  const found = await db.query<{
    status: string;
    attempts: number;
    last_error: string | null;
    wait: number;
  }>(
    `SELECT status, attempts, last_error, extract(epoch FROM next_attempt_at - now())::int AS wait
       FROM outbox WHERE idempotency_key = $1`,
    [key],
  );
  return found.rows[0]!;
}

describe('outbox worker', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openPgliteDb(null);
    await migrate(db);
  });
  afterAll(() => db.close());
  beforeEach(() => db.query('DELETE FROM outbox'));

  it('sends jobs in order and marks them done', async () => {
    const sent: string[] = [];
    await sqlOutbox(db).enqueue(job('a'), 'a');
    await sqlOutbox(db).enqueue(job('b'), 'b');
    const worker = startOutboxWorker({
      db,
      log,
      handle: async (j) => void sent.push((j as CalendarJob).seriesId),
    });
    await worker.drain();
    await worker.stop();
    expect(sent).toEqual(['a', 'b']);
    expect((await row(db, 'a')).status).toBe('done');
  });

  it("waits as long as the calendar's Retry-After asks, keeping the job", async () => {
    await sqlOutbox(db).enqueue(job('c'), 'c');
    const throttled = Object.assign(new Error('throttled'), {
      name: 'GraphError',
      status: 429,
      retryAfterSeconds: 120,
    });
    const worker = startOutboxWorker({ db, log, handle: async () => Promise.reject(throttled) });
    await worker.drain();
    await worker.stop();
    const after = await row(db, 'c');
    expect(after).toMatchObject({ status: 'pending', attempts: 1, last_error: 'GraphError 429' });
    expect(after.wait).toBeGreaterThan(110);
  });

  it('fails a job for good on an answer that cannot change, or after the last attempt', async () => {
    await sqlOutbox(db).enqueue(job('d'), 'd');
    await sqlOutbox(db).enqueue(job('e'), 'e');
    const handle = async (j: OutboxJob) => {
      if ((j as CalendarJob).seriesId === 'd')
        throw Object.assign(new Error('bad'), { status: 400 });
      throw new Error('network down');
    };
    const worker = startOutboxWorker({ db, log, handle, maxAttempts: 1 });
    await worker.drain();
    await worker.stop();
    expect((await row(db, 'd')).status).toBe('failed');
    expect((await row(db, 'e')).status).toBe('failed');
  });
});
