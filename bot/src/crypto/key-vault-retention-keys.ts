import type { TokenCredential } from '@azure/identity';
import {
  CryptographyClient,
  KeyClient,
  type KeyClientOptions,
  type KeyOperation,
} from '@azure/keyvault-keys';
import { KekError } from './kek.js';
import type { KeyVaultWrapClient } from './key-vault-kek.js';
import { destroyedKeyError, type KeyDestruction, type RetentionKeys } from './retention-keys.js';
import { isPeriod } from './retention-period.js';

const ALGORITHM = 'RSA-OAEP-256';
export const RETENTION_KEY_PREFIX = 'marac-retain-';
const VERSION = /^[0-9A-Za-z]{1,64}$/;

type KeyInfo = { properties: { version?: string | undefined } };
type DeletedKeyInfo = { properties: { scheduledPurgeDate?: Date | undefined } };

/** The calls of `KeyClient` the retention keys make; the SDK class satisfies it (checked below). */
export interface RetentionVaultKeyClient {
  getKey(name: string): Promise<KeyInfo>;
  createRsaKey(
    name: string,
    options: { keySize: number; keyOps: KeyOperation[]; tags: Record<string, string> },
  ): Promise<KeyInfo>;
  beginDeleteKey(name: string): Promise<{ pollUntilDone(): Promise<DeletedKeyInfo> }>;
  getDeletedKey(name: string): Promise<DeletedKeyInfo>;
  purgeDeletedKey(name: string): Promise<void>;
  listPropertiesOfKeys(): AsyncIterable<{ name: string }>;
  listDeletedKeys(): AsyncIterable<{ name: string }>;
}

export interface RetentionVaultClients {
  keys: RetentionVaultKeyClient;
  /** A client for the key version `https://<vault>/keys/<name>/<version>`. */
  cryptoFor(keyVersionId: string): KeyVaultWrapClient;
}

export interface KeyVaultRetentionKeysOptions {
  vaultUrl: string;
  credential: TokenCredential;
  /** Passed to the SDK's clients: tests point them at a loopback vault with its own CA. */
  sdkOptions?: KeyClientOptions;
}

const statusOf = (error: unknown) => (error as { statusCode?: number }).statusCode;

/**
 * Retention keys in production: one RSA key per period in the app's Key Vault, named
 * `marac-retain-<period>` (e.g. `marac-retain-<area uuid>-2033-q1`), made on first use. Data keys
 * are wrapped with RSA-OAEP-256 against an explicit version, as the key-encryption key does; two
 * instances making a period's key at once make two versions, and both stay usable.
 *
 * Destroying one deletes the key and then purges it. With purge protection on (Azure's default
 * for new vaults is soft delete; purge protection is a choice that cannot be undone) the purge
 * is refused, and the key stays recoverable by a vault administrator until its scheduled purge
 * date, the vault's soft-delete retention (7 to 90 days) after the delete; the purge reports
 * that date, and the next runs try the purge again. The app's identity needs create, get, wrap,
 * unwrap, delete, purge and list on keys (RBAC: Key Vault Crypto Officer).
 */
export class KeyVaultRetentionKeys implements RetentionKeys {
  private readonly clients: RetentionVaultClients;
  private readonly versions = new Map<string, Promise<string>>();
  private readonly byVersionId = new Map<string, KeyVaultWrapClient>();

  /** `clients` replaces the SDK clients in tests, where no Key Vault is reachable. */
  constructor(
    private readonly options: KeyVaultRetentionKeysOptions,
    clients?: RetentionVaultClients,
  ) {
    this.clients = clients ?? sdkClients(options);
  }

  async wrap(period: string, dataKey: Buffer): Promise<{ wrapped: Buffer; version: string }> {
    const version = await this.currentVersion(period);
    const { result } = await this.cryptoFor(period, version).wrapKey(ALGORITHM, dataKey);
    return { wrapped: Buffer.from(result), version };
  }

  async unwrap(period: string, wrapped: Buffer, version: string): Promise<Buffer> {
    try {
      const { result } = await this.cryptoFor(period, version).unwrapKey(ALGORITHM, wrapped);
      return Buffer.from(result);
    } catch (cause) {
      if (cause instanceof KekError) throw cause;
      if (statusOf(cause) === 404) throw destroyedKeyError(period, { cause });
      throw new KekError(
        'KEY_UNWRAP_FAILED',
        `Key Vault did not unwrap a data key with retention key "${keyName(period)}"` +
          `${statusOf(cause) ? ` (HTTP ${statusOf(cause)})` : ''}: check that the app may use unwrapKey.`,
        { cause },
      );
    }
  }

