import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db.js';
import { DATA_KEY_BYTES, KekError, type KeyEncryptionKey } from './kek.js';
import type { RetentionKeys } from './retention-keys.js';
import { holdPeriod } from './retention-lock.js';
import type { Placement } from './retention-placement.js';

/**
 * One row of `data_key`: a data key as it was wrapped, never the key itself. `period` null: by
 * the key-encryption key (version `kekVersion`); else by that retention period's key.
 */
export interface StoredDataKey {
  owner: string;
  wrapped: Buffer;
  kekVersion: string;
  period: string | null;
}

interface Unwrapped {
  wrapped: Buffer;
  key: Buffer;
}

/** Retention keys, and which period's key wraps each owner's data key. */
export interface RetentionWrapping {
  keys: RetentionKeys;
  place: Placement;
}

export async function readDataKey(
  q: Queryable,
  owner: string,
  forUpdate = false,
): Promise<StoredDataKey | null> {
  const { rows } = await q.query<{
    wrapped: Uint8Array;
    kek_version: string;
    period: string | null;
  }>(
    `SELECT wrapped, kek_version, period FROM data_key WHERE owner = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [owner],
  );
  const row = rows[0];
  // pg gives a Buffer, PGlite a Uint8Array: make both a Buffer.
  return row
    ? {
        owner,
        wrapped: Buffer.from(row.wrapped),
        kekVersion: row.kek_version,
        period: row.period,
      }
    : null;
}

/**
 * Data keys by owner, unwrapped once and kept in memory (least recently used dropped first), so
 * listing 100 rows does not ask Key Vault 100 times, even when they are decrypted all at once.
 * The cache remembers which wrapped bytes each key came from: a writer always re-reads the row and
 * compares, so a key made in a transaction that rolled back is never used to write again.
 *
 * With `retention`, a new data key is wrapped under the key its owner's placement names (a
 * retention period's, for case and meeting records), and `refile` moves it when that changes.
 */
export class DataKeyRing {
  private readonly cache = new Map<string, Promise<Unwrapped | null>>();

  constructor(
    private readonly kek: KeyEncryptionKey,
    private readonly maxOwners = 1000,
    private readonly retention: RetentionWrapping | null = null,
  ) {}

  /** The key to encrypt with, created (wrapped, in `q`) on first use. */
  async forWriting(q: Queryable, owner: string): Promise<Buffer> {
    const row = (await readDataKey(q, owner)) ?? (await this.create(q, owner));
    const cached = await this.cache.get(owner)?.catch(() => null);
    if (cached?.wrapped.equals(row.wrapped)) return cached.key;
    return (await this.remember(owner, this.unwrap(row))).key;
  }

  /** The key to decrypt with, or null when the owner has none. `fresh` skips the cache. */
  async forReading(q: Queryable, owner: string, fresh = false): Promise<Buffer | null> {
    let entry = fresh ? undefined : this.cache.get(owner);
    if (entry) this.touch(owner, entry);
    else
      entry = this.remember(
        owner,
        readDataKey(q, owner).then((row) => row && this.unwrap(row)),
      );
    return (await entry)?.key ?? null;
  }

  /**
   * Wraps the owner's data key again if its placement now names another period (a case heard
   * again falls due later), in `q`; the data key itself is unchanged. True if it moved.
   */
  async refile(q: Queryable, owner: string): Promise<boolean> {
    if (!this.retention) return false;
    const row = await readDataKey(q, owner, true);
    if (!row) return false;
    const target = await this.retention.place(q, owner);
    if (target === row.period) return false;
    const cached = await this.cache.get(owner)?.catch(() => null);
    const key = cached?.wrapped.equals(row.wrapped) ? cached.key : (await this.unwrap(row)).key;
    const next = await this.wrapUnder(q, target, key);
    await q.query(
      `UPDATE data_key SET wrapped = $2, kek_version = $3, period = $4, rewrapped_at = now()
        WHERE owner = $1`,
      [owner, next.wrapped, next.version, target],
    );
    this.touch(owner, Promise.resolve({ wrapped: next.wrapped, key }));
    return true;
  }

  /** Drops an erased owner's key from memory. */
  forget(owner: string): void {
    this.cache.delete(owner);
  }

  /**
   * Two writers creating the first key of one owner at once must end with one key: the insert
   * does nothing on conflict, and both then use whichever row won.
   */
  private async create(q: Queryable, owner: string): Promise<StoredDataKey> {
    const key = randomBytes(DATA_KEY_BYTES);
    const period = this.retention ? await this.retention.place(q, owner) : null;
    const { wrapped, version } = await this.wrapUnder(q, period, key);
    await q.query(
      `INSERT INTO data_key (owner, wrapped, kek_version, period) VALUES ($1, $2, $3, $4)
       ON CONFLICT (owner) DO NOTHING`,
      [owner, wrapped, version, period],
    );
    const row = await readDataKey(q, owner);
    if (!row) throw new Error(`The data key of ${owner} vanished while it was being created.`);
    if (row.wrapped.equals(wrapped)) this.touch(owner, Promise.resolve({ wrapped, key }));
    return row;
  }

  private async wrapUnder(
    q: Queryable,
    period: string | null,
    key: Buffer,
  ): Promise<{ wrapped: Buffer; version: string }> {
    if (period === null) return this.kek.wrap(key);
    // Shared until this transaction commits: the purge cannot destroy the key under our row.
    await holdPeriod(q, period);
    return this.retentionKeys(period).wrap(period, key);
  }

  private async unwrap(row: StoredDataKey): Promise<Unwrapped> {
    const key = row.period
      ? await this.retentionKeys(row.period).unwrap(row.period, row.wrapped, row.kekVersion)
      : await this.kek.unwrap(row.wrapped, row.kekVersion);
    return { wrapped: row.wrapped, key };
  }

  private retentionKeys(period: string): RetentionKeys {
    if (!this.retention)
      throw new KekError(
        'KEY_VERSION_MISSING',
        `A data key is wrapped under retention period ${period}, and no retention keys were opened.`,
      );
    return this.retention.keys;
  }

  /** Caches `entry`, unless it fails or finds no key: the next call then asks again. */
  private remember<T extends Unwrapped | null>(owner: string, entry: Promise<T>): Promise<T> {
    this.touch(owner, entry);
    const forget = () => {
      if (this.cache.get(owner) === entry) this.cache.delete(owner);
    };
    entry.then((found) => found ?? forget(), forget);
    return entry;
  }

  private touch(owner: string, entry: Promise<Unwrapped | null>): void {
    this.cache.delete(owner);
    this.cache.set(owner, entry);
    if (this.cache.size > this.maxOwners) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }
}
