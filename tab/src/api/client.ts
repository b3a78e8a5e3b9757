import type { ApiError } from '#core/contracts/api.js';
import {
  describeSignInFailure,
  SERVER_REFUSED,
  type SignInProblem,
} from '../auth/sign-in-problem.js';
import { getFreshToken, getToken, usesHostTokens } from '../auth/token.js';

type ErrorBody = ApiError['error'];

/** An API failure in the contract's shape, ready to show to the user (never a stack). */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: { path: string; message: string }[];
  readonly correlationId: string | undefined;

  constructor(status: number, body: Partial<ErrorBody>) {
    super(body.message ?? `The server answered ${status}. Try again in a moment.`);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = body.code ?? 'UNKNOWN';
    this.details = body.details ?? [];
    this.correlationId = body.correlationId;
  }
}

let onUnauthorised: (problem: SignInProblem | null) => void = () => {};
let hostName: string | null = null;

/**
 * The app registers what a refused sign-in does: with the development sign-in, drop the token and
 * go back to the sign-in screen (problem is null); inside a host, show what went wrong.
 */
export function setUnauthorisedHandler(handler: (problem: SignInProblem | null) => void): void {
  onUnauthorised = handler;
}

/** The host's name, for the words of sign-in problems ("Teams could not sign you in"). */
export function setHostNameForMessages(name: string | null): void {
  hostName = name;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Sign-in calls go without a token. */
  anonymous?: boolean;
  /**
   * One key per user action (see newActionKey): a retried or repeated action sends the same key,
   * and the server answers it once. A POST without one gets a key of its own for this call.
   */
  idempotencyKey?: string;
}

/** A random key for one user action, made when the person clicks. */
export function newActionKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Outside a secure context randomUUID is missing: a version 4 UUID from random bytes.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Calls the API with the bearer token. Inside a host, a 401 is retried once with a fresh token
 * (the kept one may have been revoked or expired early); a second 401 is a refused sign-in.
 */
export async function request<T>(path: string, given: RequestOptions = {}): Promise<T> {
  const response = await authorised(path, given);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A document the API answered with (a PDF), to save: its bytes, file name and headers. */
export interface ApiFile {
  blob: Blob;
  filename: string;
  headers: Headers;
}

/**
 * Calls a route that answers with a document or with JSON: the document comes back as a Blob
 * with the name the server gave it (Content-Disposition), or `fallbackName`; JSON as `json`.
 */
export async function requestDocument<T>(
  path: string,
  given: RequestOptions & { fallbackName: string },
): Promise<{ file: ApiFile; json?: never } | { json: T; file?: never }> {
  const response = await authorised(path, given, 'application/pdf, application/json');
  const type = response.headers.get('Content-Type') ?? '';
  if (type.startsWith('application/json')) return { json: (await response.json()) as T };
  const named = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '');
  return {
    file: {
      blob: await response.blob(),
      filename: named?.[1] ?? given.fallbackName,
      headers: response.headers,
    },
  };
}

/**
 * Fetches a file the API makes (the data return as CSV or Excel) with the bearer token: a plain
 * link would go without it inside Teams or Outlook, where the token is not a cookie. The name is
 * the server's, from Content-Disposition, or `fallbackName`.
 */
export async function requestFile(path: string, fallbackName: string): Promise<ApiFile> {
  const response = await authorised(path, {}, '*/*');
  const named = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '');
  return {
    blob: await response.blob(),
    filename: named?.[1] ?? fallbackName,
    headers: response.headers,
  };
}

/** The successful response to a call with the bearer token, or the refusal thrown. */
async function authorised(
  path: string,
  given: RequestOptions,
  accept = 'application/json',
): Promise<Response> {
  // The key is fixed before the first attempt, so the retry with a fresh token repeats it.
  const options =
    (given.method ?? 'GET') === 'POST' && !given.idempotencyKey
      ? { ...given, idempotencyKey: newActionKey() }
      : given;
  let response: Response;
  if (options.anonymous) {
    response = await send(path, options, null, accept);
  } else {
    const token = await tokenOrThrow(getToken);
    response = await send(path, options, token, accept);
    if (response.status === 401 && usesHostTokens()) {
      response = await send(
        path,
        options,
        await tokenOrThrow(() => getFreshToken(token ?? undefined)),
        accept,
      );
    }
    if (response.status === 401) {
      onUnauthorised(usesHostTokens() ? SERVER_REFUSED : null);
      if (usesHostTokens()) throw signInError(SERVER_REFUSED);
    }
  }
  if (!response.ok) throw new ApiRequestError(response.status, await readError(response));
  return response;
}

async function send(
  path: string,
  options: RequestOptions,
  token: string | null,
  accept: string,
): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  try {
    return await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiRequestError(0, {
      code: 'NETWORK',
      message: 'The MARAC service could not be reached. Check your connection and try again.',
    });
  }
}

/** A token, or (the host could not sign the person in) the problem shown and thrown. */
async function tokenOrThrow(read: () => Promise<string | null>): Promise<string | null> {
  try {
    return await read();
  } catch (error) {
    const problem = describeSignInFailure(error, hostName);
    onUnauthorised(problem);
    throw signInError(problem);
  }
}

function signInError(problem: SignInProblem): ApiRequestError {
  return new ApiRequestError(401, {
    code: 'SIGN_IN',
    message: `${problem.title}. ${problem.nextStep}`,
  });
}

async function readError(response: Response): Promise<Partial<ErrorBody>> {
  try {
    const body = (await response.json()) as { error?: Partial<ErrorBody> };
    if (body.error && typeof body.error.message === 'string') return body.error;
  } catch {
    // Not JSON (a proxy's error page, say): fall through to a plain message.
  }
  return {};
}

/** Turns anything thrown into something the MessageBar can show. */
export function toApiError(error: unknown): ApiRequestError {
  if (error instanceof ApiRequestError) return error;
  return new ApiRequestError(0, {
    code: 'UNEXPECTED',
    message: 'Something went wrong in the tab. Reload the page and try again.',
  });
}