  async periods(): Promise<{ period: string; state: 'live' | 'deleted' }[]> {
    const found: { period: string; state: 'live' | 'deleted' }[] = [];
    const ours = (name: string) =>
      name.startsWith(RETENTION_KEY_PREFIX) && isPeriod(name.slice(RETENTION_KEY_PREFIX.length));
    for await (const key of this.clients.keys.listPropertiesOfKeys())
      if (ours(key.name))
        found.push({ period: key.name.slice(RETENTION_KEY_PREFIX.length), state: 'live' });
    for await (const key of this.clients.keys.listDeletedKeys())
      if (ours(key.name))
        found.push({ period: key.name.slice(RETENTION_KEY_PREFIX.length), state: 'deleted' });
    return found;
  }

  async destroy(period: string): Promise<KeyDestruction> {
    const name = keyName(period);
    this.versions.delete(period);
    let deleted: DeletedKeyInfo;
    try {
      deleted = await (await this.clients.keys.beginDeleteKey(name)).pollUntilDone();
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
      try {
        deleted = await this.clients.keys.getDeletedKey(name); // deleted by an earlier run
      } catch (notDeleted) {
        if (statusOf(notDeleted) === 404) return { state: 'absent' };
        throw notDeleted;
      }
    }
    try {
      await this.clients.keys.purgeDeletedKey(name);
      return { state: 'destroyed' };
    } catch (error) {
      // Purge protection (or an identity without the purge permission): recoverable until then.
      if (statusOf(error) === 403 || statusOf(error) === 409)
        return { state: 'recoverable', until: deleted.properties.scheduledPurgeDate ?? null };
      throw error;
    }
  }

  private currentVersion(period: string): Promise<string> {
    let version = this.versions.get(period);
    if (!version) {
      version = this.getOrCreate(period);
      this.versions.set(period, version);
      version.catch(() => this.versions.delete(period));
    }
    return version;
  }

  private async getOrCreate(period: string): Promise<string> {
    const name = keyName(period);
    let key: KeyInfo;
    try {
      key = await this.clients.keys.getKey(name);
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
      try {
        key = await this.clients.keys.createRsaKey(name, {
          keySize: 3072,
          keyOps: ['wrapKey', 'unwrapKey'],
          tags: { purpose: 'marac-retention', period },
        });
      } catch (cause) {
        // The name is held by a deleted key: this period's key was destroyed.
        if (statusOf(cause) === 409) throw destroyedKeyError(period, { cause });
        throw cause;
      }
    }
    const version = key.properties.version;
    if (!version)
      throw new KekError(
        'KEY_VERSION_MISSING',
        `Key Vault returned key "${name}" without a version.`,
      );
    return version;
  }

  private cryptoFor(period: string, version: string): KeyVaultWrapClient {
    if (!VERSION.test(version)) {
      throw new KekError(
        'KEY_VERSION_MISSING',
        `"${version}" is not a Key Vault key version: the data_key row was altered.`,
      );
    }
    const vault = this.options.vaultUrl.replace(/\/+$/, '');
    const id = `${vault}/keys/${keyName(period)}/${version}`;
    let client = this.byVersionId.get(id);
    if (!client) {
      client = this.clients.cryptoFor(id);
      this.byVersionId.set(id, client);
    }
    return client;
  }
}

export function keyName(period: string): string {
  if (!isPeriod(period)) throw new TypeError(`"${period}" is not a retention period`);
  return `${RETENTION_KEY_PREFIX}${period}`;
}

function sdkClients({
  vaultUrl,
  credential,
  sdkOptions,
}: KeyVaultRetentionKeysOptions): RetentionVaultClients {
  // Typed as the small interface, so the compiler checks that the fakes in tests are honest.
  const keys: RetentionVaultKeyClient = new KeyClient(vaultUrl, credential, sdkOptions);
  return {
    keys,
    cryptoFor: (keyVersionId): KeyVaultWrapClient =>
      new CryptographyClient(keyVersionId, credential, sdkOptions),
  };
}
