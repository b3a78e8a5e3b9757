import { existsSync } from 'node:fs';
import { auditVerifyCommand } from '../../../bot/src/audit/audit-verify-command.js';
import { checkpointPath, readCheckpoint } from '../../../bot/src/audit/checkpoint.js';
import type { Db } from '../../../bot/src/store/db.js';
import { migrate } from '../../../bot/src/store/migrate.js';
import { backends } from '../../support/backends.js';
import { appendMany, asSuperuser, clearLog, makeTempDir, removeDir } from './audit-fixtures.js';

describe.each(backends())('npx marac audit-verify on $name', ({ open }) => {
  let db: Db;
  let dataDir: string;

  beforeAll(async () => {
    db = await open();
    await migrate(db);
  });
  afterAll(() => db.close());
  beforeEach(async () => {
    await clearLog(db);
    dataDir = await makeTempDir();
  });
  afterEach(() => removeDir(dataDir));

  it('prints exactly the JSON shape and exits 0 on a clean log, empty or not', async () => {
    expect(await auditVerifyCommand(db, dataDir, ['--json'])).toEqual({
      exitCode: 0,
      stdout: '{"ok":true,"entries":0,"firstBadEntry":null}\n',
      stderr: '',
    });
    await appendMany(db, 3);
    expect((await auditVerifyCommand(db, dataDir, ['--json'])).stdout).toBe(
      '{"ok":true,"entries":3,"firstBadEntry":null}\n',
    );
  });

  it('names the first bad entry as a JSON number and exits 1', async () => {
    await appendMany(db, 20);
    await asSuperuser(db, 'DELETE FROM audit_log WHERE id = 17');
    expect(await auditVerifyCommand(db, dataDir, ['--json'])).toEqual({
      exitCode: 1,
      stdout: '{"ok":false,"entries":19,"firstBadEntry":17}\n',
      stderr: '',
    });
  });

  it('prints a readable line without --json', async () => {
    await appendMany(db, 4);
    expect((await auditVerifyCommand(db, dataDir, [])).stdout).toBe(
      'Audit log intact: 4 entries.\n',
    );
    await asSuperuser(db, "UPDATE audit_log SET outcome = 'failed' WHERE id = 2");
    expect(await auditVerifyCommand(db, dataDir, [])).toEqual({
      exitCode: 1,
      stdout:
        'Audit log NOT intact (4 entries): entry 2: hash does not match its content (edited)\n',
      stderr: '',
    });
  });

  it('signs a checkpoint with --checkpoint only over a log that verifies', async () => {
    await appendMany(db, 4);
    const signed = await auditVerifyCommand(db, dataDir, ['--checkpoint']);
    expect(signed).toMatchObject({
      exitCode: 0,
      stdout: 'Audit log intact: 4 entries.\nCheckpoint signed at entry 4.\n',
    });
    expect(await readCheckpoint(dataDir)).toMatchObject({
      status: 'valid',
      checkpoint: { id: '4' },
    });

    await removeDir(dataDir);
    await asSuperuser(db, "UPDATE audit_log SET action = 'case.export' WHERE id = 3");
    expect(await auditVerifyCommand(db, dataDir, ['--checkpoint', '--json'])).toMatchObject({
      exitCode: 1,
    });
    expect(existsSync(checkpointPath(dataDir))).toBe(false);
  });

  it.each([
    [['--jsn'], 2, 'Unknown option "--jsn"'],
    [['--checkpoint'], 2, 'needs a data folder'],
  ])('refuses %j with exit %i', async (argv, exitCode, message) => {
    const result = await auditVerifyCommand(db, argv[0] === '--checkpoint' ? null : dataDir, argv);
    expect(result.exitCode).toBe(exitCode);
    expect(result.stderr).toContain(message);
  });

  it('prints its usage with --help', async () => {
    expect(await auditVerifyCommand(db, dataDir, ['--help'])).toMatchObject({
      exitCode: 0,
      stdout: expect.stringContaining('--json'),
    });
  });
});
