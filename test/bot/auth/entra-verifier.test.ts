import { createEntraVerifier } from '../../../bot/src/auth/entra/entra-verifier.js';
import {
  TokenRejectedError,
  type TokenRejectionReason,
} from '../../../bot/src/auth/entra/token-rejected-error.js';
import {
  APP_ID_URI,
  CLIENT_ID,
  FakeEntra,
  HEALTH_TENANT,
  POLICE_TENANT,
  STRANGER_TENANT,
} from '../../support/fake-entra.js';

let fake: FakeEntra;
beforeAll(async () => {
  fake = await FakeEntra.start();
});
afterAll(() => fake.close());

const verifierFor = (entra: FakeEntra) =>
  createEntraVerifier({
    authorityHost: entra.authorityHost,
    allowedTenants: [POLICE_TENANT, HEALTH_TENANT],
    audiences: [CLIENT_ID, APP_ID_URI],
    requiredScopes: ['access_as_user'],
  });

const nowSeconds = () => Math.floor(Date.now() / 1000);

async function refusal(promise: Promise<unknown>): Promise<TokenRejectedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TokenRejectedError);
  return error as TokenRejectedError;
}

describe('Entra ID token verifier: accepted tokens', () => {
  it('accepts a v2.0 token and names the caller by tenant and object id', async () => {
    const identity = await verifierFor(fake).verify(await fake.sign());
    expect(identity).toEqual({
      tenantId: POLICE_TENANT,
      objectId: '4f1d2c3b-5a69-4788-9abc-0d1e2f3a4b5c',
      username: 'casey.marsh@police.example',
      name: 'Casey Marsh',
    });
    expect(fake.fetchCount(POLICE_TENANT)).toBeGreaterThan(0);
  });

  it('accepts a v1.0 token (STS issuer form, Application ID URI audience, upn)', async () => {
    const token = await fake.sign({}, { version: '1.0' });
    const identity = await verifierFor(fake).verify(token);
    expect(identity).toMatchObject({
      tenantId: POLICE_TENANT,
      username: 'casey.marsh@police.example',
    });
  });

  it('accepts a token that expired within the clock tolerance, and scopes beyond the required one', async () => {
    const token = await fake.sign({ exp: nowSeconds() - 30, scp: 'User.Read access_as_user' });
    await expect(verifierFor(fake).verify(token)).resolves.toMatchObject({
      tenantId: POLICE_TENANT,
    });
  });

  it('gives null, not a guess, when the token names no user or display name', async () => {
    const token = await fake.sign({ preferred_username: undefined, name: undefined });
    await expect(verifierFor(fake).verify(token)).resolves.toMatchObject({
      username: null,
      name: null,
    });
  });
});

type Case = [string, () => Promise<string>, TokenRejectionReason];

describe('Entra ID token verifier: refusals', () => {
  const cases: Case[] = [
    [
      'forged: signed by a key not in the set, under a published kid',
      () => fake.sign({}, { foreignKey: true }),
      'bad_signature',
    ],
    [
      'forged: signed by a key not in the set, under its own kid',
      () => fake.sign({}, { foreignKey: true, kid: 'made-up' }),
      'bad_signature',
    ],
    [
      'tampered payload',
      () => fake.tampered({ oid: '99999999-9999-4999-8999-999999999999' }),
      'bad_signature',
    ],
    [
      'expired beyond the tolerance',
      () =>
        fake.sign({ iat: nowSeconds() - 7200, nbf: nowSeconds() - 7200, exp: nowSeconds() - 120 }),
      'expired',
    ],
    [
      'not before a time in the future',
      () => fake.sign({ nbf: nowSeconds() + 600 }),
      'not_yet_valid',
    ],
    [
      'audience of another API',
      () => fake.sign({ aud: 'api://other.example.org/11111111-2222-4333-8444-555555555555' }),
      'wrong_audience',
    ],
    [
      'audience of Microsoft Graph',
      () => fake.sign({ aud: '00000003-0000-0000-c000-000000000000' }),
      'wrong_audience',
    ],
    [
      'allowed tid but the issuer of another tenant',
      () => fake.sign({ iss: `${fake.authorityHost}/${HEALTH_TENANT}/v2.0` }),
      'wrong_issuer',
    ],
    [
      'issuer of the public cloud, not the configured authority',
      () => fake.sign({ iss: `https://login.microsoftonline.com/${POLICE_TENANT}/v2.0` }),
      'wrong_issuer',
    ],
    [
      'v2.0 issuer on a token that says it is v1.0',
      () => fake.sign({ ver: '1.0' }),
      'wrong_issuer',
    ],
    ['no ver claim', () => fake.sign({ ver: undefined }), 'wrong_issuer'],
    ['scope other than the required one', () => fake.sign({ scp: 'User.Read' }), 'missing_scope'],
    [
      'app-only token with roles and no scp',
      () => fake.sign({ scp: undefined, roles: ['Referrals.ReadWrite.All'], idtyp: 'app' }),
      'missing_scope',
    ],
    ['alg none', async () => fake.unsigned(), 'unsupported_algorithm'],
    [
      'HS256 keyed with the public key bytes',
      () => fake.hmacWithPublicKey(),
      'unsupported_algorithm',
    ],
    ['no kid in the header', () => fake.withoutKid(), 'malformed'],
    ['oid that is not a GUID', () => fake.sign({ oid: 'casey.marsh' }), 'malformed'],
    ['no exp', () => fake.sign({ exp: undefined }), 'malformed'],
    ['empty string', async () => '', 'malformed'],
    ['not a JWT', async () => 'not-a-token', 'malformed'],
    ['three segments of nonsense', async () => 'a.b.c', 'malformed'],
    ['Bearer prefix left on', async () => `Bearer ${await fake.sign()}`, 'malformed'],
    ['encrypted (five segments)', async () => 'eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d', 'malformed'],
    ['far too long', async () => `${await fake.sign()}${'A'.repeat(20_000)}`, 'malformed'],
  ];

  it.each(cases)('refuses %s', async (_name, makeToken, reason) => {
    const error = await refusal(verifierFor(fake).verify(await makeToken()));
    expect(error.reason).toBe(reason);
    expect(error.message).toBe(`Entra ID token refused: ${reason}`);
    expect(error.cause).toBeUndefined();
  });

  it.each([
    ['a tenant not in the allowed list', STRANGER_TENANT],
    ['a tid that is not a GUID', '..%2F..%2Fevil.example'],
    ['a tid in capitals', POLICE_TENANT.toUpperCase()],
  ])('refuses %s before fetching any keys', async (_name, tid) => {
    const before = fake.totalFetches();
    const token = await fake.sign(
      { tid, iss: `${fake.authorityHost}/${tid}/v2.0` },
      { tenant: STRANGER_TENANT },
    );
    const error = await refusal(verifierFor(fake).verify(token));
    expect(error.reason).toBe('tenant_not_allowed');
    expect(fake.totalFetches()).toBe(before);
    expect(fake.fetchCount(STRANGER_TENANT)).toBe(0);
  });

  it('never puts the token or its claims in the error', async () => {
    const token = await fake.sign({ aud: APP_ID_URI.replace('marac', 'other') });
    const error = await refusal(verifierFor(fake).verify(token));
    const shown = `${error.message} ${error.stack ?? ''} ${JSON.stringify(error)}`;
    expect(shown).not.toContain('casey');
    expect(shown).not.toContain(token.slice(0, 40));
  });
});
