import type { Db } from '../db/db.js';
import { appendAudit } from './audit-log.js';

export interface RefusedRequest {
  actorId: string | null;
  action: string;
  recordId: string | null;
  correlationId: string;
}

/**
 * Records a refused request (401, 403, 404, 429). The first refusal of a kind from a caller in a
 * minute is an audit entry; the rest of that minute only raise its count in `refused_request`,
 * so a caller probing ids or hammering a route cannot grow the hash-chained log without bound.
 */
export async function recordRefused(db: Db, refused: RefusedRequest, now: Date): Promise<void> {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  await db.transaction(async (tx) => {
    const tally = await tx.query<{ count: number }>(
      `INSERT INTO refused_request (caller, action, minute, count) VALUES ($1, $2, $3, 1)
       ON CONFLICT (caller, action, minute) DO UPDATE SET count = refused_request.count + 1
       RETURNING count`,
      [refused.actorId ?? 'anonymous', refused.action, minute],
    );
    if (Number(tally.rows[0]?.count) !== 1) return;
    await appendAudit(tx, { ...refused, recordType: null, outcome: 'denied', at: now });
  });
}

/** How many times a caller was refused a kind of request in the minute starting at `minute`. */
export async function refusedCount(
  db: Db,
  caller: string | null,
  action: string,
  minute: Date,
): Promise<number> {
  const found = await db.query<{ count: number }>(
    'SELECT count FROM refused_request WHERE caller = $1 AND action = $2 AND minute = $3',
    [caller ?? 'anonymous', action, minute],
  );
  return Number(found.rows[0]?.count ?? 0);
}
