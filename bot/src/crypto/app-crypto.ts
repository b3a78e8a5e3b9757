import { DefaultAzureCredential } from '@azure/identity';
import type { Db } from '../db/db.js';
import { BlindIndexer } from './blind-index.js';
import { FieldCipher } from './field-cipher.js';
import type { KeyEncryptionKey } from './kek.js';
import { AzureKeyVaultKek } from './key-vault-kek.js';
import { LocalFileKek } from './local-kek.js';

/** Field encryption and blind indexes, as every store adapter receives them. */
export interface AppCrypto {
  kek: KeyEncryptionKey;
  cipher: FieldCipher;
  indexer: BlindIndexer;
}

export interface KekConfig {
  dataDir: string;
  keyVault: { vaultUrl: string; keyName: string } | null;
}

/** Key Vault in production (managed identity); a key file under the data folder otherwise. */
export async function openKek(config: KekConfig): Promise<KeyEncryptionKey> {
  if (config.keyVault) {
    return new AzureKeyVaultKek({ ...config.keyVault, credential: new DefaultAzureCredential() });
  }
  return LocalFileKek.open(config.dataDir);
}

export async function openAppCrypto(db: Db, config: KekConfig): Promise<AppCrypto> {
  const kek = await openKek(config);
  return { kek, cipher: new FieldCipher({ db, kek }), indexer: await BlindIndexer.load(db, kek) };
}
