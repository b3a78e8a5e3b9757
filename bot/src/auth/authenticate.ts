import { DomainError } from '#core/shared/errors.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Db } from '../db/db.js';
import { devTokenVerifier } from './dev-tokens.js';
import type { EntraIdentity, EntraVerifier } from './entra/entra-verifier.js';
import { TokenRejectedError } from './entra/token-rejected-error.js';
import {
  personIdByEntraId,
  principalById,
  rolesOf,
  type AreaRole,
  type Principal,
} from './people.js';

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
  /** Where a known person's roles come from: the store, or a cache dropped on any change. */
  rolesOf?: (personId: string) => Promise<AreaRole[]>;
  /** How long a person's name and address are kept once decrypted. */
  personCacheMs?: number;
}): Authenticate {
  const principalOf = rememberedPeople(
    options.db,
    options.crypto,
    options.rolesOf ?? ((personId) => rolesOf(options.db, personId)),
    options.personCacheMs,
  );
  const verifyDevToken = options.devSigningKey ? devTokenVerifier(options.devSigningKey) : null;
  return async (header) => {
    const token = header?.match(/^Bearer ([A-Za-z0-9._~+/=-]{10,16384})$/)?.[1];
    if (!token) return null;
    if (token.startsWith('dev.')) {
      const personId = verifyDevToken ? verifyDevToken(token, options.now()) : null;
      return personId ? principalOf(personId) : null;
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
      return principalOf(personId);
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

const PEOPLE_REMEMBERED = 5_000;

/**
 * Every request needs its caller's roles as they are now (a rep replaced, a role taken away, acts
 * at once: `roles` reads them, or keeps them until a change is heard); the name and address
 * beside them change rarely and cost a decryption, so they are kept for a minute.
 */
function rememberedPeople(
  db: Db,
  crypto: AppCrypto,
  roles: (personId: string) => Promise<AreaRole[]>,
  keepMs = 60_000,
) {
  const people = new Map<string, { name: string; email: string; until: number }>();
  return async (personId: string): Promise<Principal | null> => {
    const known = people.get(personId);
    if (known && known.until > Date.now()) {
      return { personId, name: known.name, email: known.email, roles: await roles(personId) };
    }
    const principal = await principalById(db, crypto, personId);
    if (principal) {
      if (people.size >= PEOPLE_REMEMBERED) people.clear();
      people.set(personId, {
        name: principal.name,
        email: principal.email,
        until: Date.now() + keepMs,
      });
    }
    return principal;
  };
}
