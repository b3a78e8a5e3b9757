import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createEntraVerifier,
  type EntraVerifierOptions,
} from '../../../bot/src/auth/entra/entra-verifier.js';
import { TokenRejectedError } from '../../../bot/src/auth/entra/token-rejected-error.js';
import {
  APP_ID_URI,
  CLIENT_ID,
  FakeEntra,
  HEALTH_TENANT,
  POLICE_TENANT,
} from '../../support/fake-entra.js';

/* Key sets: fetched per tenant, refetched on rollover, and their absence is not the caller's fault. */

// One fake for the file (RSA keys are slow to make); each test makes its own verifier, so its own
// key cache, and counts the fetches it causes.
let fake: FakeEntra;
beforeAll(async () => {
  fake = await FakeEntra.start();
});
afterEach(() => {
  jest.restoreAllMocks();
  fake.jwksMode = 'ok';
});
afterAll(() => fake.close());

/** Key set fetches for the tenant from now on. */
function fetchesFrom(tenant: string): () => number {
  const start = fake.fetchCount(tenant);
  return () => fake.fetchCount(tenant) - start;
}

const verifierFor = (entra: FakeEntra, overrides: Partial<EntraVerifierOptions> = {}) =>
  createEntraVerifier({
    authorityHost: entra.authorityHost,
    allowedTenants: [POLICE_TENANT, HEALTH_TENANT],
    audiences: [CLIENT_ID, APP_ID_URI],
    requiredScopes: ['access_as_user'],
    ...overrides,
  });

const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (e: unknown) => (e instanceof TokenRejectedError ? e.reason : e),
  );

/** jose's refetch cooldown (30 s) reads Date.now; move it on without touching token times. */
function skipAhead(ms: number): void {
  const realNow = Date.now.bind(Date);
  jest.spyOn(Date, 'now').mockImplementation(() => realNow() + ms);
}

describe('Entra ID key sets', () => {
  it('fetches a tenant key set once and reuses it', async () => {
    const fetches = fetchesFrom(POLICE_TENANT);
    const verifier = verifierFor(fake);
    await Promise.all([verifier.verify(await fake.sign()), verifier.verify(await fake.sign())]);
    await verifier.verify(await fake.sign());
    expect(fetches()).toBe(1);
  });

  it('accepts a token under a new kid after the key set rotates (jose refetches)', async () => {
    const fetches = fetchesFrom(POLICE_TENANT);
    const verifier = verifierFor(fake);
    await verifier.verify(await fake.sign());
    const newKid = await fake.rotateKeys(POLICE_TENANT);
    const token = await fake.sign();
    expect(fake.currentKey(POLICE_TENANT).kid).toBe(newKid);
    skipAhead(31_000);
    await expect(verifier.verify(token)).resolves.toMatchObject({ tenantId: POLICE_TENANT });
    expect(fetches()).toBe(2);
  });

  it('does not refetch for every unknown kid: forged kids cannot flood Entra through us', async () => {
    const fetches = fetchesFrom(POLICE_TENANT);
    const verifier = verifierFor(fake);
    await verifier.verify(await fake.sign());
    for (let i = 0; i < 5; i++) {
      const forged = await fake.sign({}, { foreignKey: true, kid: `made-up-${i}` });
      expect(await reasonOf(verifier.verify(forged))).toBe('bad_signature');
    }
    expect(fetches()).toBe(1);
  });

  it('verifies each allowed tenant against its own key set', async () => {
    const [healthFetches, policeFetches] = [fetchesFrom(HEALTH_TENANT), fetchesFrom(POLICE_TENANT)];
    const verifier = verifierFor(fake);
    const health = await fake.sign({}, { tenant: HEALTH_TENANT });
    await expect(verifier.verify(health)).resolves.toMatchObject({ tenantId: HEALTH_TENANT });
    expect(healthFetches()).toBe(1);
    expect(policeFetches()).toBe(0);
    // Signed with the health tenant's key but claiming to be police: police keys do not match.
    const claimsPolice = await fake.sign(
      { tid: POLICE_TENANT, iss: `${fake.authorityHost}/${POLICE_TENANT}/v2.0` },
      { tenant: HEALTH_TENANT },
    );
    expect(await reasonOf(verifier.verify(claimsPolice))).toBe('bad_signature');
    expect(policeFetches()).toBe(1);
  });
});

describe('Entra ID key set unavailable', () => {
  it('gives keys_unavailable when the endpoint answers an error, and recovers after', async () => {
    const verifier = verifierFor(fake);
    fake.jwksMode = 'error';
    expect(await reasonOf(verifier.verify(await fake.sign()))).toBe('keys_unavailable');
    fake.jwksMode = 'ok';
    await expect(verifier.verify(await fake.sign())).resolves.toMatchObject({
      tenantId: POLICE_TENANT,
    });
  });

  it('gives keys_unavailable when the endpoint does not answer in time', async () => {
    fake.jwksMode = 'hang';
    const verifier = verifierFor(fake, { fetchTimeoutMs: 200 });
    expect(await reasonOf(verifier.verify(await fake.sign()))).toBe('keys_unavailable');
  });

  it('gives keys_unavailable when nothing listens at the authority host', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const verifier = verifierFor(fake, { authorityHost: `http://127.0.0.1:${port}` });
    const token = await fake.sign({ iss: `http://127.0.0.1:${port}/${POLICE_TENANT}/v2.0` });
    expect(await reasonOf(verifier.verify(token))).toBe('keys_unavailable');
  });
});

describe('Entra ID verifier set-up', () => {
  it('judges expiry and not-before by the clock it is given', async () => {
    const token = await fake.sign();
    const at = (offsetMs: number) => () => new Date(Date.now() + offsetMs);
    expect(await reasonOf(verifierFor(fake, { now: at(2 * 3_600_000) }).verify(token))).toBe(
      'expired',
    );
    expect(await reasonOf(verifierFor(fake, { now: at(-120_000) }).verify(token))).toBe(
      'not_yet_valid',
    );
  });

  it.each([
    ['no tenants', { allowedTenants: [] }],
    ['a tenant that is not a GUID', { allowedTenants: ['contoso.example'] }],
    ['the personal-account tenant', { allowedTenants: ['9188040d-6c67-4c5b-b112-36a304b66dad'] }],
    ['no audiences', { audiences: [] }],
    ['no required scopes', { requiredScopes: [] }],
    ['plain http to a host that is not loopback', { authorityHost: 'http://login.example.org' }],
    [
      'an authority host with a path',
      { authorityHost: 'https://login.microsoftonline.com/common' },
    ],
  ])('refuses %s', (_name, overrides) => {
    expect(() => verifierFor(fake, overrides)).toThrow();
  });
});
