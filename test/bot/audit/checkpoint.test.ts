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
import { backends } from '../../support/backends.js';
import { appendMany, useAuditStore } from './audit-fixtures.js';

const mode = async (file: string) => (await stat(file)).mode & 0o777;
const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Checkpoint;

describe.each(backends())('audit checkpoint on $name', ({ open }) => {
  const store = useAuditStore(open);

  it('writes nothing, not even a key, for an empty log', async () => {
    expect(await writeCheckpoint(store.db, store.dataDir)).toBeNull();
    expect(existsSync(path.join(store.dataDir, 'keys'))).toBe(false);
    expect(await readCheckpoint(store.dataDir)).toEqual({ status: 'none' });
  });

  it('signs the latest entry, keeping the files private to their owner', async () => {
    await appendMany(store.db, 3);
    const written = await writeCheckpoint(store.db, store.dataDir);
    const { rows } = await store.db.query<{ hash: string }>(
      'SELECT hash FROM audit_log WHERE id = 3',
    );
    expect(written).toMatchObject({ id: '3', hash: rows[0]!.hash });
    expect(await readCheckpoint(store.dataDir)).toEqual({ status: 'valid', checkpoint: written });
    expect(await readJson(checkpointPath(store.dataDir))).toEqual(written);
    expect(await mode(path.join(store.dataDir, 'audit'))).toBe(0o700);
    expect(await mode(checkpointPath(store.dataDir))).toBe(0o600);
    expect(await mode(checkpointKeyPaths(store.dataDir).privateKey)).toBe(0o600);
    expect(await readFile(checkpointKeyPaths(store.dataDir).publicKey, 'utf8')).toContain(
      'BEGIN PUBLIC KEY',
    );
  });

  it('keeps the key and moves forward as entries are added', async () => {
    await appendMany(store.db, 3);
    await writeCheckpoint(store.db, store.dataDir);
    const key = await readFile(checkpointKeyPaths(store.dataDir).privateKey, 'utf8');
    await appendMany(store.db, 2);
    expect(await writeCheckpoint(store.db, store.dataDir)).toMatchObject({ id: '5' });
    await expect(writeCheckpoint(store.db, store.dataDir, { upTo: '4' })).rejects.toThrow(
      'entry 4 is before the signed entry 5',
    );
    expect(await readFile(checkpointKeyPaths(store.dataDir).privateKey, 'utf8')).toBe(key);
    await expect(writeCheckpoint(store.db, store.dataDir, { upTo: '9' })).rejects.toThrow(
      'there is no entry 9',
    );
  });

  describe('a forged checkpoint fails verification', () => {
    beforeEach(async () => {
      await appendMany(store.db, 5);
      await writeCheckpoint(store.db, store.dataDir);
    });

    it('with its hash edited', async () => {
      const checkpoint = await readJson(checkpointPath(store.dataDir));
      await writeFile(
        checkpointPath(store.dataDir),
        JSON.stringify({ ...checkpoint, hash: 'b'.repeat(64) }),
      );
      expect(await verifyAuditChain(store.db, { dataDir: store.dataDir })).toEqual({
        ok: false,
        entries: 5,
        firstBadEntry: null,
        reason: 'the checkpoint signature is not valid (forged or edited)',
      });
    });

    it('with its signature cut short', async () => {
      const checkpoint = await readJson(checkpointPath(store.dataDir));
      await writeFile(
        checkpointPath(store.dataDir),
        JSON.stringify({ ...checkpoint, signature: 'AAAA' }),
      );
      expect(await readCheckpoint(store.dataDir)).toMatchObject({ status: 'invalid' });
    });

    it('when signed with another key', async () => {
      const { privateKey } = generateKeyPairSync('ed25519');
      const unsigned = { id: '2', hash: 'c'.repeat(64), at: new Date().toISOString() };
      const signature = sign(null, Buffer.from(checkpointMessage(unsigned)), privateKey).toString(
        'base64',
      );
      await writeFile(checkpointPath(store.dataDir), JSON.stringify({ ...unsigned, signature }));
      expect(await readCheckpoint(store.dataDir)).toMatchObject({ status: 'invalid' });
      expect(await verifyAuditChain(store.db, { dataDir: store.dataDir })).toMatchObject({
        ok: false,
        firstBadEntry: null,
      });
    });

    it.each([
      ['is not JSON', 'not json'],
      ['lacks a signature', '{"id":"5","hash":"' + 'a'.repeat(64) + '","at":"x"}'],
    ])('when the file %s', async (_label, text) => {
      await writeFile(checkpointPath(store.dataDir), text);
      expect(await readCheckpoint(store.dataDir)).toEqual({
        status: 'invalid',
        reason: 'the checkpoint file is unreadable (edited)',
      });
    });

    it('when deleted', async () => {
      await rm(checkpointPath(store.dataDir));
      expect(await verifyAuditChain(store.db, { dataDir: store.dataDir })).toMatchObject({
        ok: false,
        reason: 'the signed checkpoint is missing (deleted)',
      });
      await expect(writeCheckpoint(store.db, store.dataDir)).rejects.toThrow('missing');
    });
  });
});
