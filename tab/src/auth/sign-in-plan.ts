import type { ClientConfig } from './client-config.js';

/**
 * How this page signs in, decided from where it runs and what the server offers:
 * - inside a Microsoft 365 host with Entra ID set up on the server: the host's single sign-on,
 *   through MSAL's nestable client when the host recommends nested app authentication (NAA),
 *   otherwise teams-js `authentication.getAuthToken()`;
 * - the development sign-in wherever the server offers it and Entra ID cannot be used;
 * - outside a host with no development sign-in: a page that says to open MARAC in Teams or Outlook.
 */
export type SignInPlan =
  | { kind: 'naa'; clientId: string; scope: string }
  | { kind: 'host-sso' }
  | { kind: 'dev' }
  | { kind: 'open-in-host' }
  | { kind: 'not-configured' };

export function planSignIn(
  host: { inHost: boolean; naaRecommended: boolean },
  config: ClientConfig,
): SignInPlan {
  if (host.inHost && config.entra) {
    return host.naaRecommended
      ? { kind: 'naa', clientId: config.entra.clientId, scope: config.entra.scope }
      : { kind: 'host-sso' };
  }
  if (config.devSignIn) return { kind: 'dev' };
  return host.inHost ? { kind: 'not-configured' } : { kind: 'open-in-host' };
}
