import type { TokenCache } from './token-cache.js';

/**
 * The one place the tab gets a bearer token for the API.
 *
 * Development sign-in (local mode): the token is stored in sessionStorage, so it dies with the
 * tab and is never written to localStorage, a cookie or a URL. Where the browser denies storage
 * (a third-party frame with storage blocked), it lives in memory only and a reload asks again.
 *
 * Inside Teams or Outlook (see `host-sign-in.ts`): the host's Entra ID token, from nested app
 * authentication or `authentication.getAuthToken()`, held in memory only and asked for again
 * before it expires; after a 401 the API client asks for a fresh one once (`getFreshToken`).
 */
const KEY = 'marac.token';
let memoryToken: string | null = null;
let host: TokenCache | null = null;

/** From now on tokens come from the host (the development token, if any, is dropped). */
export function takeTokensFromHost(cache: TokenCache): void {
  clearToken();
  host = cache;
}

export function usesHostTokens(): boolean {
  return host !== null;
}

/** The token for the next request; rejects when the host cannot sign the person in. */
export async function getToken(): Promise<string | null> {
  if (host) return host.get();
  return readStored();
}

/** A new token after the server refused `refused`, or null where there is none to be had. */
export async function getFreshToken(refused?: string): Promise<string | null> {
  return host ? host.refresh(refused) : null;
}

/** Whether a development token is at hand without asking anyone (decides the first screen). */
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
  host?.clear();
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
