import { z } from 'zod';
import { DomainError, type ErrorCode } from '#core/shared/errors.js';

/** The one table from error codes to HTTP status. */
const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  AREA_NOT_FOUND: 404,
  MEETING_NOT_FOUND: 404,
  SERIES_NOT_FOUND: 404,
  SERIES_EXISTS: 409,
  CONFLICT: 409,
  MEETING_NOT_MOVABLE: 409,
  MEETING_CANCELLED: 409,
  DATE_NOT_WORKING_DAY: 422,
  CALENDAR_UNAVAILABLE: 503,
  RATE_LIMITED: 429,
  AUTH_UNAVAILABLE: 503,
};

export const statusOf = (code: ErrorCode): number => STATUS[code];

/** Turns a zod failure into a DomainError that names each field and what is wrong with it. */
export function validationError(where: string, error: z.ZodError): DomainError {
  const details = error.issues.slice(0, 20).map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message:
      issue.code === 'unrecognized_keys'
        ? `unknown field(s): ${issue.keys.join(', ')}`
        : issue.message,
  }));
  const first = details[0];
  return new DomainError(
    'VALIDATION_FAILED',
    first
      ? `The request is not valid: ${first.path}: ${first.message}.`
      : 'The request is not valid.',
    details,
  );
}
