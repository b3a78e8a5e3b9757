import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import {
  CONSUMER_TENANT_ID,
  expectedIssuer,
  isGuid,
  normaliseAuthorityHost,
  PUBLIC_CLOUD_AUTHORITY,
  tenantAuthority,
  type TenantAuthority,
} from './entra-authority.js';
import { reasonForVerifyError, TokenRejectedError } from './token-rejected-error.js';

export interface EntraVerifierOptions {
  /** Default https://login.microsoftonline.com; the tests use their loopback fake. */
  authorityHost?: string;
  /** Tenant ids (GUIDs) whose users may call the API: one per agency tenant. */
  allowedTenants: readonly string[];
  /** Accepted `aud` values: the app's client id (v2.0 tokens) and its Application ID URI (v1.0). */
  audiences: readonly string[];
  /** Every one must be in the token's `scp`, e.g. ['access_as_user']. */
  requiredScopes: readonly string[];
  /** Default 60. */
  clockToleranceSeconds?: number;
  /** Per key-set fetch; default 5000. */
  fetchTimeoutMs?: number;
  /** For tests with a fixed clock; default the system clock. */
  now?: () => Date;
}

/** Who called: people in the store are matched on tenant id and object id, never on email. */
export interface EntraIdentity {
  tenantId: string;
  objectId: string;
  /** preferred_username (v2.0) or upn (v1.0): mutable, for display only. */
  username: string | null;
  name: string | null;
}

export interface EntraVerifier {
  /** The caller's identity, or a {@link TokenRejectedError} naming why the token was refused. */
  verify(token: string): Promise<EntraIdentity>;
}

/** Bigger than any Entra access token; bounds the work an unauthenticated caller can cause. */
const MAX_TOKEN_LENGTH = 16_384;

interface Tenant {
  authority: TenantAuthority;
  keys: JWTVerifyGetKey;
}

/**
 * Validates Entra ID access tokens for this API: RS256 signature against the token tenant's own
 * key set, issuer of that tenant, audience, expiry and not-before, delegated scope, and ids.
 */
export function createEntraVerifier(options: EntraVerifierOptions): EntraVerifier {
  const authorityHost = normaliseAuthorityHost(options.authorityHost ?? PUBLIC_CLOUD_AUTHORITY);
  const allowed = checkedTenants(options.allowedTenants);
  if (options.audiences.length === 0) throw new Error('audiences: at least one is required');
  if (options.requiredScopes.length === 0)
    throw new Error('requiredScopes: at least one is required');
  const now = options.now ?? (() => new Date());
  const tenants = new Map<string, Tenant>();

  // One key set per tenant, made on first use. jose caches it, refetches on an unknown kid (key
  // rollover) at most once per 30 s cooldown, and shares one fetch between concurrent requests.
  const tenant = (tid: string): Tenant => {
    let found = tenants.get(tid);
    if (!found) {
      const authority = tenantAuthority(authorityHost, tid);
      const remote = createRemoteJWKSet(authority.jwksUrl, {
        timeoutDuration: options.fetchTimeoutMs ?? 5000,
      });
      found = { authority, keys: keysOrUnavailable(remote) };
      tenants.set(tid, found);
    }
    return found;
  };

  return {
    async verify(token) {
      const tid = readUntrustedTenant(token);
      if (!allowed.has(tid)) throw new TokenRejectedError('tenant_not_allowed');
      const { authority, keys } = tenant(tid);
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          algorithms: ['RS256'],
          audience: [...options.audiences],
          clockTolerance: options.clockToleranceSeconds ?? 60,
          currentDate: now(),
          requiredClaims: ['exp'],
        }));
      } catch (error) {
        const reason = reasonForVerifyError(error);
        if (reason === null) throw error;
        throw new TokenRejectedError(reason);
      }
      return identityFrom(tid, payload, authority, options.requiredScopes);
    },
  };
}

function checkedTenants(tenants: readonly string[]): ReadonlySet<string> {
  if (tenants.length === 0) throw new Error('allowedTenants: at least one tenant id is required');
  const bad = tenants.filter((t) => !isGuid(t) || t === CONSUMER_TENANT_ID);
  if (bad.length > 0)
    throw new Error(
      `allowedTenants: expected lower-case organisation tenant GUIDs, not ${bad.join(', ')}`,
    );
  return new Set(tenants);
}

/**
 * Reads the header and `tid` before anything is trusted, to refuse early and, above all, to
 * choose the key set from the allowed list only. Entra always sends `kid` and signs with RS256.
 */
function readUntrustedTenant(token: string): string {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH)
    throw new TokenRejectedError('malformed');
  let header: ReturnType<typeof decodeProtectedHeader>;
  let claims: JWTPayload;
  try {
    header = decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch {
    throw new TokenRejectedError('malformed');
  }
  if (header.alg !== 'RS256') throw new TokenRejectedError('unsupported_algorithm');
  if (typeof header.kid !== 'string' || header.kid === '')
    throw new TokenRejectedError('malformed');
  if (!isGuid(claims.tid)) throw new TokenRejectedError('tenant_not_allowed');
  return claims.tid;
}

/**
 * Key lookups that fail for want of keys (network down, timeout, not 200, not a key set) are
 * `keys_unavailable`; "no key with that kid" stays jose's error and so reads as a bad signature.
 */
function keysOrUnavailable(remote: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code === 'ERR_JWKS_NO_MATCHING_KEY' || code === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS')
        throw error;
      throw new TokenRejectedError('keys_unavailable');
    }
  };
}

/** Checks made after the signature: issuer bound to `tid` and `ver`, delegated scope, ids. */
function identityFrom(
  tid: string,
  payload: JWTPayload,
  authority: TenantAuthority,
  requiredScopes: readonly string[],
): EntraIdentity {
  const issuer = expectedIssuer(authority, payload['ver']);
  if (issuer === null || payload.iss !== issuer) throw new TokenRejectedError('wrong_issuer');
  // App-only tokens carry `roles` and no `scp`: this API serves people, not daemons.
  const scp = payload['scp'];
  const granted = new Set(typeof scp === 'string' ? scp.split(' ').filter(Boolean) : []);
  if (!requiredScopes.every((s) => granted.has(s))) throw new TokenRejectedError('missing_scope');
  const oid = payload['oid'];
  if (!isGuid(oid)) throw new TokenRejectedError('malformed');
  return {
    tenantId: tid,
    objectId: oid,
    username: text(payload['preferred_username']) ?? text(payload['upn']),
    name: text(payload['name']),
  };
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;
