import {
  appendAudit,
  appendAuditStandalone,
  AuditEntryError,
} from '../../../bot/src/audit/audit-log.js';
import { verifyAuditChain } from '../../../bot/src/audit/verify.js';
import type { Db } from '../../../bot/src/db/db.js';
import { migrate } from '../../../bot/src/db/migrate.js';
import { backends } from '../../support/backends.js';
import { ACTOR, appendMany, clearLog, sampleEntry } from './audit-fixtures.js';

const intact = (entries: number) => ({ ok: true, entries, firstBadEntry: null, reason: null });

describe.each(backends())('audit log on $name', ({ open }) => {
  let db: Db;

  beforeAll(async () => {
    db = await open();
    await migrate(db);
  });
  afterAll(() => db.close());
  beforeEach(() => clearLog(db));

  it('verifies an empty log', async () => {
    expect(await verifyAuditChain(db, { dataDir: null })).toEqual(intact(0));
  });

  it('numbers entries 1, 2, 3, links each to the hash before it, and verifies across pages', async () => {
    const first = await appendAuditStandalone(db, sampleEntry(1));
    const second = await appendAuditStandalone(db, sampleEntry(2));
    expect(first.id).toBe('1');
    expect(second.id).toBe('2');
    const { rows } = await db.query<{ prev_hash: string }>(
      'SELECT prev_hash FROM audit_log WHERE id = 2',
    );
    expect(rows[0]!.prev_hash).toBe(first.hash);
    await appendMany(db, 19); // 21 in all: three full pages of 7, then an empty one
    for (const pageSize of [7, 5, 5_000]) {
      expect(await verifyAuditChain(db, { dataDir: null, pageSize })).toEqual(intact(21));
    }
  });

  it('stores only ids and codes, and an upper-case actor id still verifies', async () => {
    await appendAuditStandalone(
      db,
      sampleEntry(1, { actorId: ACTOR.toUpperCase(), at: undefined }),
    );
    await appendAuditStandalone(db, {
      ...sampleEntry(2),
      actorId: null,
      recordType: null,
      recordId: null,
      outcome: 'denied',
      action: 'request.denied',
    });
    expect(await verifyAuditChain(db, { dataDir: null })).toEqual(intact(2));
    const { rows } = await db.query(
      'SELECT actor_id, action, record_id, outcome FROM audit_log ORDER BY id',
    );
    expect(rows).toEqual([
      { actor_id: ACTOR, action: 'case.read', record_id: 'case-1', outcome: 'ok' },
      { actor_id: null, action: 'request.denied', record_id: null, outcome: 'denied' },
    ]);
  });

  it('commits an entry with the write it records, or not at all', async () => {
    await expect(
      db.transaction(async (tx) => {
        await appendAudit(tx, sampleEntry(1));
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect((await appendAuditStandalone(db, sampleEntry(2))).id).toBe('1');
    expect(await verifyAuditChain(db, { dataDir: null })).toEqual(intact(1));
  });

  it('refuses free text before touching the database', async () => {
    await expect(
      appendAuditStandalone(db, sampleEntry(1, { recordId: 'Jane Doe' })),
    ).rejects.toThrow(AuditEntryError);
    await expect(
      appendAuditStandalone(db, sampleEntry(1, { action: 'case read' })),
    ).rejects.toThrow(AuditEntryError);
    expect((await db.query('SELECT 1 FROM audit_log')).rows).toHaveLength(0);
  });

  it.each([
    ['UPDATE', "UPDATE audit_log SET outcome = 'denied'"],
    ['DELETE', 'DELETE FROM audit_log'],
    ['TRUNCATE', 'TRUNCATE audit_log'],
  ])('refuses %s: the log is append-only', async (_op, sql) => {
    await appendMany(db, 3);
    await expect(db.query(sql)).rejects.toThrow('audit_log is append-only');
    expect(await verifyAuditChain(db, { dataDir: null })).toEqual(intact(3));
  });

  it('keeps a gap-free valid chain under 200 concurrent appends, some rolled back', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        db.transaction(async (tx) => {
          await appendAudit(tx, sampleEntry(i + 1));
          if (i % 10 === 9) throw new Error('rolled back');
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(20);
    const { rows } = await db.query<{ n: number; max: string }>(
      'SELECT count(*)::int AS n, max(id)::text AS max FROM audit_log',
    );
    expect(rows[0]).toEqual({ n: 180, max: '180' });
    expect(await verifyAuditChain(db, { dataDir: null, pageSize: 50 })).toEqual(intact(180));
  });
});
