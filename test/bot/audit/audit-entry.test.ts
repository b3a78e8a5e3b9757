import { createHash } from 'node:crypto';
import {
  AuditEntryError,
  canonicalEntry,
  GENESIS_HASH,
  hashEntry,
  serialiseForHash,
  type AuditEntry,
} from '../../../bot/src/audit/audit-entry.js';
import { ACTOR, sampleEntry } from './audit-fixtures.js';

describe('audit entry', () => {
  it('serialises in a fixed order with explicit nulls, a UTC time to the millisecond and the previous hash', () => {
    const entry = canonicalEntry({
      actorId: null,
      action: 'request.denied',
      recordType: null,
      recordId: null,
      outcome: 'denied',
      correlationId: 'c-1',
      at: new Date('2027-10-31T01:30:00.5+01:00'),
    });
    const text = serialiseForHash('1', entry, GENESIS_HASH);
    expect(text).toBe(
      `["marac-audit-v1","1","2027-10-31T00:30:00.500Z",null,"request.denied",null,null,"denied","c-1","${GENESIS_HASH}"]`,
    );
    // Pinned: changing the serialisation would make every stored chain fail to verify.
    expect(hashEntry('1', entry, GENESIS_HASH)).toBe(
      createHash('sha256').update(text).digest('hex'),
    );
    expect(hashEntry('1', entry, GENESIS_HASH)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lower-cases the actor id, as PostgreSQL returns a uuid', () => {
    expect(canonicalEntry(sampleEntry(1, { actorId: ACTOR.toUpperCase() })).actorId).toBe(ACTOR);
  });

  it('takes the time from the clock when none is given', () => {
    const at = canonicalEntry(
      sampleEntry(1, { at: undefined }),
      () => new Date(Date.UTC(2027, 0, 1)),
    ).at;
    expect(at).toBe('2027-01-01T00:00:00.000Z');
  });

  const refused: [string, Partial<AuditEntry>][] = [
    ['an action with spaces', { action: 'read case of Jane Doe' }],
    ['an action in capitals', { action: 'Case.Read' }],
    ['an action too long', { action: `a${'b'.repeat(64)}` }],
    ['an empty action', { action: '' }],
    ['a record type with a space', { recordType: 'case note' }],
    ['a record id that is a name', { recordId: 'Jane Doe' }],
    ['a record id with an email', { recordId: 'jane@example.org' }],
    ['a record id over 100 characters', { recordId: 'x'.repeat(101) }],
    ['an empty record id', { recordId: '' }],
    ['a correlation id with free text', { correlationId: 'moved because of court date' }],
    ['an actor that is not a uuid', { actorId: 'Jane Doe' }],
    ['an unknown outcome', { outcome: 'maybe' as AuditEntry['outcome'] }],
    ['an invalid time', { at: new Date('not a date') }],
    ['a line break in a record id', { recordId: 'case-1\nJane' }],
  ];
  it.each(refused)('refuses %s, without echoing the value', (_label, overrides) => {
    let error: unknown;
    try {
      canonicalEntry(sampleEntry(1, overrides));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AuditEntryError);
    expect((error as Error).message).toMatch(/^audit entry refused: \w+ must be/);
    expect((error as Error).message).not.toMatch(/Jane|court/);
  });

  it('accepts the longest record id allowed', () => {
    expect(canonicalEntry(sampleEntry(1, { recordId: 'x'.repeat(100) })).recordId).toHaveLength(
      100,
    );
  });
});
