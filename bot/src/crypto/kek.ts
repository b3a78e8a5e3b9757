/**
 * The key-encryption key (KEK) that wraps every data key. It lives outside the database (Azure
 * Key Vault in production, a key file in local mode), so a copy of the database alone reveals no
 * personal data. Versions let the KEK be rotated while data keys wrapped earlier stay readable.
 */
export interface KeyEncryptionKey {
  /** The version new data keys are wrapped under. */
  currentVersion(): Promise<string>;
  /** Wraps a data key under the current version, and says which version that was. */
  wrap(dataKey: Buffer): Promise<{ wrapped: Buffer; version: string }>;
  /** Unwraps a data key wrapped under `version`; throws KekError if that version is gone. */
  unwrap(wrapped: Buffer, version: string): Promise<Buffer>;
  /** Makes a new version current and returns it. Earlier versions stay usable for unwrap. */
  rotate(): Promise<string>;
}

export type KekErrorCode =
  | 'KEY_VERSION_MISSING'
  | 'KEY_FILE_INVALID'
  | 'KEY_UNWRAP_FAILED'
  /** A retention period's key was destroyed: what it wrapped was erased (see retention-keys.ts). */
  | 'RETENTION_KEY_DESTROYED';

/**
 * A failure of the KEK itself: the operator has to act (restore a key file, grant a permission),
 * so the message says what to do. It never carries key material or data.
 */
export class KekError extends Error {
  readonly code: KekErrorCode;

  constructor(code: KekErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KekError';
    this.code = code;
  }
}

export const DATA_KEY_BYTES = 32;
