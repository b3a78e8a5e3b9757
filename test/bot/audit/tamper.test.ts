import { appendAuditStandalone } from '../../../bot/src/audit/audit-log.js';
import { writeCheckpoint } from '../../../bot/src/audit/checkpoint.js';
import { verifyAuditChain } from '../../../bot/src/audit/verify.js';
import { backends } from '../../support/backends.js';
import {
  appendMany,
  asSuperuser,
  clearLog,
  removeDir,
  rewriteChainFrom,
  sampleEntry,
  useAuditStore,
} from './audit-fixtures.js';

describe.each(backends())('audit-verify catches tampering on $name', ({ open }) => {
  const store = useAuditStore(open);
  beforeEach(() => appendMany(store.db, 40));
  afterEach(() => removeDir(store.dataDir));

  const verify = (pageSize = 5_000) =>
    verifyAuditChain(store.db, { dataDir: store.dataDir, pageSize });

  it('passes the untouched log, with and without a checkpoint', async () => {
    expect(await verify()).toMatchObject({ ok: true, entries: 40 });
    await writeCheckpoint(store.db, store.dataDir);
    expect(await verify()).toMatchObject({ ok: true, entries: 40 });
  });

  it('names an edited entry', async () => {
    await asSuperuser(store.db, "UPDATE audit_log SET record_id = 'case-999' WHERE id = 17");
    expect(await verify(8)).toEqual({
      ok: false,
      entries: 40,
      firstBadEntry: '17',
      reason: 'entry 17: hash does not match its content (edited)',
    });
  });

  it('names an edited time, even below the millisecond', async () => {
    await asSuperuser(
      store.db,
      "UPDATE audit_log SET at = at + interval '1 microsecond' WHERE id = 5",
    );
    expect(await verify()).toMatchObject({ ok: false, firstBadEntry: '5' });
  });

  it('names the broken link when an entry was edited and only its own hash recomputed', async () => {
    await rewriteChainFrom(store.db, 12, 'case.export', 12);
    expect(await verify()).toEqual({
      ok: false,
      entries: 40,
      firstBadEntry: '13',
      reason: 'entry 13: prev_hash does not match entry 12 (chain broken)',
    });
  });

  it('names an entry whose prev_hash was edited', async () => {
    await asSuperuser(store.db, 'UPDATE audit_log SET prev_hash = $1 WHERE id = 1', [
      'a'.repeat(64),
    ]);
    expect(await verify()).toMatchObject({
      firstBadEntry: '1',
      reason: 'entry 1: prev_hash does not match the start of the log (chain broken)',
    });
  });

  it.each([
    ['a middle entry', [17], '17'],
    ['the first entry', [1], '1'],
    ['several entries', [20, 21, 22], '20'],
  ])('names a deleted entry: %s', async (_label, ids, named) => {
    await asSuperuser(store.db, 'DELETE FROM audit_log WHERE id = ANY($1::bigint[])', [ids]);
    expect(await verify(7)).toEqual({
      ok: false,
      entries: 40 - ids.length,
      firstBadEntry: named,
      reason: `entry ${named} missing (deleted)`,
    });
  });

  it('catches a rewritten chain through the checkpoint, naming the entry', async () => {
    await clearLog(store.db);
    await appendMany(store.db, 30);
    await writeCheckpoint(store.db, store.dataDir);
    for (let n = 31; n <= 40; n += 1) await appendAuditStandalone(store.db, sampleEntry(n));
    await rewriteChainFrom(store.db, 30, 'case.export');
    // The chain alone is consistent again: only the checkpoint sees the rewrite.
    expect(await verifyAuditChain(store.db, { dataDir: null })).toMatchObject({ ok: true });
    expect(await verify()).toEqual({
      ok: false,
      entries: 40,
      firstBadEntry: '30',
      reason: 'entry 30: does not match the signed checkpoint (chain rewritten)',
    });
  });

  it('names the checkpoint entry when the rewrite began before it', async () => {
    await writeCheckpoint(store.db, store.dataDir);
    await rewriteChainFrom(store.db, 10, 'case.export');
    expect(await verify()).toMatchObject({ ok: false, firstBadEntry: '40' });
  });

  it('catches a log cut short below the checkpoint', async () => {
    await writeCheckpoint(store.db, store.dataDir);
    await asSuperuser(store.db, 'DELETE FROM audit_log WHERE id > 35');
    expect(await verify()).toEqual({
      ok: false,
      entries: 35,
      firstBadEntry: '36',
      reason:
        'entry 36 missing: the log ends at entry 35 but the signed checkpoint covers entry 40 (truncated)',
    });
    await clearLog(store.db);
    expect(await verify()).toMatchObject({ ok: false, entries: 0, firstBadEntry: '1' });
  });

  it('cannot see the newest entries removed when no checkpoint covers them (a known limit)', async () => {
    await writeCheckpoint(store.db, store.dataDir);
    for (let n = 41; n <= 45; n += 1) await appendAuditStandalone(store.db, sampleEntry(n));
    await asSuperuser(store.db, 'DELETE FROM audit_log WHERE id > 40');
    expect(await verify()).toMatchObject({ ok: true, entries: 40 });
  });

  it('refuses to move a checkpoint over a rewritten chain', async () => {
    await writeCheckpoint(store.db, store.dataDir);
    await rewriteChainFrom(store.db, 40, 'case.export');
    await expect(writeCheckpoint(store.db, store.dataDir)).rejects.toThrow(
      'entry 40 no longer matches it',
    );
    expect(await verify()).toMatchObject({ ok: false, firstBadEntry: '40' });
  });
});
