import { migrate } from '../../../bot/src/db/migrate.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { canonicalEntry, hashEntry, type AuditEntry } from '../../../bot/src/audit/audit-entry.js';
import { appendAuditStandalone } from '../../../bot/src/audit/audit-log.js';
import type { Db } from '../../../bot/src/db/db.js';

/** Invented ids only: the log never holds names, and neither do its tests. */
export const ACTOR = '5b0e6c1e-2f0a-4a53-9d0c-1f1f1f1f1f1f';
const T0 = Date.UTC(2027, 2, 30, 9, 0, 0, 0);

export function sampleEntry(n: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    actorId: ACTOR,
    action: n % 3 === 0 ? 'meeting.move' : 'case.read',
    recordType: 'case',
    recordId: `case-${n}`,
    outcome: 'ok',
    correlationId: `corr-${n}`,
    at: new Date(T0 + n * 1_234),
    ...overrides,
  };
}

export async function appendMany(db: Db, count: number): Promise<void> {
  for (let n = 1; n <= count; n += 1) await appendAuditStandalone(db, sampleEntry(n));
}

/**
 * Runs SQL with the append-only triggers off, as a database superuser (or the table's owner)
 * could: the tampering that audit-verify exists to catch.
 */
export async function asSuperuser(db: Db, sql: string, params: unknown[] = []): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('ALTER TABLE audit_log DISABLE TRIGGER ALL');
    await tx.query(sql, params);
    await tx.query('ALTER TABLE audit_log ENABLE TRIGGER ALL');
  });
}

export const clearLog = (db: Db) => asSuperuser(db, 'TRUNCATE audit_log');

interface Row {
  id: string;
  at: Date;
  actor_id: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  outcome: AuditEntry['outcome'];
  correlation_id: string;
  hash: string;
}

/**
 * Edits entry `fromId` and recomputes its hash and every later one up to `throughId` (default:
 * all), as an attacker who has read the (open) source would: the chain is consistent again.
 */
export async function rewriteChainFrom(
  db: Db,
  fromId: number,
  newAction: string,
  throughId = Infinity,
): Promise<void> {
  await asSuperuser(db, 'UPDATE audit_log SET action = $2 WHERE id = $1', [fromId, newAction]);
  const { rows } = await db.query<Row>(
    `SELECT id::text AS id, at, actor_id::text AS actor_id, action, record_type, record_id, outcome,
            correlation_id, hash FROM audit_log ORDER BY audit_log.id`,
  );
  let prevHash = rows.find((row) => Number(row.id) === fromId - 1)?.hash ?? '0'.repeat(64);
  for (const row of rows.filter((r) => Number(r.id) >= fromId && Number(r.id) <= throughId)) {
    const entry = canonicalEntry({
      actorId: row.actor_id,
      action: row.action,
      recordType: row.record_type,
      recordId: row.record_id,
      outcome: row.outcome,
      correlationId: row.correlation_id,
      at: new Date(row.at),
    });
    const hash = hashEntry(row.id, entry, prevHash);
    await asSuperuser(db, 'UPDATE audit_log SET prev_hash = $2, hash = $3 WHERE id = $1', [
      row.id,
      prevHash,
      hash,
    ]);
    prevHash = hash;
  }
}

export const makeTempDir = () => mkdtemp(path.join(tmpdir(), 'marac-audit-'));
export const removeDir = (dir: string) => rm(dir, { recursive: true, force: true });

/**
 * The hooks every audit test file shares: a migrated store for the file, and for each test an
 * empty log and a fresh data folder (for the checkpoint and its key).
 */
export function useAuditStore(open: () => Promise<Db>) {
  const state = { db: undefined as unknown as Db, dataDir: '' };
  beforeAll(async () => {
    state.db = await open();
    await migrate(state.db);
  });
  afterAll(() => state.db.close());
  beforeEach(async () => {
    await clearLog(state.db);
    state.dataDir = await makeTempDir();
  });
  afterEach(() => removeDir(state.dataDir));
  return state;
}
