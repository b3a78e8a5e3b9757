import {
  constants,
  generateKeyPairSync,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import type { TokenCredential } from '@azure/identity';
import type { KeyVaultWrapClient } from '../../../bot/src/crypto/key-vault-kek.js';
import {
  KeyVaultRetentionKeys,
  type RetentionVaultClients,
  type RetentionVaultKeyClient,
} from '../../../bot/src/crypto/key-vault-retention-keys.js';

const AREA = '0b7c8e2a-3d4f-4a5b-8c6d-7e8f9a0b1c2d';
const Q1 = `${AREA}-2033-q1`;
const Q2 = `${AREA}-2033-q2`;
const vaultUrl = 'https://marac-test.vault.azure.net/';

const status = (statusCode: number, message: string) =>
  Object.assign(new Error(message), { statusCode });

async function* listOf<T>(items: T[]): AsyncIterable<T> {
  for (const item of items) yield item;
}

/**
 * No Key Vault is reachable from the tests: this fake answers the calls the retention keys make
 * (the SDK's `KeyClient` satisfies the same interface, which the compiler checks), as Key Vault
 * does: a name held by a deleted key cannot be made again, a deleted key's versions no longer
 * unwrap, and with purge protection a purge is refused (403) until the scheduled purge date.
 */
class FakeVault implements RetentionVaultClients {
  readonly calls: string[] = [];
  readonly live = new Map<string, Map<string, { publicKey: KeyObject; privateKey: KeyObject }>>();
  readonly deleted = new Set<string>();
  readonly created: { name: string; options: unknown }[] = [];

  constructor(private readonly purgeProtection = false) {}

  keys: RetentionVaultKeyClient = {
    getKey: async (name) => {
      this.calls.push(`getKey ${name}`);
      const versions = this.live.get(name);
      if (!versions) throw status(404, 'KeyNotFound');
      return { properties: { version: [...versions.keys()].at(-1) } };
    },
    createRsaKey: async (name, options) => {
      this.calls.push(`createRsaKey ${name}`);
      if (this.deleted.has(name)) throw status(409, 'Conflict: the key is deleted but recoverable');
      this.created.push({ name, options });
      const version = randomBytes(16).toString('hex');
      const versions = this.live.get(name) ?? new Map();
      versions.set(version, generateKeyPairSync('rsa', { modulusLength: 2048 }));
      this.live.set(name, versions);
      return { properties: { version } };
    },
    beginDeleteKey: async (name) => {
      this.calls.push(`beginDeleteKey ${name}`);
      if (!this.live.has(name)) throw status(404, 'KeyNotFound');
      this.live.delete(name);
      this.deleted.add(name);
      return {
        pollUntilDone: async () => ({
          properties: { scheduledPurgeDate: new Date('2027-03-01T00:00:00Z') },
        }),
      };
    },
    getDeletedKey: async (name) => {
      if (!this.deleted.has(name)) throw status(404, 'KeyNotFound');
      return { properties: { scheduledPurgeDate: new Date('2027-03-01T00:00:00Z') } };
    },
    purgeDeletedKey: async (name) => {
      this.calls.push(`purgeDeletedKey ${name}`);
      if (this.purgeProtection) throw status(403, 'Operation "purge" is not allowed');
      this.deleted.delete(name);
    },
    listPropertiesOfKeys: () =>
      listOf([...this.live.keys(), 'marac-kek'].map((name) => ({ name }))),
    listDeletedKeys: () => listOf([...this.deleted].map((name) => ({ name }))),
  };

  cryptoFor(keyVersionId: string): KeyVaultWrapClient {
    const [name, version] = keyVersionId.split('/').slice(-2) as [string, string];
    const pair = () => {
      const found = this.live.get(name)?.get(version);
      if (!found) throw status(404, 'KeyNotFound');
      return found;
    };
    const oaep = (key: KeyObject) => ({
      key,
      padding: constants.RSA_PKCS1_OAEP_PADDING,
      oaepHash: 'sha256',
    });
    return {
      wrapKey: async (algorithm, key) => {
        this.calls.push(`wrapKey ${algorithm} ${keyVersionId}`);
        return { result: publicEncrypt(oaep(pair().publicKey), key) };
      },
      unwrapKey: async (algorithm, encrypted) => {
        this.calls.push(`unwrapKey ${algorithm} ${keyVersionId}`);
        return { result: privateDecrypt(oaep(pair().privateKey), encrypted) };
      },
    };
  }
}

const credential: TokenCredential = {
  getToken: async () => {
    throw new Error('no token in tests');
  },
};

describe('retention keys in Azure Key Vault', () => {
  it('makes a period’s key on first use (RSA 3072, wrap and unwrap only), then wraps against its version', async () => {
    const vault = new FakeVault();
    const keys = new KeyVaultRetentionKeys({ vaultUrl, credential }, vault);
    const dataKey = randomBytes(32);
    const { wrapped, version } = await keys.wrap(Q1, dataKey);
    expect(vault.created).toEqual([
      {
        name: `marac-retain-${Q1}`,
        options: {
          keySize: 3072,
          keyOps: ['wrapKey', 'unwrapKey'],
          tags: { purpose: 'marac-retention', period: Q1 },
        },
      },
    ]);
    expect(vault.calls).toContain(
      `wrapKey RSA-OAEP-256 https://marac-test.vault.azure.net/keys/marac-retain-${Q1}/${version}`,
    );
    expect(await keys.unwrap(Q1, wrapped, version)).toEqual(dataKey);
    await keys.wrap(Q1, randomBytes(32));
    expect(vault.calls.filter((c) => c.startsWith('createRsaKey'))).toHaveLength(1);
    expect(vault.calls.filter((c) => c.startsWith('getKey'))).toHaveLength(1);
  });

  it('uses a key another instance made, and lists only its own keys', async () => {
    const vault = new FakeVault();
    await new KeyVaultRetentionKeys({ vaultUrl, credential }, vault).wrap(Q1, randomBytes(32));
    const keys = new KeyVaultRetentionKeys({ vaultUrl, credential }, vault);
    await keys.wrap(Q1, randomBytes(32));
    expect(vault.created).toHaveLength(1);
    expect(await keys.periods()).toEqual([{ period: Q1, state: 'live' }]);
  });

  it('deletes and purges a key: what it wrapped no longer unwraps, and its name cannot be made again', async () => {
    const vault = new FakeVault();
    const keys = new KeyVaultRetentionKeys({ vaultUrl, credential }, vault);
    const { wrapped, version } = await keys.wrap(Q1, randomBytes(32));
    expect(await keys.destroy(Q1)).toEqual({ state: 'destroyed' });
    expect(vault.calls.slice(-2)).toEqual([
      `beginDeleteKey marac-retain-${Q1}`,
      `purgeDeletedKey marac-retain-${Q1}`,
    ]);
    await expect(keys.unwrap(Q1, wrapped, version)).rejects.toMatchObject({
      code: 'RETENTION_KEY_DESTROYED',
    });
    expect(await keys.destroy(Q1)).toEqual({ state: 'absent' });
    expect(await keys.periods()).toEqual([]);
  });

  it('says when purge protection keeps a deleted key recoverable, and tries the purge again later', async () => {
    const vault = new FakeVault(true);
    const keys = new KeyVaultRetentionKeys({ vaultUrl, credential }, vault);
    const { wrapped, version } = await keys.wrap(Q1, randomBytes(32));
    expect(await keys.destroy(Q1)).toEqual({
      state: 'recoverable',
      until: new Date('2027-03-01T00:00:00Z'),
    });
    await expect(keys.unwrap(Q1, wrapped, version)).rejects.toMatchObject({
      code: 'RETENTION_KEY_DESTROYED',
    });
    expect(await keys.periods()).toEqual([{ period: Q1, state: 'deleted' }]);
    // A wrap under it now (a quarter boundary race) is refused, not a new key under its name.
    await expect(keys.wrap(Q1, randomBytes(32))).rejects.toMatchObject({
      code: 'RETENTION_KEY_DESTROYED',
    });
    expect(await keys.destroy(Q1)).toMatchObject({ state: 'recoverable' });
    expect(vault.calls.filter((c) => c.startsWith('purgeDeletedKey'))).toHaveLength(2);
    // Another period is untouched.
    const other = await keys.wrap(Q2, Buffer.alloc(32, 7));
    expect(await keys.unwrap(Q2, other.wrapped, other.version)).toEqual(Buffer.alloc(32, 7));
  });

  it('refuses a version or a period that could not have come from the store', async () => {
    const keys = new KeyVaultRetentionKeys({ vaultUrl, credential }, new FakeVault());
    await expect(keys.unwrap(Q1, randomBytes(16), '../other')).rejects.toMatchObject({
      code: 'KEY_VERSION_MISSING',
    });
    await expect(keys.wrap('marac-kek', randomBytes(32))).rejects.toThrow(/not a retention period/);
  });
});
