import { randomUUID } from 'node:crypto';
import { BlindIndexer } from '../../../bot/src/crypto/blind-index.js';
import { FieldCipher, type FieldRef } from '../../../bot/src/crypto/field-cipher.js';
import { LocalFileKek } from '../../../bot/src/crypto/local-kek.js';
import { rewrapDataKeys, rotateKeys } from '../../../bot/src/crypto/rotate-keys.js';
import type { Db } from '../../../bot/src/db/db.js';
import { migrate } from '../../../bot/src/db/migrate.js';
import { backends } from '../../support/backends.js';
import { dropKeyVersion, tempDataDir } from './support.js';

describe.each(backends())('rotate-keys on $name', ({ open }) => {
  let db: Db;
  let data: ReturnType<typeof tempDataDir>;
  let kek: LocalFileKek;
  const ref = (): FieldRef => ({
    keyOwner: `case:${randomUUID()}`,
    table: 'victim',
    column: 'name',
    rowId: randomUUID(),
  });
  const versions = async () =>
    (
      await db.query<{ kek_version: string; rewrapped_at: Date | null }>(
        'SELECT kek_version, rewrapped_at FROM data_key',
      )
    ).rows;

  /** Writes one invented name for each of `count` owners, as stored before a rotation. */
  async function writeCases(count: number) {
    const cipher = new FieldCipher({ db, kek });
    const written: { field: FieldRef; stored: string }[] = [];
    for (let i = 0; i < count; i++) {
      const field = ref();
      written.push({ field, stored: await cipher.encrypt(field, `Invented Person ${i}`) });
    }
    return written;
  }

  async function expectReadable(written: { field: FieldRef; stored: string }[]) {
    const reader = new FieldCipher({ db, kek });
    for (const [i, { field, stored }] of written.entries()) {
      expect(await reader.decrypt(field, stored)).toBe(`Invented Person ${i}`);
    }
  }

  beforeEach(async () => {
    db = await open();
    await migrate(db);
    data = tempDataDir();
    kek = await LocalFileKek.open(data.dir);
  });
  afterEach(async () => {
    await db.close();
    data.remove();
  });

  it('re-wraps every data key under the new version, in batches, leaving the data readable', async () => {
    const written = await writeCases(7);
    const index = await BlindIndexer.load(db, kek);
    const before = await db.query('SELECT owner, wrapped FROM data_key ORDER BY owner');

    expect(await rotateKeys(db, kek, { batchSize: 3 })).toEqual({ version: '2', rewrapped: 8 });

    const after = await db.query('SELECT owner, wrapped FROM data_key ORDER BY owner');
    expect(after.rows.map((r) => r.owner)).toEqual(before.rows.map((r) => r.owner));
    expect(
      after.rows.some((r, i) =>
        Buffer.from(r.wrapped as Uint8Array).equals(
          Buffer.from(before.rows[i]!.wrapped as Uint8Array),
        ),
      ),
    ).toBe(false);
    expect(
      (await versions()).every((row) => row.kek_version === '2' && row.rewrapped_at !== null),
    ).toBe(true);
    await expectReadable(written);
    expect((await BlindIndexer.load(db, kek)).nameTerms('Invented Person')).toEqual(
      index.nameTerms('Invented Person'),
    );

    const later = ref();
    await new FieldCipher({ db, kek }).encrypt(later, 'Written After');
    const row = await db.query('SELECT kek_version, rewrapped_at FROM data_key WHERE owner = $1', [
      later.keyOwner,
    ]);
    expect(row.rows[0]).toEqual({ kek_version: '2', rewrapped_at: null });
  });

  it('leaves nothing under the old version, so the old version may go from the key file', async () => {
    const written = await writeCases(3);
    await rotateKeys(db, kek);
    dropKeyVersion(data.dir, '1');
    await expectReadable(written);
  });

  it('fails clearly when the old version is gone and the keys were not re-wrapped', async () => {
    const written = await writeCases(2);
    await kek.rotate();
    dropKeyVersion(data.dir, '1');
    const reader = new FieldCipher({ db, kek });
    await expect(reader.decrypt(written[0]!.field, written[0]!.stored)).rejects.toThrow(
      /^key version 1 is not in .*kek\.json: restore the key file from backup$/,
    );
  });

  it('re-wraps only what is left when run again, such as a key a stale server wrapped meanwhile', async () => {
    await writeCases(3);
    const stale = await kek.wrap(Buffer.alloc(32, 1));
    await rotateKeys(db, kek);
    expect(await rewrapDataKeys(db, kek)).toBe(0);
    await db.query(
      `INSERT INTO data_key (owner, wrapped, kek_version) VALUES ('case:late', $1, $2)`,
      [stale.wrapped, stale.version],
    );
    expect(stale.version).toBe('1');
    expect(await rewrapDataKeys(db, kek)).toBe(1);
    expect((await versions()).map((row) => row.kek_version)).toEqual(['2', '2', '2', '2']);
  });

  it('stops with the KEK error when a data key does not unwrap, changing nothing in that batch', async () => {
    await writeCases(2);
    await db.query(
      `UPDATE data_key SET wrapped = $1 WHERE owner = (SELECT min(owner) FROM data_key)`,
      [Buffer.alloc(60, 7)],
    );
    await expect(rotateKeys(db, kek)).rejects.toMatchObject({ code: 'KEY_UNWRAP_FAILED' });
    expect((await versions()).map((row) => row.kek_version)).toEqual(['1', '1']);
  });
});
