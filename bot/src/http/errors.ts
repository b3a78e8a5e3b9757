import type { z } from 'zod';
import { fieldLabel, type FieldLabel } from '#core/contracts/field-labels.js';
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
  VERSION_CONFLICT: 409,
  MEETING_NOT_MOVABLE: 409,
  MEETING_CANCELLED: 409,
  IDEMPOTENCY_KEY_IN_USE: 409,
  DATE_NOT_WORKING_DAY: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  CALENDAR_UNAVAILABLE: 503,
  RATE_LIMITED: 429,
  AUTH_UNAVAILABLE: 503,
};

export const statusOf = (code: ErrorCode): number => STATUS[code];

type Issue = z.core.$ZodIssue & { input?: unknown };
type Detail = { path: string; message: string };

/** Errors whose messages are already in words, so they are not worded twice. */
const worded = new WeakSet<DomainError>();

/** Our own rule messages start with what to do; anything else is a library's text, never shown. */
const OURS = /^(enter|use|choose|give|add|remove|answer|say|check)\b/;

const LIST_WORDS: Record<string, string> = { array: 'items', set: 'items' };

function plural(n: number | bigint, word: string): string {
  return `${n.toLocaleString('en-GB')} ${word}${Number(n) === 1 ? '' : 's'}`;
}

const missing = (field: FieldLabel | null) => {
  if (field?.kind === 'choice') return 'choose an answer';
  if (field?.kind === 'date') return 'enter a date in the form YYYY-MM-DD';
  if (field?.kind === 'number') return 'enter a number';
  if (field?.kind === 'list') return 'add at least one';
  if (field?.kind === 'group') return 'fill in this part';
  return 'enter a value';
};

/** What to do about one zod issue, in words, without the field's name. */
function whatToDo(issue: Issue, field: FieldLabel | null): string {
  if (OURS.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return missing(field);
      if (field?.kind === 'date' || field?.kind === 'group' || field?.kind === 'list')
        return missing(field);
      if (field?.kind === 'choice') return 'choose one of the options';
      if (issue.expected === 'int') return 'enter a whole number';
      if (issue.expected === 'number') return 'enter a number';
      if (issue.expected === 'boolean') return 'choose yes or no';
      if (issue.expected === 'array') return 'give a list';
      if (issue.expected === 'object') return 'fill in this part';
      return 'enter it as text';
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? missing(field)
          : `use at least ${plural(issue.minimum, 'character')}`;
      if (issue.origin in LIST_WORDS)
        return Number(issue.minimum) <= 1
          ? 'add at least one'
          : `add at least ${plural(issue.minimum, 'item')}`;
      return `use ${issue.minimum.toLocaleString('en-GB')} or more`;
    case 'too_big':
      if (issue.origin === 'string') return `use ${plural(issue.maximum, 'character')} or fewer`;
      if (issue.origin in LIST_WORDS) return `give no more than ${plural(issue.maximum, 'item')}`;
      return `use ${issue.maximum.toLocaleString('en-GB')} or less`;
    case 'invalid_format':
      if (issue.format === 'email') return 'enter an email address such as name@agency.example';
      if (issue.format === 'uuid' || issue.format === 'guid')
        return field?.kind === 'choice'
          ? 'choose one from the list'
          : 'use a reference this app gave';
      return 'check the format';
    case 'invalid_value':
    case 'invalid_union':
      if (issue.input === undefined || issue.input === null) return missing(field);
      return 'choose one of the options';
    case 'invalid_key':
      return 'this answer is not one of the questions: remove it';
    case 'not_multiple_of':
      return `use a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `remove ${issue.keys.length === 1 ? 'the field' : 'the fields'} ${issue.keys.map((k) => `"${k.slice(0, 40)}"`).join(', ')}: the form has no such field`;
    default:
      return 'check this answer';
  }
}

/** A field's label, also trying a referral form's path (domain checks name it from the form). */
function labelFor(path: readonly (string | number)[]): FieldLabel | null {
  return fieldLabel(path) ?? fieldLabel(['form', ...path]);
}

/** The words a person reads for a field at `path`: "Victim's postcode: use a UK postcode ...". */
export function inWords(path: readonly (string | number)[], message: string): string {
  const field = labelFor(path);
  const label = field?.label ?? (path.length === 0 ? 'The request' : 'This answer');
  const text = message.replace(/\.$/, '');
  if (text.startsWith(label)) return `${text}.`;
  return `${label}: ${text.charAt(0).toLowerCase()}${text.slice(1)}.`;
}

/** The one message of a 400, from its details. */
function summary(details: readonly Detail[]): string {
  const first = details[0];
  if (!first) return 'The request is not valid. Check the answers and try again.';
  if (details.length === 1) return first.message;
  return `There are ${details.length} problems to put right. The first: ${first.message}`;
}

/**
 * Turns a zod failure into a DomainError whose messages name each field in words and say what to
 * do. `path` stays the machine key (`body.form.victim.name`) that the tab uses to find the field.
 */
export function validationError(where: string, error: z.ZodError): DomainError {
  const seen = new Set<string>();
  const details: Detail[] = [];
  for (const issue of error.issues as Issue[]) {
    const path = issue.path.map(String);
    const key = [where, ...path].join('.');
    if (seen.has(key)) continue; // one message a field: the first is the one to fix
    seen.add(key);
    details.push({ path: key, message: inWords(path, whatToDo(issue, labelFor(path))) });
    if (details.length === 20) break;
  }
  const out = new DomainError('VALIDATION_FAILED', summary(details), details);
  worded.add(out);
  return out;
}

const NAMED = /^[A-Z][^:.]{1,60}: \S/;

/**
 * A use case's own validation error, its detail paths relative to the body or the referral
 * form: the same words as a schema's, the path unchanged.
 */
export function domainInWords(error: DomainError): DomainError {
  if (error.code !== 'VALIDATION_FAILED' || !error.details?.length || worded.has(error))
    return error;
  // A message that already names its field in words ("Certificate: upload ...") is kept as is.
  const details = error.details.map((d) => ({
    path: d.path,
    message: NAMED.test(d.message) ? d.message : inWords(d.path.split('.'), d.message),
  }));
  // Keep the use case's own sentence unless it quotes a path ("... victim.dateOfBirth: ...").
  const quotesPath = error.details.some((d) => error.message.includes(`${d.path}:`));
  return new DomainError(
    'VALIDATION_FAILED',
    quotesPath ? summary(details) : error.message,
    details,
  );
}
