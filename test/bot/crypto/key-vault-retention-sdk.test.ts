import { randomBytes } from 'node:crypto';
import type { TokenCredential } from '@azure/identity';
import { KeyVaultRetentionKeys } from '../../../bot/src/crypto/key-vault-retention-keys.js';
import { startFakeKeyVault, type FakeKeyVault } from '../../support/fake-key-vault.js';

/*
 * The retention keys through the real Azure SDK (KeyClient and CryptographyClient, their
 * pipeline, the bearer challenge and the long-running delete) against a Key Vault that answers
 * on a loopback HTTPS port: what can be tested of the production path without Azure.
 */

const AREA = '0b7c8e2a-3d4f-4a5b-8c6d-7e8f9a0b1c2d';
const Q1 = `${AREA}-2033-q1`;
const credential: TokenCredential = {
  getToken: async () => ({ token: 'test-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

describe.each([false, true])(
  'retention keys through the Azure SDK (purge protection %s)',
  (purgeProtection) => {
    let vault: FakeKeyVault;
    let keys: KeyVaultRetentionKeys;
    beforeAll(async () => {
      vault = await startFakeKeyVault({ purgeProtection });
      keys = new KeyVaultRetentionKeys({
        vaultUrl: vault.url,
        credential,
        sdkOptions: {
          disableChallengeResourceVerification: true,
          tlsOptions: { ca: vault.ca },
          retryOptions: { maxRetries: 0 },
        },
      });
    });
    afterAll(() => vault.close());

    it('makes the period’s key, wraps and unwraps with it, lists it, and destroys it', async () => {
      const dataKey = randomBytes(32);
      const { wrapped, version } = await keys.wrap(Q1, dataKey);
      expect(vault.live.get(`marac-retain-${Q1}`)?.map((v) => v.id)).toEqual([version]);
      expect(vault.requests).toEqual(
        expect.arrayContaining([
          `GET /keys/marac-retain-${Q1}/`,
          `POST /keys/marac-retain-${Q1}/create`,
          `POST /keys/marac-retain-${Q1}/${version}/wrapkey`,
        ]),
      );
      expect(await keys.unwrap(Q1, wrapped, version)).toEqual(dataKey);
      expect(await keys.periods()).toEqual([{ period: Q1, state: 'live' }]);

      const destroyed = await keys.destroy(Q1);
      if (purgeProtection) {
        expect(destroyed).toMatchObject({ state: 'recoverable' });
        expect((destroyed as { until: Date }).until.getTime()).toBeGreaterThan(Date.now());
        expect(await keys.periods()).toEqual([{ period: Q1, state: 'deleted' }]);
      } else {
        expect(destroyed).toEqual({ state: 'destroyed' });
        expect(vault.deleted.size).toBe(0);
        expect(await keys.periods()).toEqual([]);
      }
      await expect(keys.unwrap(Q1, wrapped, version)).rejects.toMatchObject({
        code: 'RETENTION_KEY_DESTROYED',
      });
    }, 60_000);
  },
);
