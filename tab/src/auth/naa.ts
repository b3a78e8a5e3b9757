import { HostTimeoutError } from './sign-in-problem.js';

/**
 * Nested app authentication: MSAL's nestable public client asks the host (Teams, Outlook, the
 * Microsoft 365 app) for the token over `window.nestedAppAuthBridge`, which the host (or teams-js,
 * when the host says it supports NAA) puts on the page. Silent first; a popup shown by the host
 * only when MSAL says the user must interact (consent, multi-factor, a changed password).
 *
 * MSAL loads only here, on demand, so a page outside such a host never downloads it. Tokens stay
 * in MSAL's memory cache: nothing goes to localStorage or sessionStorage.
 *
 * Returns null when the host offers no working bridge: the caller falls back to getAuthToken.
 * The client is made once a page (Try again after a failure reuses it).
 */
type Acquirer = (forceRefresh: boolean) => Promise<string>;
let made: { key: string; acquirer: Promise<Acquirer | null> } | null = null;

export function createNaaAcquirer(clientId: string, scope: string): Promise<Acquirer | null> {
  const key = `${clientId} ${scope}`;
  if (made?.key !== key) made = { key, acquirer: makeAcquirer(clientId, scope).catch(() => null) };
  return made.acquirer;
}

async function makeAcquirer(
  clientId: string,
  scope: string,
  timeoutMs = 10_000,
): Promise<Acquirer | null> {
  if (!(window as { nestedAppAuthBridge?: unknown }).nestedAppAuthBridge) return null;
  const msal = await import('@azure/msal-browser');
  let nested = false;
  const create = msal.createNestablePublicClientApplication(
    {
      auth: { clientId, authority: 'https://login.microsoftonline.com/organizations' },
      cache: { cacheLocation: msal.BrowserCacheLocation.MemoryStorage },
      system: {
        loggerOptions: {
          loggerCallback: () => {},
          piiLoggingEnabled: false,
          logLevel: msal.LogLevel.Error,
        },
      },
    },
    undefined,
    // Called only when the bridge answered: otherwise MSAL would hand back a standard client, which
    // signs in through pop-up windows to Entra ID instead of through the host.
    (configuration, controller) => {
      nested = true;
      return new msal.PublicClientApplication(configuration, controller);
    },
  );
  const pca = await withTimeout(create, timeoutMs).catch(() => null);
  if (!pca || !nested) return null;

  return async (forceRefresh) => {
    const request = { scopes: [scope] };
    try {
      const account = pca.getActiveAccount() ?? undefined;
      return (
        await withTimeout(pca.acquireTokenSilent({ ...request, account, forceRefresh }), timeoutMs)
      ).accessToken;
    } catch (error) {
      if (!(error instanceof msal.InteractionRequiredAuthError)) throw error;
      // The host shows its own consent or sign-in prompt; the person may take their time.
      return (await pca.acquireTokenPopup(request)).accessToken;
    }
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new HostTimeoutError()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
