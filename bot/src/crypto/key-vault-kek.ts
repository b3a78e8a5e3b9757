import type { TokenCredential } from '@azure/identity';
import { CryptographyClient, KeyClient } from '@azure/keyvault-keys';
import { KekError, type KeyEncryptionKey } from './kek.js';

const ALGORITHM = 'RSA-OAEP-256';
// A running server picks up a rotation made elsewhere within this time; until then it wraps new
// data keys under the previous version, which stays readable, so the delay is harmless.
const CURRENT_VERSION_TTL_MS = 5 * 60 * 1000;
const VERSION = /^[0-9A-Za-z]{1,64}$/;

type KeyVersionInfo = { properties: { version?: string | undefined } };

/** The two calls of `KeyClient` this KEK makes; the SDK class satisfies it (checked below). */
export interface KeyVaultKeyClient {
  getKey(name: string): Promise<KeyVersionInfo>;
  rotateKey(name: string): Promise<KeyVersionInfo>;
}

/** The two calls of `CryptographyClient` this KEK makes, against one key version. */
export interface KeyVaultWrapClient {
  wrapKey(algorithm: typeof ALGORITHM, key: Uint8Array): Promise<{ result: Uint8Array }>;
  unwrapKey(algorithm: typeof ALGORITHM, encryptedKey: Uint8Array): Promise<{ result: Uint8Array }>;
}

export interface KeyVaultClients {
  keys: KeyVaultKeyClient;
  /** A client for the key version `https://<vault>/keys/<name>/<version>`. */
  cryptoFor(keyVersionId: string): KeyVaultWrapClient;
}

export interface KeyVaultKekOptions {
  /** e.g. `https://marac-prod.vault.azure.net` */
  vaultUrl: string;
  /** An RSA key (3072 bits or more) in that vault. */
  keyName: string;
  /** `ManagedIdentityCredential` in production. */
  credential: TokenCredential;
}

/**
 * The production KEK: an RSA key in Azure Key Vault that never leaves it. Data keys are wrapped
 * with RSA-OAEP-256 against an explicit key version, and that version is stored beside each
 * wrapped key, so unwrapping keeps working after rotation for as long as old versions stay enabled.
 *
 * The server needs `get`, `wrapKey` and `unwrapKey` on the key (RBAC: Key Vault Crypto Service
 * Encryption User). `rotate()` calls the Rotate Key operation, which needs the `rotate` permission
 * (RBAC: Key Vault Crypto Officer): grant it to the operator running `npx marac rotate-keys`, not
 * to the server.
 */
export class AzureKeyVaultKek implements KeyEncryptionKey {
  private readonly clients: KeyVaultClients;
  private readonly byVersion = new Map<string, KeyVaultWrapClient>();
  private current: { version: string; until: number } | null = null;

  /** `clients` replaces the SDK clients in tests, where no Key Vault is reachable. */
  constructor(
    private readonly options: KeyVaultKekOptions,
    clients?: KeyVaultClients,
    private readonly now: () => number = Date.now,
  ) {
    this.clients = clients ?? sdkClients(options);
  }

  async currentVersion(): Promise<string> {
    if (this.current && this.current.until > this.now()) return this.current.version;
    return this.remember(await this.clients.keys.getKey(this.options.keyName));
  }

  async wrap(dataKey: Buffer): Promise<{ wrapped: Buffer; version: string }> {
    const version = await this.currentVersion();
    const { result } = await this.cryptoFor(version).wrapKey(ALGORITHM, dataKey);
    return { wrapped: Buffer.from(result), version };
  }

  async unwrap(wrapped: Buffer, version: string): Promise<Buffer> {
    try {
      const { result } = await this.cryptoFor(version).unwrapKey(ALGORITHM, wrapped);
      return Buffer.from(result);
    } catch (cause) {
      if (cause instanceof KekError) throw cause;
      const status = (cause as { statusCode?: number }).statusCode;
      throw new KekError(
        'KEY_UNWRAP_FAILED',
        `Key Vault did not unwrap a data key with version ${version} of key "${this.options.keyName}"` +
          `${status ? ` (HTTP ${status})` : ''}: check that this version is enabled and that the app may use unwrapKey.`,
        { cause },
      );
    }
  }

  async rotate(): Promise<string> {
    return this.remember(await this.clients.keys.rotateKey(this.options.keyName));
  }

  private remember(key: KeyVersionInfo): string {
    const version = key.properties.version;
    if (!version)
      throw new KekError(
        'KEY_VERSION_MISSING',
        `Key Vault returned key "${this.options.keyName}" without a version.`,
      );
    this.current = { version, until: this.now() + CURRENT_VERSION_TTL_MS };
    return version;
  }

  private cryptoFor(version: string): KeyVaultWrapClient {
    if (!VERSION.test(version)) {
      throw new KekError(
        'KEY_VERSION_MISSING',
        `"${version}" is not a Key Vault key version: the data_key row was altered.`,
      );
    }
    let client = this.byVersion.get(version);
    if (!client) {
      const vault = this.options.vaultUrl.replace(/\/+$/, '');
      client = this.clients.cryptoFor(
        `${vault}/keys/${encodeURIComponent(this.options.keyName)}/${version}`,
      );
      this.byVersion.set(version, client);
    }
    return client;
  }
}

function sdkClients({ vaultUrl, credential }: KeyVaultKekOptions): KeyVaultClients {
  // Typed as the small interfaces, so the compiler checks that the fakes in tests are honest.
  const keys: KeyVaultKeyClient = new KeyClient(vaultUrl, credential);
  return {
    keys,
    cryptoFor: (keyVersionId): KeyVaultWrapClient =>
      new CryptographyClient(keyVersionId, credential),
  };
}
