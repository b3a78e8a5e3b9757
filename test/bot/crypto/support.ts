import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KeyEncryptionKey } from '../../../bot/src/crypto/kek.js';

/** A fresh data folder, removed by the returned function. */
export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'marac-crypto-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const keyFile = (dataDir: string) => path.join(dataDir, 'keys', 'kek.json');

/** Deletes a version from the local keyring, as if the key file were restored from an old backup. */
export function dropKeyVersion(dataDir: string, version: string): void {
  const ring = JSON.parse(readFileSync(keyFile(dataDir), 'utf8'));
  delete ring.versions[version];
  writeFileSync(keyFile(dataDir), JSON.stringify(ring), { mode: 0o600 });
}

/** A KEK that counts the calls it passes on. */
export function countingKek(inner: KeyEncryptionKey) {
  const calls = { wrap: 0, unwrap: 0 };
  const kek: KeyEncryptionKey = {
    currentVersion: () => inner.currentVersion(),
    wrap: (key) => (calls.wrap++, inner.wrap(key)),
    unwrap: (wrapped, version) => (calls.unwrap++, inner.unwrap(wrapped, version)),
    rotate: () => inner.rotate(),
  };
  return { kek, calls };
}
