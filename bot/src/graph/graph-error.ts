/**
 * A failed call to Microsoft Graph: the HTTP status (0 when no answer came back), Graph's error
 * code, and what the outbox needs to decide whether and when to try again. The message names the
 * request line only; request bodies never go into it, because they carry attendee addresses.
 */
export class GraphError extends Error {
  readonly status: number;
  readonly code: string;
  /** Graph's `request-id` header, for a support ticket with Microsoft. */
  readonly requestId: string | undefined;
  /** The wait Graph asked for, when it asked for one (429, 503). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    init: {
      status: number;
      code: string;
      request: string;
      requestId?: string | undefined;
      retryAfterSeconds?: number | undefined;
    },
    options?: { cause?: unknown },
  ) {
    super(
      `Microsoft Graph answered ${init.status || 'nothing'} (${init.code}) to ${init.request}`,
      options,
    );
    this.name = 'GraphError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** Throttling and outages pass; anything else (400, 403, 404) will fail the same way again. */
  get transient(): boolean {
    return this.status === 0 || this.status === 429 || this.status === 503 || this.status === 504;
  }
}

export const isGraphError = (error: unknown): error is GraphError => error instanceof GraphError;
