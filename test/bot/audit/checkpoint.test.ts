import { generateKeyPairSync, sign } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkpointKeyPaths } from '../../../bot/src/audit/checkpoint-key.js';
import {
  checkpointMessage,
  checkpointPath,
  readCheckpoint,
  writeCheckpoint,
  type Checkpoint,
} from '../../../bot/src/audit/checkpoint.js';
import { verifyAuditChain } from '../../../bot/src/audit/verify.js';
import type { Db } from '../../../bot/src/store/db.js';
import { migrate } from '../../../bot/src/store/migrate.js';
import { backends } from '../../support/backends.js';
import { appendMany, clearLog, makeTempDir, removeDir } from './audit-fixtures.js';

const mode = async (file: string) => (await stat(file)).mode & 0o777;
const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Checkpoint;

describe.each(backends())('audit checkpoint on $name', ({ open }) => {
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

  it('writes nothing, not even a key, for an empty log', async () => {
    expect(await writeCheckpoint(db, dataDir)).toBeNull();
    expect(existsSync(path.join(dataDir, 'keys'))).toBe(false);
    expect(await readCheckpoint(dataDir)).toEqual({ status: 'none' });
  });

  it('signs the latest entry, keeping the files private to their owner', async () => {
    await appendMany(db, 3);
    const written = await writeCheckpoint(db, dataDir);
    const { rows } = await db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE id = 3');
    expect(written).toMatchObject({ id: '3', hash: rows[0]!.hash });
    expect(await readCheckpoint(dataDir)).toEqual({ status: 'valid', checkpoint: written });
    expect(await readJson(checkpointPath(dataDir))).toEqual(written);
    expect(await mode(path.join(dataDir, 'audit'))).toBe(0o700);
    expect(await mode(checkpointPath(dataDir))).toBe(0o600);
    expect(await mode(checkpointKeyPaths(dataDir).privateKey)).toBe(0o600);
    expect(await readFile(checkpointKeyPaths(dataDir).publicKey, 'utf8')).toContain(
      'BEGIN PUBLIC KEY',
    );
  });

  it('keeps the key and moves forward as entries are added', async () => {
    await appendMany(db, 3);
    await writeCheckpoint(db, dataDir);
    const key = await readFile(checkpointKeyPaths(dataDir).privateKey, 'utf8');
    await appendMany(db, 2);
    expect(await writeCheckpoint(db, dataDir)).toMatchObject({ id: '5' });
    await expect(writeCheckpoint(db, dataDir, { upTo: '4' })).rejects.toThrow(
      'entry 4 is before the signed entry 5',
    );
    expect(await readFile(checkpointKeyPaths(dataDir).privateKey, 'utf8')).toBe(key);
    await expect(writeCheckpoint(db, dataDir, { upTo: '9' })).rejects.toThrow(
      'there is no entry 9',
    );
  });

  describe('a forged checkpoint fails verification', () => {
    beforeEach(async () => {
      await appendMany(db, 5);
      await writeCheckpoint(db, dataDir);
    });

    it('with its hash edited', async () => {
      const checkpoint = await readJson(checkpointPath(dataDir));
      await writeFile(
        checkpointPath(dataDir),
        JSON.stringify({ ...checkpoint, hash: 'b'.repeat(64) }),
      );
      expect(await verifyAuditChain(db, { dataDir })).toEqual({
        ok: false,
        entries: 5,
        firstBadEntry: null,
        reason: 'the checkpoint signature is not valid (forged or edited)',
      });
    });

    it('with its signature cut short', async () => {
      const checkpoint = await readJson(checkpointPath(dataDir));
      await writeFile(
        checkpointPath(dataDir),
        JSON.stringify({ ...checkpoint, signature: 'AAAA' }),
      );
      expect(await readCheckpoint(dataDir)).toMatchObject({ status: 'invalid' });
    });

    it('when signed with another key', async () => {
      const { privateKey } = generateKeyPairSync('ed25519');
      const unsigned = { id: '2', hash: 'c'.repeat(64), at: new Date().toISOString() };
      const signature = sign(null, Buffer.from(checkpointMessage(unsigned)), privateKey).toString(
        'base64',
      );
      await writeFile(checkpointPath(dataDir), JSON.stringify({ ...unsigned, signature }));
      expect(await readCheckpoint(dataDir)).toMatchObject({ status: 'invalid' });
      expect(await verifyAuditChain(db, { dataDir })).toMatchObject({
        ok: false,
        firstBadEntry: null,
      });
    });

    it.each([
      ['is not JSON', 'not json'],
      ['lacks a signature', '{"id":"5","hash":"' + 'a'.repeat(64) + '","at":"x"}'],
    ])('when the file %s', async (_label, text) => {
      await writeFile(checkpointPath(dataDir), text);
      expect(await readCheckpoint(dataDir)).toEqual({
        status: 'invalid',
        reason: 'the checkpoint file is unreadable (edited)',
      });
    });

    it('when deleted', async () => {
      await rm(checkpointPath(dataDir));
      expect(await verifyAuditChain(db, { dataDir })).toMatchObject({
        ok: false,
        reason: 'the signed checkpoint is missing (deleted)',
      });
      await expect(writeCheckpoint(db, dataDir)).rejects.toThrow('missing');
    });
  });
});
