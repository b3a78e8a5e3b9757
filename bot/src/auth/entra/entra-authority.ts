/**
 * Where Entra ID keys come from and which issuers a tenant's tokens may carry. Everything here is
 * derived from configuration and an allowed tenant id only, never from a token, so a token cannot
 * steer the server to fetch keys from a host of its choosing.
 */

export const PUBLIC_CLOUD_AUTHORITY = 'https://login.microsoftonline.com';

/**
 * The personal Microsoft account (consumer) tenant. MARAC data is for agency staff only, so this
 * tenant is never allowed, whatever the configuration says.
 */
export const CONSUMER_TENANT_ID = '9188040d-6c67-4c5b-b112-36a304b66dad';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A lower-case GUID, as Entra writes `tid` and `oid`. */
export const isGuid = (value: unknown): value is string =>
  typeof value === 'string' && GUID.test(value);

/**
 * v1.0 access tokens name the security token service rather than the login host. Only the public
 * cloud's form is known here; for other (national) clouds v1.0 tokens are refused, so set
 * `accessTokenAcceptedVersion` to 2 in the app registration there.
 */
const V1_ISSUER_ORIGIN: Readonly<Record<string, string>> = {
  [PUBLIC_CLOUD_AUTHORITY]: 'https://sts.windows.net',
};

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

const isLoopback = (url: URL) =>
  LOOPBACK_HOSTS.has(url.hostname) || url.hostname.startsWith('127.');

/**
 * The authority host as an origin without a trailing slash. Plain http is accepted only on a
 * loopback address (the tests' fake Entra); anything else must be https with no path or query.
 */
export function normaliseAuthorityHost(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      'authorityHost: expected an https URL such as https://login.microsoftonline.com',
    );
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url));
  if (!secure)
    throw new Error('authorityHost: expected https (plain http only on a loopback address)');
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new Error('authorityHost: expected an origin only, with no path, query or credentials');
  }
  return url.origin;
}

export interface TenantAuthority {
  jwksUrl: URL;
  /** `iss` of v2.0 tokens: `${authorityHost}/${tid}/v2.0`. */
  v2Issuer: string;
  /**
   * `iss` of v1.0 tokens: `https://sts.windows.net/${tid}/` in the public cloud. With a loopback
   * authority host (tests only) the fake plays the STS too, so `${authorityHost}/${tid}/`.
   * Null where the v1.0 form is not known (national clouds): v1.0 tokens are then refused.
   */
  v1Issuer: string | null;
}

/** Key set URL and issuers for one allowed tenant; `authorityHost` must be normalised. */
export function tenantAuthority(authorityHost: string, tenantId: string): TenantAuthority {
  const v1Origin = isLoopback(new URL(authorityHost))
    ? authorityHost
    : V1_ISSUER_ORIGIN[authorityHost];
  return {
    jwksUrl: new URL(`${authorityHost}/${tenantId}/discovery/v2.0/keys`),
    v2Issuer: `${authorityHost}/${tenantId}/v2.0`,
    v1Issuer: v1Origin === undefined ? null : `${v1Origin}/${tenantId}/`,
  };
}

/** The issuer a token must carry, chosen by its `ver` claim; null when `ver` is neither. */
export function expectedIssuer(authority: TenantAuthority, version: unknown): string | null {
  if (version === '2.0') return authority.v2Issuer;
  if (version === '1.0') return authority.v1Issuer;
  return null;
}
