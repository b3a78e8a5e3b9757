import { DefaultAzureCredential } from '@azure/identity';
import type { Db } from '../db/db.js';
import { BlindIndexer } from './blind-index.js';
import { FieldCipher } from './field-cipher.js';
import type { KeyEncryptionKey } from './kek.js';
import { AzureKeyVaultKek } from './key-vault-kek.js';
import { KeyVaultRetentionKeys } from './key-vault-retention-keys.js';
import { LocalFileKek } from './local-kek.js';
import { LocalRetentionKeys } from './local-retention-keys.js';
import type { RetentionKeys } from './retention-keys.js';
import { retentionPlacement } from './retention-placement.js';

/** Field encryption and blind indexes, as every store adapter receives them. */
export interface AppCrypto {
  kek: KeyEncryptionKey;
  /** The keys of retention periods, which wrap case and meeting data keys (retention-keys.ts). */
  retention: RetentionKeys;
  cipher: FieldCipher;
  indexer: BlindIndexer;
}

export interface KekConfig {
  dataDir: string;
  /** `retentionVaultUrl`: where retention keys live; the KEK's vault when not given. */
  keyVault: { vaultUrl: string; keyName: string; retentionVaultUrl?: string } | null;
}

/** Key Vault in production (managed identity); a key file under the data folder otherwise. */
export async function openKek(config: KekConfig): Promise<KeyEncryptionKey> {
  if (config.keyVault) {
    const { vaultUrl, keyName } = config.keyVault;
    return new AzureKeyVaultKek({ vaultUrl, keyName, credential: new DefaultAzureCredential() });
  }
  return LocalFileKek.open(config.dataDir);
}

/** Retention keys in Key Vault (a vault of their own in production), or key files in local mode. */
export async function openRetentionKeys(config: KekConfig): Promise<RetentionKeys> {
  if (config.keyVault) {
    return new KeyVaultRetentionKeys({
      vaultUrl: config.keyVault.retentionVaultUrl ?? config.keyVault.vaultUrl,
      credential: new DefaultAzureCredential(),
    });
  }
  return LocalRetentionKeys.open(config.dataDir);
}

/** `now` decides only which quarters count as ended (a key is never made for one). */
export async function openAppCrypto(
  db: Db,
  config: KekConfig,
  now: () => Date = () => new Date(),
): Promise<AppCrypto> {
  const kek = await openKek(config);
  const retention = await openRetentionKeys(config);
  const cipher = new FieldCipher({
    db,
    kek,
    retention: { keys: retention, place: retentionPlacement(now) },
  });
  return { kek, retention, cipher, indexer: await BlindIndexer.load(db, kek) };
}
