import { DomainError } from '#core/shared/errors.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Db } from '../db/db.js';
import { verifyDevToken } from './dev-tokens.js';
import type { EntraIdentity, EntraVerifier } from './entra/entra-verifier.js';
import { TokenRejectedError } from './entra/token-rejected-error.js';
import { personIdByEntraId, principalById, type Principal } from './people.js';

export type Authenticate = (authorization: string | undefined) => Promise<Principal | null>;

/**
 * Maps an Entra identity to a person: by tenant and object id once known; the first time, by the
 * sign-in name, which an Entra tenant can only issue on domains it has verified, and only for a
 * person not yet bound to another identity. Returns null for someone the MARAC does not know.
 */
async function personFor(db: Db, crypto: AppCrypto, who: EntraIdentity): Promise<string | null> {
  const bound = await personIdByEntraId(db, who.tenantId, who.objectId);
  if (bound) return bound;
  if (!who.username) return null;
  const claimed = await db.query<{ id: string }>(
    `UPDATE person SET tenant_id = $1, object_id = $2
      WHERE email_index = $3 AND object_id IS NULL AND (tenant_id IS NULL OR tenant_id = $1)
      RETURNING id`,
    [who.tenantId, who.objectId, crypto.indexer.emailTerm(who.username)],
  );
  return claimed.rows[0]?.id ?? null;
}

/** Bearer tokens: Entra ID access tokens, and in local mode the development sign-in's tokens. */
export function createAuthenticate(options: {
  db: Db;
  crypto: AppCrypto;
  entra: EntraVerifier | null;
  devSigningKey: Buffer | null;
  now: () => Date;
}): Authenticate {
  return async (header) => {
    const token = header?.match(/^Bearer ([A-Za-z0-9._~+/=-]{10,16384})$/)?.[1];
    if (!token) return null;
    if (token.startsWith('dev.')) {
      const personId = options.devSigningKey
        ? verifyDevToken(options.devSigningKey, token, options.now())
        : null;
      return personId ? principalById(options.db, options.crypto, personId) : null;
    }
    if (!options.entra) return null;
    try {
      const personId = await personFor(
        options.db,
        options.crypto,
        await options.entra.verify(token),
      );
      if (!personId) {
        throw new DomainError(
          'FORBIDDEN',
          'Your account is not set up for any MARAC area. Ask your MARAC coordinator.',
        );
      }
      return principalById(options.db, options.crypto, personId);
    } catch (error) {
      if (!(error instanceof TokenRejectedError)) throw error;
      if (error.reason === 'keys_unavailable') {
        throw new DomainError(
          'AUTH_UNAVAILABLE',
          'Sign-in cannot be checked just now. Try again in a minute.',
        );
      }
      return null;
    }
  };
}
