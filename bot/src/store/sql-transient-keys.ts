import type { LocalDate } from '#core/shared/local-date.js';
import { parsePeriod, periodEnded } from '../crypto/retention-period.js';
import type { Db } from '../db/db.js';
import { KEY_LIFETIME_MS } from './sql-idempotency.js';

/**
 * Idempotency answers older than their 24 hours, and the day keys that sealed them once their
 * transient period has ended (the purge then destroys the period's key). Before migration 021
 * answers were sealed under one key per caller: it goes once no answer it sealed is left.
 */
export async function expireTransientKeys(db: Db, now: Date, today: LocalDate): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('DELETE FROM idempotency_key WHERE created_at < $1', [
      new Date(now.getTime() - KEY_LIFETIME_MS),
    ]);
    const dayKeys = await tx.query<{ owner: string; period: string }>(
      `SELECT owner, period FROM data_key WHERE period LIKE 'transient-%'`,
    );
    const ended = dayKeys.rows
      .filter((k) => parsePeriod(k.period) && periodEnded(k.period, today))
      .map((k) => k.owner);
    const gone = await tx.query('DELETE FROM data_key WHERE owner = ANY($1::text[])', [ended]);
    const legacy = await tx.query(
      `DELETE FROM data_key k
        WHERE k.owner ~ '^idempotency:[0-9a-f-]{36}$'
          AND NOT EXISTS (
            SELECT 1 FROM idempotency_key i
             WHERE k.owner = 'idempotency:' || i.caller_id::text
               AND i.created_at <= (SELECT applied_at FROM schema_migration WHERE id = '021-retention'))`,
    );
    return gone.affectedRows + legacy.affectedRows;
  });
}
