import { ApiRequestError, request } from '../api/client.js';

/**
 * How the tab signs in, as the server says at `GET /api/client-config`:
 * `{ "entra": { "clientId": string, "scope": string } | null, "devSignIn": boolean }`.
 * `entra` is the API's app registration (client id) and the delegated scope to ask a token for
 * (`api://<domain>/<client id>/access_as_user`); null when the server takes no Entra ID tokens.
 * `devSignIn` says whether the local development sign-in is on.
 */
export interface ClientConfig {
  entra: { clientId: string; scope: string } | null;
  devSignIn: boolean;
}

/** A server from before the route existed: local mode with the development sign-in. */
export const LEGACY_CLIENT_CONFIG: ClientConfig = { entra: null, devSignIn: true };

/** The answer checked field by field; null when it is not the shape above. */
export function parseClientConfig(body: unknown): ClientConfig | null {
  if (typeof body !== 'object' || body === null) return null;
  const { entra, devSignIn } = body as { entra?: unknown; devSignIn?: unknown };
  if (typeof devSignIn !== 'boolean') return null;
  if (entra === null) return { entra: null, devSignIn };
  if (typeof entra !== 'object' || entra === undefined) return null;
  const { clientId, scope } = entra as { clientId?: unknown; scope?: unknown };
  if (typeof clientId !== 'string' || clientId === '') return null;
  if (typeof scope !== 'string' || scope === '') return null;
  return { entra: { clientId, scope }, devSignIn };
}

export async function loadClientConfig(): Promise<ClientConfig> {
  let body: unknown;
  try {
    body = await request<unknown>('/api/client-config', { anonymous: true });
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 404) return LEGACY_CLIENT_CONFIG;
    throw error;
  }
  const config = parseClientConfig(body);
  if (!config) {
    throw new ApiRequestError(0, {
      code: 'CLIENT_CONFIG',
      message:
        'The MARAC service sent sign-in settings the tab does not understand. Reload the page; ' +
        'if this keeps happening, tell your MARAC coordinator.',
    });
  }
  return config;
}
