/**
 * The one place the tab gets a bearer token for the API.
 *
 * Local mode (a plain browser): the development sign-in stores the token in sessionStorage, so it
 * dies with the tab and is never written to localStorage, a cookie or a URL. Where the browser
 * denies storage (a third-party frame with storage blocked), the token lives in memory only and
 * a reload asks the user to sign in again.
 *
 * Inside Teams or Outlook, later work replaces the body of `getToken` with the host's single
 * sign-on (`authentication.getAuthToken()` from @microsoft/teams-js, or nested app
 * authentication); nothing else in the tab needs to change.
 */
const KEY = 'marac.token';
let memoryToken: string | null = null;

export async function getToken(): Promise<string | null> {
  return readStored();
}

/** Whether a token is at hand without asking anyone (decides the first screen). */
export function hasToken(): boolean {
  return readStored() !== null;
}

export function storeLocalToken(token: string): void {
  memoryToken = token;
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // Storage denied: the in-memory copy serves until the page is reloaded.
  }
}

export function clearToken(): void {
  memoryToken = null;
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}

function readStored(): string | null {
  try {
    return sessionStorage.getItem(KEY) ?? memoryToken;
  } catch {
    return memoryToken;
  }
}
