import { getHostAuthToken } from '../host/teams-host.js';
import { createNaaAcquirer } from './naa.js';
import { HostTimeoutError } from './sign-in-problem.js';
import { TokenCache } from './token-cache.js';
import { takeTokensFromHost } from './token.js';

/** getAuthToken may show the host's consent prompt; past this, the host is taken not to answer. */
const HOST_SSO_TIMEOUT_MS = 120_000;

export type HostSignInMethod = 'naa' | 'host-sso';

/**
 * Sets the tab up to take its tokens from the host and gets the first one (so a failure shows on
 * the sign-in screen, not half-way through loading the areas). NAA when the plan says so and the
 * host's bridge answers; otherwise teams-js `authentication.getAuthToken()`.
 */
export async function signInWithHost(
  plan: { kind: 'naa'; clientId: string; scope: string } | { kind: 'host-sso' },
): Promise<HostSignInMethod> {
  const naa = plan.kind === 'naa' ? await createNaaAcquirer(plan.clientId, plan.scope) : null;
  const cache = new TokenCache(naa ?? (() => hostSso()));
  takeTokensFromHost(cache);
  await cache.get();
  return naa ? 'naa' : 'host-sso';
}

function hostSso(): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new HostTimeoutError()), HOST_SSO_TIMEOUT_MS);
    getHostAuthToken().then(
      (token) => {
        clearTimeout(timer);
        resolve(token);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
