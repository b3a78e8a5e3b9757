import { GraphError } from './graph-error.js';
import { KeyedLimiter } from './limiter.js';
import { KeyedTokenBucket, type MailboxRate } from './mailbox-rate.js';
import {
  defaultRetryPolicy,
  parseRetryAfter,
  retryDelayMs,
  type RetryPolicy,
} from './retry-policy.js';

/*
 * The one HTTP client for Microsoft Graph: tokens, base URL, JSON, Retry-After, concurrency, pacing
 * and coded errors live here and nowhere else.
 *
 * Why plain `fetch` and not the SDK's `Client.initWithMiddleware`: the SDK's default chain has a
 * RetryHandler that re-sends 429/503/504 answers, POSTs included, which must be off (DESIGN.md:
 * sendMail is not idempotent, the outbox owns retrying). With the RetryHandler removed, what is
 * left of the chain is a thin wrapper over fetch whose errors drop the Retry-After header this
 * layer needs. So the HTTP layer is fetch, and no SDK type can leak out of this folder.
 */

export interface TokenProvider {
  getToken(): Promise<string>;
}

export interface GraphClientOptions {
  tokens: TokenProvider;
  /** Defaults to the global v1.0 endpoint; tests point it at a loopback server. */
  baseUrl?: string;
  retry?: Partial<RetryPolicy>;
  /** Outlook's limit is 4 concurrent requests per app per mailbox. */
  maxConcurrentPerMailbox?: number;
  /**
   * Requests a second the client allows itself per mailbox, below Outlook's limit, so that it is
   * never answered 429 for its rate. Unset: no pacing, only Graph's Retry-After.
   */
  mailboxRate?: MailboxRate;
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds on a clock that only goes forward, for the pacing; tests pass a fake one. */
  now?: () => number;
}

export interface GraphRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Starts with `/`, segments already encoded: build it with {@link graphPath}. */
  path: string;
  query?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is, instead of JSON: `sendMail` takes a base64 MIME message as text/plain. */
  rawBody?: { contentType: string; text: string };
  /**
   * May a 503, a 504 or a lost connection be retried? It may be that Graph acted before failing.
   * Defaults to true except for POST; a 429 is always retried, as Graph did nothing.
   */
  idempotent?: boolean;
}

export const GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

/** Tagged template that URL-encodes every interpolated path segment (mailboxes, event ids). */
export function graphPath(strings: TemplateStringsArray, ...segments: string[]): string {
  return strings.reduce(
    (path, text, i) => path + text + (i < segments.length ? encodeURIComponent(segments[i]!) : ''),
    '',
  );
}

type Outcome<T> = { ok: true; body: T | undefined } | { ok: false; error: GraphError };

export class GraphClient {
  private readonly baseUrl: string;
  private readonly retry: RetryPolicy;
  private readonly limiter: KeyedLimiter;
  private readonly pace: KeyedTokenBucket | undefined;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: GraphClientOptions) {
    this.baseUrl = (options.baseUrl ?? GRAPH_BASE_URL).replace(/\/+$/, '');
    this.retry = { ...defaultRetryPolicy, ...options.retry };
    this.limiter = new KeyedLimiter(options.maxConcurrentPerMailbox ?? 4);
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.pace = options.mailboxRate
      ? new KeyedTokenBucket(options.mailboxRate, {
          now: options.now ?? (() => performance.now()),
          sleep: this.sleep,
        })
      : undefined;
  }

  /** Sends one request, waiting out throttling as Graph asks, and returns the parsed JSON body. */
  async request<T>(request: GraphRequest): Promise<T | undefined> {
    const idempotent = request.idempotent ?? request.method !== 'POST';
    const mailbox = mailboxKey(request.path);
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.limiter.run(mailbox, () => this.once<T>(request, mailbox));
      if (outcome.ok) return outcome.body;
      const { error } = outcome;
      const retryable = error.status === 429 || (idempotent && error.transient);
      const delay = retryable
        ? retryDelayMs(this.retry, attempt, error.retryAfterSeconds)
        : undefined;
      if (delay === undefined) throw error;
      await this.sleep(delay);
    }
  }

  /** GETs a collection, following `@odata.nextLink` pages. */
  async list<T>(path: string, query?: Record<string, string>): Promise<T[]> {
    const items: T[] = [];
    let next: GraphRequest | undefined = { method: 'GET', path, ...(query ? { query } : {}) };
    while (next) {
      const page: { value?: T[]; '@odata.nextLink'?: string } | undefined =
        await this.request(next);
      items.push(...(page?.value ?? []));
      next = this.nextPage(page?.['@odata.nextLink']);
    }
    return items;
  }

  private nextPage(link: string | undefined): GraphRequest | undefined {
    // Only links under our own base URL are followed: the bearer token goes nowhere else.
    if (!link || !link.startsWith(`${this.baseUrl}/`)) return undefined;
    return { method: 'GET', path: link.slice(this.baseUrl.length) };
  }

  private async once<T>(request: GraphRequest, mailbox: string): Promise<Outcome<T>> {
    const line = `${request.method} ${request.path.split('?')[0]}`;
    // A token failure is not an HTTP outcome: it propagates as the provider threw it.
    const token = await this.options.tokens.getToken();
    // Paced inside the mailbox's slot and just before the request goes: a token taken while
    // queueing for a slot would let the queue go out in a burst once the slots free up.
    if (this.pace && mailbox !== ANY_MAILBOX) await this.pace.take(mailbox);
    let response: Response;
    let text: string;
    try {
      response = await fetch(this.url(request), {
        method: request.method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...contentHeader(request),
        },
        ...(request.rawBody
          ? { body: request.rawBody.text }
          : request.body === undefined
            ? {}
            : { body: JSON.stringify(request.body) }),
      });
      text = await response.text();
    } catch (cause) {
      return {
        ok: false,
        error: new GraphError({ status: 0, code: 'NetworkError', request: line }, { cause }),
      };
    }
    const body = parseJson(text);
    if (response.ok) return { ok: true, body: body as T | undefined };
    return { ok: false, error: errorFrom(response, body, line) };
  }

  private url(request: GraphRequest): string {
    const query = new URLSearchParams(request.query ?? {}).toString();
    const joiner = request.path.includes('?') ? '&' : '?';
    return `${this.baseUrl}${request.path}${query ? joiner + query : ''}`;
  }
}

function contentHeader(request: GraphRequest): Record<string, string> {
  if (request.rawBody) return { 'content-type': request.rawBody.contentType };
  return request.body === undefined ? {} : { 'content-type': 'application/json' };
}

function errorFrom(response: Response, body: unknown, line: string): GraphError {
  const graph = (body as { error?: { code?: unknown } } | undefined)?.error;
  const code = typeof graph?.code === 'string' ? graph.code : `Http${response.status}`;
  return new GraphError({
    status: response.status,
    code,
    request: line,
    requestId: response.headers.get('request-id') ?? undefined,
    retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
  });
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const ANY_MAILBOX = '*';

/** Requests to `/users/{mailbox}/...` share that mailbox's four slots; anything else shares one lane. */
function mailboxKey(path: string): string {
  const match = /^\/users\/([^/?]+)/.exec(path);
  return match ? decodeURIComponent(match[1]!).toLowerCase() : ANY_MAILBOX;
}
