import { existsSync } from 'node:fs';
import { auditVerifyCommand } from '../../../bot/src/audit/audit-verify-command.js';
import { checkpointPath, readCheckpoint } from '../../../bot/src/audit/checkpoint.js';
import { backends } from '../../support/backends.js';
import { appendMany, asSuperuser, removeDir, useAuditStore } from './audit-fixtures.js';

describe.each(backends())('npx marac audit-verify on $name', ({ open }) => {
  const store = useAuditStore(open);

  it('prints exactly the JSON shape and exits 0 on a clean log, empty or not', async () => {
    expect(await auditVerifyCommand(store.db, store.dataDir, ['--json'])).toEqual({
      exitCode: 0,
      stdout: '{"ok":true,"entries":0,"firstBadEntry":null}\n',
      stderr: '',
    });
    await appendMany(store.db, 3);
    expect((await auditVerifyCommand(store.db, store.dataDir, ['--json'])).stdout).toBe(
      '{"ok":true,"entries":3,"firstBadEntry":null}\n',
    );
  });

  it('names the first bad entry as a JSON number and exits 1', async () => {
    await appendMany(store.db, 20);
    await asSuperuser(store.db, 'DELETE FROM audit_log WHERE id = 17');
    expect(await auditVerifyCommand(store.db, store.dataDir, ['--json'])).toEqual({
      exitCode: 1,
      stdout: '{"ok":false,"entries":19,"firstBadEntry":17}\n',
      stderr: '',
    });
  });

  it('prints a readable line without --json', async () => {
    await appendMany(store.db, 4);
    expect((await auditVerifyCommand(store.db, store.dataDir, [])).stdout).toBe(
      'Audit log intact: 4 entries.\n',
    );
    await asSuperuser(store.db, "UPDATE audit_log SET outcome = 'failed' WHERE id = 2");
    expect(await auditVerifyCommand(store.db, store.dataDir, [])).toEqual({
      exitCode: 1,
      stdout:
        'Audit log NOT intact (4 entries): entry 2: hash does not match its content (edited)\n',
      stderr: '',
    });
  });

  it('signs a checkpoint with --checkpoint only over a log that verifies', async () => {
    await appendMany(store.db, 4);
    const signed = await auditVerifyCommand(store.db, store.dataDir, ['--checkpoint']);
    expect(signed).toMatchObject({
      exitCode: 0,
      stdout: 'Audit log intact: 4 entries.\nCheckpoint signed at entry 4.\n',
    });
    expect(await readCheckpoint(store.dataDir)).toMatchObject({
      status: 'valid',
      checkpoint: { id: '4' },
    });

    await removeDir(store.dataDir);
    await asSuperuser(store.db, "UPDATE audit_log SET action = 'case.export' WHERE id = 3");
    expect(
      await auditVerifyCommand(store.db, store.dataDir, ['--checkpoint', '--json']),
    ).toMatchObject({
      exitCode: 1,
    });
    expect(existsSync(checkpointPath(store.dataDir))).toBe(false);
  });

  it.each([
    [['--jsn'], 2, 'Unknown option "--jsn"'],
    [['--checkpoint'], 2, 'needs a data folder'],
  ])('refuses %j with exit %i', async (argv, exitCode, message) => {
    const result = await auditVerifyCommand(
      store.db,
      argv[0] === '--checkpoint' ? null : store.dataDir,
      argv,
    );
    expect(result.exitCode).toBe(exitCode);
    expect(result.stderr).toContain(message);
  });

  it('prints its usage with --help', async () => {
    expect(await auditVerifyCommand(store.db, store.dataDir, ['--help'])).toMatchObject({
      exitCode: 0,
      stdout: expect.stringContaining('--json'),
    });
  });
});
