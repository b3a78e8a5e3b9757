import type { Db } from '../db/db.js';
import type { KeyEncryptionKey } from './kek.js';

export interface RewrapOptions {
  /** The version to bring every data key to; the KEK's current one by default. */
  version?: string;
  /** Data keys per transaction. */
  batchSize?: number;
}

/**
 * `npx marac rotate-keys`: makes a new KEK version current, then re-wraps every data key under it.
 * The data itself is untouched: its data keys do not change, only the way they are wrapped.
 *
 * Old KEK versions must stay readable (kept in the key file; left enabled in Key Vault): backups
 * taken before the rotation hold data keys wrapped under them. This includes the blind index key
 * (owner `blind-index`), which is re-wrapped like any other but never replaced: a new one would
 * change every index term.
 *
 * Data keys under a retention period's key (cases, meetings) are not touched: that key is not
 * rotated but destroyed when its records are erased (retention-keys.ts).
 */
export async function rotateKeys(
  db: Db,
  kek: KeyEncryptionKey,
  options: Pick<RewrapOptions, 'batchSize'> = {},
): Promise<{ version: string; rewrapped: number }> {
  const version = await kek.rotate();
  const rewrapped = await rewrapDataKeys(db, kek, { ...options, version });
  return { version, rewrapped };
}

/**
 * Re-wraps every data key not yet under `version` (the current one by default), a batch per
 * transaction so a long run holds no lock for long and can be resumed by running it again.
 * Rows are visited in owner order, so a row another process adds meanwhile behind the cursor
 * under the old version is left for the next run; it stays readable either way.
 */
export async function rewrapDataKeys(
  db: Db,
  kek: KeyEncryptionKey,
  options: RewrapOptions = {},
): Promise<number> {
  const target = options.version ?? (await kek.currentVersion());
  const batchSize = options.batchSize ?? 100;
  let after = '';
  let count = 0;
  for (;;) {
    const owners = await db.transaction((tx) => rewrapBatch(tx, kek, { target, after, batchSize }));
    count += owners.length;
    const last = owners.at(-1);
    if (last === undefined || owners.length < batchSize) return count;
    after = last;
  }
}

async function rewrapBatch(
  tx: Pick<Db, 'query'>,
  kek: KeyEncryptionKey,
  { target, after, batchSize }: { target: string; after: string; batchSize: number },
): Promise<string[]> {
  const { rows } = await tx.query<{ owner: string; wrapped: Uint8Array; kek_version: string }>(
    `SELECT owner, wrapped, kek_version FROM data_key
      WHERE owner > $1 AND kek_version <> $2 AND period IS NULL ORDER BY owner LIMIT $3 FOR UPDATE`,
    [after, target, batchSize],
  );
  for (const row of rows) {
    const key = await kek.unwrap(Buffer.from(row.wrapped), row.kek_version);
    const next = await kek.wrap(key);
    key.fill(0);
    await tx.query(
      'UPDATE data_key SET wrapped = $2, kek_version = $3, rewrapped_at = now() WHERE owner = $1',
      [row.owner, next.wrapped, next.version],
    );
  }
  return rows.map((row) => row.owner);
}
