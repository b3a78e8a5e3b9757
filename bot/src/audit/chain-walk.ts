import type { Db } from '../db/db.js';
import { GENESIS_HASH, hashEntry, type CanonicalEntry } from './audit-entry.js';

/** The first entry that fails a check, and why, as a short sentence. */
export interface ChainFailure {
  id: string;
  reason: string;
}

export interface ChainWalk {
  entries: number;
  /** The id of the last entry read ('0' for an empty log). */
  lastId: string;
  firstFailure: ChainFailure | null;
}

interface StoredRow {
  id: string;
  at_us: string;
  actor_id: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  outcome: string;
  correlation_id: string;
  prev_hash: string;
  hash: string;
}

// The time is read as text to the microsecond in UTC, not through the driver's Date parsing:
// the result then cannot depend on the driver or the session's zone, and a sub-millisecond edit
// (which the app never writes) still changes what is hashed. ORDER BY names `audit_log.id`
// because a bare `id` would mean the text alias, which sorts '10' before '9'.
const PAGE_SQL = `
  SELECT id::text AS id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS at_us,
         actor_id::text AS actor_id, action, record_type, record_id, outcome, correlation_id,
         prev_hash, hash
  FROM audit_log WHERE id > $1::bigint ORDER BY audit_log.id LIMIT $2`;

function canonicalFromRow(row: StoredRow): CanonicalEntry {
  const at = row.at_us.endsWith('000') ? `${row.at_us.slice(0, -3)}Z` : `${row.at_us}Z`;
  return {
    actorId: row.actor_id,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    outcome: row.outcome as CanonicalEntry['outcome'],
    correlationId: row.correlation_id,
    at,
  };
}

/** Checks one row against the one before it; null when it is sound. */
function checkRow(
  row: StoredRow,
  expectedId: bigint,
  prevHash: string,
  pinned: ChainFailure | null,
): ChainFailure | null {
  const id = BigInt(row.id);
  if (id !== expectedId)
    return { id: expectedId.toString(), reason: `entry ${expectedId} missing (deleted)` };
  if (row.prev_hash !== prevHash) {
    const before = expectedId === 1n ? 'the start of the log' : `entry ${expectedId - 1n}`;
    return {
      id: row.id,
      reason: `entry ${row.id}: prev_hash does not match ${before} (chain broken)`,
    };
  }
  if (hashEntry(row.id, canonicalFromRow(row), row.prev_hash) !== row.hash) {
    return { id: row.id, reason: `entry ${row.id}: hash does not match its content (edited)` };
  }
  return pinned;
}

/**
 * Reads the log in id order a page at a time (never the whole table at once) and checks that ids
 * run 1, 2, 3 with no gaps, that each entry links to the hash before it, that each hash
 * recomputes from its content, and that the entry at `pin.id`, if any, still has `pin.hash`.
 * After the first failure it only counts the remaining entries.
 */
export async function walkChain(
  db: Db,
  pin: { id: string; hash: string } | null,
  pageSize: number,
): Promise<ChainWalk> {
  let entries = 0;
  let expectedId = 1n;
  let prevHash = GENESIS_HASH;
  let firstFailure: ChainFailure | null = null;
  for (;;) {
    const page = await db.query<StoredRow>(PAGE_SQL, [(expectedId - 1n).toString(), pageSize]);
    for (const row of page.rows) {
      entries += 1;
      if (!firstFailure) {
        const pinned =
          pin && row.id === pin.id && row.hash !== pin.hash
            ? {
                id: row.id,
                reason: `entry ${row.id}: does not match the signed checkpoint (chain rewritten)`,
              }
            : null;
        firstFailure = checkRow(row, expectedId, prevHash, pinned);
      }
      expectedId = BigInt(row.id) + 1n;
      prevHash = row.hash;
    }
    if (page.rows.length < pageSize) break;
  }
  return { entries, lastId: (expectedId - 1n).toString(), firstFailure };
}
