import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import type { TokenProvider } from './graph-client.js';
import { GraphError } from './graph-error.js';

export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';
export const PUBLIC_AUTHORITY_HOST = 'https://login.microsoftonline.com';

/** A client secret, or a certificate registered on the app (preferred in production). */
export type AppCredential =
  | { clientSecret: string }
  | { certificate: { thumbprintSha256: string; privateKey: string; x5c?: string } };

export interface MsalTokenProviderOptions {
  tenantId: string;
  clientId: string;
  credential: AppCredential;
  /** `https://` host of the authority; defaults to the public cloud. */
  authorityHost?: string;
  /**
   * The token endpoint to use instead of discovering it. Skips msal's network discovery (its
   * `authorityMetadata` and `knownAuthorities` options); tests point it at a loopback server.
   */
  tokenEndpoint?: string;
  /** Defaults to Graph's `.default` scope: the application permissions granted to the app. */
  scope?: string;
}

/**
 * App-only tokens for Graph by the client-credentials grant. msal-node keeps the token in its
 * in-memory cache and only goes back to Entra ID when it is close to expiry.
 */
export class MsalTokenProvider implements TokenProvider {
  private readonly app: ConfidentialClientApplication;
  private readonly scope: string;

  constructor(options: MsalTokenProviderOptions) {
    this.app = new ConfidentialClientApplication(msalConfiguration(options));
    this.scope = options.scope ?? GRAPH_DEFAULT_SCOPE;
  }

  async getToken(): Promise<string> {
    let token: string | undefined;
    try {
      const result = await this.app.acquireTokenByClientCredential({ scopes: [this.scope] });
      token = result?.accessToken;
    } catch (cause) {
      throw tokenError(errorCodeOf(cause), cause);
    }
    if (!token) throw tokenError('no_token');
    return token;
  }
}

export function msalConfiguration(options: MsalTokenProviderOptions): Configuration {
  const host = (options.authorityHost ?? PUBLIC_AUTHORITY_HOST).replace(/\/+$/, '');
  const authority = `${host}/${encodeURIComponent(options.tenantId)}`;
  const credential =
    'clientSecret' in options.credential
      ? { clientSecret: options.credential.clientSecret }
      : { clientCertificate: options.credential.certificate };
  return {
    auth: {
      clientId: options.clientId,
      authority,
      ...credential,
      ...(options.tokenEndpoint ? fixedMetadata(authority, options.tokenEndpoint) : {}),
    },
  };
}

/** Static authority metadata, so msal neither asks for instance discovery nor the OpenID document. */
function fixedMetadata(authority: string, tokenEndpoint: string) {
  return {
    knownAuthorities: [new URL(authority).host],
    authorityMetadata: JSON.stringify({
      token_endpoint: tokenEndpoint,
      authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
      issuer: `${authority}/v2.0`,
      jwks_uri: `${authority}/discovery/v2.0/keys`,
    }),
  };
}

function errorCodeOf(cause: unknown): string {
  const code = (cause as { errorCode?: unknown } | null)?.errorCode;
  return typeof code === 'string' && code !== '' ? code : 'unknown';
}

// msal's own messages can quote the token endpoint's answer; only its code is carried here.
function tokenError(msalCode: string, cause?: unknown): GraphError {
  return new GraphError(
    {
      status: 401,
      code: `AuthenticationFailed:${msalCode}`,
      request: 'client-credentials token request',
    },
    cause === undefined ? undefined : { cause },
  );
}
