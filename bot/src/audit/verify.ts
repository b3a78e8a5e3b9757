import type { Db } from '../db/db.js';
import { walkChain } from './chain-walk.js';
import { readCheckpoint } from './checkpoint.js';

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first entry that is missing, edited or rewritten; null when ok or when only the checkpoint is bad. */
  firstBadEntry: string | null;
  /** A short sentence for the operator; null when ok. */
  reason: string | null;
}

export interface VerifyOptions {
  /** Where the signed checkpoint lives; null to check the chain alone. */
  dataDir: string | null;
  /** Rows per page read from the log. */
  pageSize?: number;
}

const DEFAULT_PAGE_SIZE = 5_000;

/**
 * Walks the audit log's hash chain and then compares it with the signed checkpoint. The chain
 * catches an edited or deleted entry; the checkpoint catches what the chain cannot, a chain
 * rewritten with fresh hashes or cut short below the checkpoint, because whoever rewrote the
 * table could not sign a new checkpoint.
 *
 * A rewritten chain can only be pinned down to the checkpoint's entry: the edit was there or
 * before it. Entries appended after the latest checkpoint are covered by the chain alone.
 */
export async function verifyAuditChain(db: Db, options: VerifyOptions): Promise<AuditVerification> {
  const read = options.dataDir
    ? await readCheckpoint(options.dataDir)
    : ({ status: 'none' } as const);
  const pin = read.status === 'valid' ? read.checkpoint : null;
  const walk = await walkChain(db, pin, options.pageSize ?? DEFAULT_PAGE_SIZE);
  const fail = (firstBadEntry: string | null, reason: string): AuditVerification => ({
    ok: false,
    entries: walk.entries,
    firstBadEntry,
    reason,
  });
  if (walk.firstFailure) return fail(walk.firstFailure.id, walk.firstFailure.reason);
  if (read.status === 'invalid') return fail(null, read.reason);
  if (pin && BigInt(walk.lastId) < BigInt(pin.id)) {
    const missing = (BigInt(walk.lastId) + 1n).toString();
    return fail(
      missing,
      `entry ${missing} missing: the log ends at entry ${walk.lastId} but the signed checkpoint covers entry ${pin.id} (truncated)`,
    );
  }
  return { ok: true, entries: walk.entries, firstBadEntry: null, reason: null };
}
