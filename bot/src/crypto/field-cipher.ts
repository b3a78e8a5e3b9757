import type { Queryable } from '../db/db.js';
import { DataKeyRing, type RetentionWrapping } from './data-key-ring.js';
import { checkFieldRef, open, parseSealed, seal, type FieldRef } from './field-format.js';
import type { KeyEncryptionKey } from './kek.js';

export type { FieldRef } from './field-format.js';

type Failure = 'altered' | 'not-encrypted' | 'no-key';

const REASONS: Record<Failure, string> = {
  altered: 'the value was altered, or copied from another record',
  'not-encrypted':
    'the value is not in the encrypted format (enc:v1:...): it was written without encryption or altered',
  'no-key': 'its data key is missing (the record was erased, or the database restored without it)',
};

/**
 * A stored field that does not decrypt. The message names where it is, never what it holds:
 * error messages reach logs, and logs must not carry personal data.
 */
export class FieldDecryptionError extends Error {
  readonly code = 'DECRYPTION_FAILED' as const;
  readonly table: string;
  readonly column: string;
  readonly rowId: string;

  constructor(ref: FieldRef, failure: Failure, options?: { cause?: unknown }) {
    super(
      `Could not decrypt ${ref.table}.${ref.column} of row ${ref.rowId}: ${REASONS[failure]}.`,
      options,
    );
    this.name = 'FieldDecryptionError';
    this.table = ref.table;
    this.column = ref.column;
    this.rowId = ref.rowId;
  }
}

export interface FieldCipherDeps {
  /** Where data keys are read and created when the caller passes no transaction. */
  db: Queryable;
  kek: KeyEncryptionKey;
  /** How many owners' unwrapped data keys to keep in memory. */
  cacheSize?: number;
  /** Retention keys: case and meeting data keys go under their period's key (data-key-ring.ts). */
  retention?: RetentionWrapping;
}

/**
 * Envelope encryption of personal data fields: one random data key per owner (a case, a
 * partnership's directory), wrapped by the KEK in `data_key`. Pass the transaction you write the
 * data in as `q`, so a new data key commits or rolls back with it (and, on PGlite, so the call
 * does not wait for the very transaction it is part of).
 */
export class FieldCipher {
  private readonly db: Queryable;
  private readonly keys: DataKeyRing;

  constructor(deps: FieldCipherDeps) {
    this.db = deps.db;
    this.keys = new DataKeyRing(deps.kek, deps.cacheSize, deps.retention ?? null);
  }

  /**
   * Wraps `owner`'s data key under the retention period it now falls in, if that changed (a case
   * heard again, a meeting moved), inside `q`. True if it moved.
   */
  refile(q: Queryable, owner: string): Promise<boolean> {
    return this.keys.refile(q, owner);
  }

  /** Forgets an erased owner's data key (kept in memory for speed). */
  forget(owner: string): void {
    this.keys.forget(owner);
  }

  async encrypt(ref: FieldRef, plaintext: string, q?: Queryable): Promise<string> {
    return seal(await this.keys.forWriting(q ?? this.db, ref.keyOwner), ref, plaintext);
  }

  async decrypt(ref: FieldRef, stored: string, q?: Queryable): Promise<string> {
    checkFieldRef(ref);
    const sealed = parseSealed(stored);
    if (!sealed) throw new FieldDecryptionError(ref, 'not-encrypted');
    const key = await this.keys.forReading(q ?? this.db, ref.keyOwner);
    if (!key) throw new FieldDecryptionError(ref, 'no-key');
    try {
      return open(key, ref, sealed);
    } catch (cause) {
      // The cached key may be stale (a key from a rolled-back transaction): read it again once.
      const fresh = await this.keys.forReading(q ?? this.db, ref.keyOwner, true);
      if (fresh && !fresh.equals(key)) return this.openOrFail(fresh, ref, sealed);
      throw new FieldDecryptionError(ref, 'altered', { cause });
    }
  }

  /** For optional fields: null (or undefined) stays null, and is stored as SQL NULL. */
  async encryptNullable(
    ref: FieldRef,
    plaintext: string | null | undefined,
    q?: Queryable,
  ): Promise<string | null> {
    return plaintext == null ? null : this.encrypt(ref, plaintext, q);
  }

  async decryptNullable(
    ref: FieldRef,
    stored: string | null | undefined,
    q?: Queryable,
  ): Promise<string | null> {
    return stored == null ? null : this.decrypt(ref, stored, q);
  }

  private openOrFail(key: Buffer, ref: FieldRef, sealed: Buffer): string {
    try {
      return open(key, ref, sealed);
    } catch (cause) {
      throw new FieldDecryptionError(ref, 'altered', { cause });
    }
  }
}
