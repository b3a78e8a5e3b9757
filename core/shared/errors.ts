/**
 * Expected failures are values of this class: a code the API maps to an HTTP status in one
 * table, and a message that says what happened and what to do. Messages never carry case data.
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'AREA_NOT_FOUND'
  | 'MEETING_NOT_FOUND'
  | 'SERIES_NOT_FOUND'
  | 'SERIES_EXISTS'
  | 'MEETING_NOT_MOVABLE'
  | 'MEETING_CANCELLED'
  | 'DATE_NOT_WORKING_DAY'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  /** Someone else saved the record since the writer read it: nothing was overwritten. */
  | 'VERSION_CONFLICT'
  | 'CALENDAR_UNAVAILABLE'
  | 'RATE_LIMITED'
  | 'AUTH_UNAVAILABLE'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IDEMPOTENCY_KEY_IN_USE';

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: readonly { path: string; message: string }[] | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    details?: readonly { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
