import {
  constants,
  generateKeyPairSync,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import type { TokenCredential } from '@azure/identity';
import {
  AzureKeyVaultKek,
  type KeyVaultClients,
  type KeyVaultWrapClient,
} from '../../../bot/src/crypto/key-vault-kek.js';
import { KekError } from '../../../bot/src/crypto/kek.js';

// No Key Vault is reachable from the tests: this fake implements the two small interfaces the KEK
// depends on (the SDK classes satisfy them, which the compiler checks), with real RSA-OAEP-256.
class FakeVault implements KeyVaultClients {
  readonly calls: string[] = [];
  readonly versions = new Map<string, { publicKey: KeyObject; privateKey: KeyObject }>();
  private latest = '';

  constructor() {
    this.addVersion();
  }

  keys = {
    getKey: async (name: string) => (
      this.calls.push(`getKey ${name}`),
      { properties: { version: this.latest } }
    ),
    rotateKey: async (name: string) => {
      this.calls.push(`rotateKey ${name}`);
      return { properties: { version: this.addVersion() } };
    },
  };

  cryptoFor(keyVersionId: string): KeyVaultWrapClient {
    const version = keyVersionId.split('/').at(-1)!;
    const oaep = (key: KeyObject) => ({
      key,
      padding: constants.RSA_PKCS1_OAEP_PADDING,
      oaepHash: 'sha256',
    });
    const pair = () => {
      const found = this.versions.get(version);
      if (!found) throw Object.assign(new Error('Key not found'), { statusCode: 404 });
      return found;
    };
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

  addVersion(): string {
    this.latest = randomBytes(16).toString('hex');
    this.versions.set(this.latest, generateKeyPairSync('rsa', { modulusLength: 2048 }));
    return this.latest;
  }
}

const credential: TokenCredential = {
  getToken: async () => {
    throw new Error('no token in tests');
  },
};
const options = {
  vaultUrl: 'https://marac-test.vault.azure.net/',
  keyName: 'marac-kek',
  credential,
};
const keyId = (version: string) => `https://marac-test.vault.azure.net/keys/marac-kek/${version}`;

describe('AzureKeyVaultKek (with a fake Key Vault)', () => {
  it('wraps with RSA-OAEP-256 against the current key version and unwraps against the named one', async () => {
    const vault = new FakeVault();
    const kek = new AzureKeyVaultKek(options, vault);
    const v1 = await kek.currentVersion();
    const dataKey = randomBytes(32);

    const { wrapped, version } = await kek.wrap(dataKey);
    expect(version).toBe(v1);
    expect(await kek.unwrap(wrapped, version)).toEqual(dataKey);
    expect(vault.calls).toEqual([
      'getKey marac-kek',
      `wrapKey RSA-OAEP-256 ${keyId(v1)}`,
      `unwrapKey RSA-OAEP-256 ${keyId(v1)}`,
    ]);
  });

  it('rotates through Rotate Key, wraps under the new version, and still unwraps the old', async () => {
    const vault = new FakeVault();
    const kek = new AzureKeyVaultKek(options, vault);
    const dataKey = randomBytes(32);
    const old = await kek.wrap(dataKey);

    const v2 = await kek.rotate();
    expect(v2).not.toBe(old.version);
    expect(vault.calls).toContain('rotateKey marac-kek');
    vault.calls.length = 0;
    expect((await kek.wrap(dataKey)).version).toBe(v2);
    expect(await kek.unwrap(old.wrapped, old.version)).toEqual(dataKey);
    expect(vault.calls).toEqual([
      `wrapKey RSA-OAEP-256 ${keyId(v2)}`,
      `unwrapKey RSA-OAEP-256 ${keyId(old.version)}`,
    ]);
  });

  it('asks for the current version again only after five minutes', async () => {
    const vault = new FakeVault();
    let now = 0;
    const kek = new AzureKeyVaultKek(options, vault, () => now);
    await kek.wrap(randomBytes(32));
    await kek.wrap(randomBytes(32));
    const elsewhere = vault.addVersion();
    now += 5 * 60 * 1000 + 1;
    expect((await kek.wrap(randomBytes(32))).version).toBe(elsewhere);
    expect(vault.calls.filter((call) => call.startsWith('getKey'))).toHaveLength(2);
  });

  it('reports a failed unwrap with the version and status, and no key material', async () => {
    const vault = new FakeVault();
    const kek = new AzureKeyVaultKek(options, vault);
    const { wrapped } = await kek.wrap(randomBytes(32));
    const missing = 'f'.repeat(32);
    const error = await kek.unwrap(wrapped, missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KekError);
    expect((error as KekError).message).toBe(
      `Key Vault did not unwrap a data key with version ${missing} of key "marac-kek" (HTTP 404): ` +
        'check that this version is enabled and that the app may use unwrapKey.',
    );
  });

  it('refuses a version that is not a Key Vault version before calling it', async () => {
    const vault = new FakeVault();
    const kek = new AzureKeyVaultKek(options, vault);
    await expect(kek.unwrap(Buffer.alloc(256), '../other-key/1')).rejects.toMatchObject({
      code: 'KEY_VERSION_MISSING',
    });
    expect(vault.calls).toEqual([]);
  });

  it('builds the SDK clients from the credential without calling Key Vault', () => {
    expect(() => new AzureKeyVaultKek(options)).not.toThrow();
  });
});
