import { KekError } from './kek.js';

/**
 * The keys of retention periods (retention-period.ts): each wraps the data keys of the records
 * that fall due in its period, and lives outside the database (a key file in local mode, a Key
 * Vault key in production) so that destroying it makes every copy of those data keys, in the
 * database and in each of its backups, useless.
 *
 * A period's key is made on first use. It is destroyed only by the purge, once its period has
 * ended and no data key in the database is wrapped under it.
 */
export interface RetentionKeys {
  /** Wraps a data key under the period's key (made now if it has none); says which version. */
  wrap(period: string, dataKey: Buffer): Promise<{ wrapped: Buffer; version: string }>;
  /** Unwraps; throws KekError RETENTION_KEY_DESTROYED when the period's key no longer exists. */
  unwrap(period: string, wrapped: Buffer, version: string): Promise<Buffer>;
  /**
   * The periods that have a key: `live`, or `deleted` but still recoverable (Key Vault's soft
   * delete), which `destroy` tries to purge again.
   */
  periods(): Promise<{ period: string; state: 'live' | 'deleted' }[]>;
  /** Destroys the period's key as far as the store allows, and says how far that was. */
  destroy(period: string): Promise<KeyDestruction>;
}

/**
 * `destroyed`: gone for good. `recoverable`: deleted, but Key Vault keeps it (soft delete with
 * purge protection) until `until`; a backup stays readable until then. `absent`: there was none.
 */
export type KeyDestruction =
  { state: 'destroyed' } | { state: 'recoverable'; until: Date | null } | { state: 'absent' };

export function destroyedKeyError(period: string, options?: { cause?: unknown }): KekError {
  return new KekError(
    'RETENTION_KEY_DESTROYED',
    `The retention key of period ${period} no longer exists: the records it protected were erased when their retention ended.`,
    options,
  );
}
