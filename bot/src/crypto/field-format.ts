import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Where an encrypted field belongs. All four go into the associated data, so a ciphertext copied
 * to another row, column, table or owner fails to decrypt instead of showing the wrong person.
 */
export interface FieldRef {
  /** Whose data key: `case:<uuid>`, `directory:<partnership uuid>`, ... */
  keyOwner: string;
  table: string;
  column: string;
  rowId: string;
}

const PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export const isEncryptedField = (stored: string): boolean => stored.startsWith(PREFIX);

/** A programming error, so it throws: a `|` inside a part would make the associated data ambiguous. */
export function checkFieldRef(ref: FieldRef): void {
  const parts = [ref.table, ref.column, ref.rowId, ref.keyOwner];
  if (parts.some((part) => typeof part !== 'string' || part.length === 0 || part.includes('|'))) {
    throw new TypeError(
      `A field reference may not have an empty part or a "|" (${ref.table}.${ref.column})`,
    );
  }
}

/** `marac:v1|<table>|<column>|<rowId>|<keyOwner>` */
export function associatedData(ref: FieldRef): Buffer {
  checkFieldRef(ref);
  return Buffer.from(`marac:v1|${ref.table}|${ref.column}|${ref.rowId}|${ref.keyOwner}`, 'utf8');
}

/** AES-256-GCM, random 96-bit IV: `enc:v1:` + base64url(iv | ciphertext | tag). */
export function seal(key: Buffer, ref: FieldRef, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(ref));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

/** The sealed bytes, or null when `stored` is not in the v1 format at all. */
export function parseSealed(stored: string): Buffer | null {
  if (!stored.startsWith(PREFIX)) return null;
  const text = stored.slice(PREFIX.length);
  if (!BASE64URL.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.length >= IV_BYTES + TAG_BYTES ? bytes : null;
}

/** Decrypts sealed bytes; throws (from OpenSSL) if the key, the AAD or any bit differs. */
export function open(key: Buffer, ref: FieldRef, sealed: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(associatedData(ref));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  const body = sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
