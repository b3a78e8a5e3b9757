import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db.js';
import { DATA_KEY_BYTES, type KeyEncryptionKey } from './kek.js';

/** One row of `data_key`: a data key as the KEK wrapped it, never the key itself. */
export interface StoredDataKey {
  owner: string;
  wrapped: Buffer;
  kekVersion: string;
}

interface Unwrapped {
  wrapped: Buffer;
  key: Buffer;
}

export async function readDataKey(q: Queryable, owner: string): Promise<StoredDataKey | null> {
  const { rows } = await q.query<{ wrapped: Uint8Array; kek_version: string }>(
    'SELECT wrapped, kek_version FROM data_key WHERE owner = $1',
    [owner],
  );
  const row = rows[0];
  // pg gives a Buffer, PGlite a Uint8Array: make both a Buffer.
  return row ? { owner, wrapped: Buffer.from(row.wrapped), kekVersion: row.kek_version } : null;
}

/**
 * Data keys by owner, unwrapped once and kept in memory (least recently used dropped first), so
 * listing 100 rows does not ask Key Vault 100 times, even when they are decrypted all at once.
 * The cache remembers which wrapped bytes each key came from: a writer always re-reads the row and
 * compares, so a key made in a transaction that rolled back is never used to write again.
 */
export class DataKeyRing {
  private readonly cache = new Map<string, Promise<Unwrapped | null>>();

  constructor(
    private readonly kek: KeyEncryptionKey,
    private readonly maxOwners = 1000,
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
   * Two writers creating the first key of one owner at once must end with one key: the insert
   * does nothing on conflict, and both then use whichever row won.
   */
  private async create(q: Queryable, owner: string): Promise<StoredDataKey> {
    const key = randomBytes(DATA_KEY_BYTES);
    const { wrapped, version } = await this.kek.wrap(key);
    await q.query(
      'INSERT INTO data_key (owner, wrapped, kek_version) VALUES ($1, $2, $3) ON CONFLICT (owner) DO NOTHING',
      [owner, wrapped, version],
    );
    const row = await readDataKey(q, owner);
    if (!row) throw new Error(`The data key of ${owner} vanished while it was being created.`);
    if (row.wrapped.equals(wrapped)) this.touch(owner, Promise.resolve({ wrapped, key }));
    return row;
  }

  private async unwrap(row: StoredDataKey): Promise<Unwrapped> {
    return { wrapped: row.wrapped, key: await this.kek.unwrap(row.wrapped, row.kekVersion) };
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
