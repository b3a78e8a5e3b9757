import { createHash } from 'node:crypto';

/**
 * One audit entry as the app records it. Only identifiers and fixed codes: the log records that
 * someone read or changed a case, never what the case says, so it can be kept longer and shown to
 * more people than the cases themselves.
 */
export interface AuditEntry {
  /** The person acting (their person id); null for the system or an unauthenticated caller. */
  actorId: string | null;
  /** What was done, e.g. 'meeting.move', 'case.read', 'request.denied'. */
  action: string;
  recordType: string | null;
  recordId: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  correlationId: string;
  /** When it happened; now if absent. Kept to the millisecond. */
  at?: Date;
}

/** An entry that passed validation, in the exact form that is hashed and stored. */
export interface CanonicalEntry {
  actorId: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  outcome: AuditEntry['outcome'];
  correlationId: string;
  /** ISO 8601 in UTC with milliseconds, as `Date.prototype.toISOString` writes it. */
  at: string;
}

/** The `prev_hash` of entry 1. */
export const GENESIS_HASH = '0'.repeat(64);

/** Refused entries: the message names the field, never the value, since the value may be personal. */
export class AuditEntryError extends Error {
  override name = 'AuditEntryError';
}

const CODE = /^[a-z][a-z0-9_.-]{0,63}$/;
const IDENTIFIER = /^[A-Za-z0-9:_-]{1,100}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const OUTCOMES: readonly string[] = ['ok', 'denied', 'failed'];

function check(ok: boolean, field: string, rule: string): void {
  if (!ok) throw new AuditEntryError(`audit entry refused: ${field} must be ${rule}`);
}

/**
 * Validates an entry and puts it in canonical form. The narrow character sets are the point: no
 * free text (a name, a note, a reason) can reach the log, so no personal data can either.
 * The actor id is lower-cased because PostgreSQL returns a uuid that way, and the hash must
 * recompute from what is stored.
 */
export function canonicalEntry(
  entry: AuditEntry,
  now: () => Date = () => new Date(),
): CanonicalEntry {
  const actorId = entry.actorId === null ? null : String(entry.actorId).toLowerCase();
  check(actorId === null || UUID.test(actorId), 'actorId', 'a uuid or null');
  check(CODE.test(entry.action), 'action', 'a short code like "case.read"');
  check(
    entry.recordType === null || CODE.test(entry.recordType),
    'recordType',
    'a short code or null',
  );
  check(
    entry.recordId === null || IDENTIFIER.test(entry.recordId),
    'recordId',
    'an id of [A-Za-z0-9:_-], at most 100, or null',
  );
  check(OUTCOMES.includes(entry.outcome), 'outcome', "'ok', 'denied' or 'failed'");
  check(
    IDENTIFIER.test(entry.correlationId),
    'correlationId',
    'an id of [A-Za-z0-9:_-], at most 100',
  );
  const at = entry.at ?? now();
  const year = at instanceof Date ? at.getUTCFullYear() : NaN;
  check(year >= 2000 && year <= 9999, 'at', 'a valid date between the years 2000 and 9999');
  return {
    actorId,
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId,
    outcome: entry.outcome,
    correlationId: entry.correlationId,
    at: at.toISOString(),
  };
}

/**
 * The exact bytes that are hashed: a JSON array in a fixed order with explicit nulls, headed by a
 * format tag so a future format cannot be confused with this one. Every field is plain ASCII after
 * validation, so JSON.stringify has one possible output. The id is included so renumbering an
 * entry breaks its hash as well as the chain.
 */
export function serialiseForHash(id: string, entry: CanonicalEntry, prevHash: string): string {
  return JSON.stringify([
    'marac-audit-v1',
    id,
    entry.at,
    entry.actorId,
    entry.action,
    entry.recordType,
    entry.recordId,
    entry.outcome,
    entry.correlationId,
    prevHash,
  ]);
}

/** SHA-256, lower-case hex, of the serialisation above. */
export function hashEntry(id: string, entry: CanonicalEntry, prevHash: string): string {
  return createHash('sha256')
    .update(serialiseForHash(id, entry, prevHash), 'utf8')
    .digest('hex');
}
