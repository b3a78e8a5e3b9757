import type { ApiError } from '../../../core/contracts/api.js';
import { getToken } from '../auth/token.js';

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

let onUnauthorised: () => void = () => {};

/** The app registers what a 401 does: drop the token and go back to the sign-in screen. */
export function setUnauthorisedHandler(handler: () => void): void {
  onUnauthorised = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Sign-in calls go without a token. */
  anonymous?: boolean;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (!options.anonymous) {
    const token = await getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
  }
  let response: Response;
  try {
    response = await fetch(path, {
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
  if (response.status === 401 && !options.anonymous) onUnauthorised();
  if (!response.ok) throw new ApiRequestError(response.status, await readError(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
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
