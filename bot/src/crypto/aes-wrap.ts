import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DATA_KEY_BYTES } from './kek.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * A data key sealed with AES-256-GCM under a local key: IV, ciphertext and tag in one buffer,
 * bound to `aad` (what the key is: its version, or its retention period). The local
 * key-encryption key and the local retention keys both wrap this way.
 */
export function aesWrap(key: Buffer, dataKey: Buffer, aad: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

/** The data key back; throws when the key, the bytes or `aad` are not those it was sealed with. */
export function aesUnwrap(key: Buffer, wrapped: Buffer, aad: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, wrapped.subarray(0, IV_BYTES));
  decipher.setAAD(aad);
  decipher.setAuthTag(wrapped.subarray(wrapped.length - TAG_BYTES));
  const body = wrapped.subarray(IV_BYTES, wrapped.length - TAG_BYTES);
  const dataKey = Buffer.concat([decipher.update(body), decipher.final()]);
  if (dataKey.length !== DATA_KEY_BYTES) throw new Error('unexpected data key length');
  return dataKey;
}
