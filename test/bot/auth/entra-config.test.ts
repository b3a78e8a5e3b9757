import { z } from 'zod';
import {
  EntraConfigError,
  entraEnvSchema,
  entraOptionsFrom,
} from '../../../bot/src/auth/entra/entra-config.js';

const POLICE = 'aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa';
const HEALTH = 'bbbbbbbb-2222-4222-8222-bbbbbbbbbbbb';
const CLIENT = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

const complete = {
  ENTRA_ALLOWED_TENANTS: `${POLICE}, ${HEALTH}`,
  ENTRA_CLIENT_ID: CLIENT,
  ENTRA_APP_ID_URI: `api://marac.example.org/${CLIENT}`,
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    entraOptionsFrom(env);
  } catch (error) {
    if (error instanceof EntraConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('Entra ID configuration', () => {
  it('is off (null) when no ENTRA_ key is set, or only blank ones', () => {
    expect(entraOptionsFrom({ PORT: '3978' })).toBeNull();
    expect(entraOptionsFrom({ ENTRA_CLIENT_ID: '', ENTRA_ALLOWED_TENANTS: '  ' })).toBeNull();
  });

  it('builds the verifier options, with the public cloud and access_as_user by default', () => {
    expect(entraOptionsFrom(complete)).toEqual({
      authorityHost: 'https://login.microsoftonline.com',
      allowedTenants: [POLICE, HEALTH],
      audiences: [CLIENT, `api://marac.example.org/${CLIENT}`],
      requiredScopes: ['access_as_user'],
    });
  });

  it('takes a national cloud authority, several scopes, and GUIDs in capitals', () => {
    const options = entraOptionsFrom({
      ...complete,
      ENTRA_ALLOWED_TENANTS: POLICE.toUpperCase(),
      ENTRA_CLIENT_ID: CLIENT.toUpperCase(),
      ENTRA_REQUIRED_SCOPE: 'access_as_user, Referrals.Read',
      ENTRA_AUTHORITY_HOST: 'https://login.microsoftonline.us/',
    });
    expect(options).toMatchObject({
      authorityHost: 'https://login.microsoftonline.us',
      allowedTenants: [POLICE],
      audiences: [CLIENT, `api://marac.example.org/${CLIENT}`],
      requiredScopes: ['access_as_user', 'Referrals.Read'],
    });
  });

  it.each([
    ['api://<client id>', `api://${CLIENT}`],
    ['Teams botid-', `api://marac.example.org/botid-${CLIENT}`],
  ])('accepts the Application ID URI in the %s form', (_name, uri) => {
    expect(entraOptionsFrom({ ...complete, ENTRA_APP_ID_URI: uri })?.audiences).toEqual([
      CLIENT,
      uri,
    ]);
  });

  it('names every missing key when only some are set', () => {
    expect(problemsOf({ ENTRA_REQUIRED_SCOPE: 'access_as_user' })).toEqual([
      'ENTRA_ALLOWED_TENANTS: required with the other ENTRA_ settings',
      'ENTRA_CLIENT_ID: required with the other ENTRA_ settings',
      'ENTRA_APP_ID_URI: required with the other ENTRA_ settings',
    ]);
  });

  it.each([
    ['ENTRA_ALLOWED_TENANTS', { ENTRA_ALLOWED_TENANTS: 'police.example' }],
    ['ENTRA_ALLOWED_TENANTS', { ENTRA_ALLOWED_TENANTS: `${POLICE},not-a-guid` }],
    ['ENTRA_ALLOWED_TENANTS', { ENTRA_ALLOWED_TENANTS: '9188040d-6c67-4c5b-b112-36a304b66dad' }],
    ['ENTRA_CLIENT_ID', { ENTRA_CLIENT_ID: 'marac-app' }],
    ['ENTRA_APP_ID_URI', { ENTRA_APP_ID_URI: `https://marac.example.org/${CLIENT}` }],
    [
      'ENTRA_APP_ID_URI',
      { ENTRA_APP_ID_URI: 'api://marac.example.org/11111111-2222-4333-8444-555555555555' },
    ],
    ['ENTRA_APP_ID_URI', { ENTRA_APP_ID_URI: `api://marac.example.org/x${CLIENT}` }],
    ['ENTRA_REQUIRED_SCOPE', { ENTRA_REQUIRED_SCOPE: 'access as "user"' }],
    ['ENTRA_AUTHORITY_HOST', { ENTRA_AUTHORITY_HOST: 'http://login.microsoftonline.com' }],
    ['ENTRA_AUTHORITY_HOST', { ENTRA_AUTHORITY_HOST: 'https://login.microsoftonline.com/common' }],
    ['ENTRA_AUTHORITY_HOST', { ENTRA_AUTHORITY_HOST: 'not a url' }],
  ])('names %s when it is bad', (key, override) => {
    const problems = problemsOf({ ...complete, ...override });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${key}: `));
  });

  it('can be merged into the app schema, leaving every key optional', () => {
    const merged = z.object({ PORT: z.string().optional() }).extend(entraEnvSchema.shape);
    expect(merged.parse({ PORT: '3978' })).toEqual({ PORT: '3978' });
    expect(merged.parse(complete).ENTRA_ALLOWED_TENANTS).toEqual([POLICE, HEALTH]);
  });
});
