import { randomUUID } from 'node:crypto';
import {
  FieldCipher,
  FieldDecryptionError,
  type FieldRef,
} from '../../../bot/src/crypto/field-cipher.js';
import { LocalFileKek } from '../../../bot/src/crypto/local-kek.js';
import type { Db } from '../../../bot/src/db/db.js';
import { migrate } from '../../../bot/src/db/migrate.js';
import { backends } from '../../support/backends.js';
import { countingKek, tempDataDir } from './support.js';

describe.each(backends())('field encryption on $name', ({ open }) => {
  let db: Db;
  let kek: LocalFileKek;
  let cipher: FieldCipher;
  const data = tempDataDir();
  const ref = (over: Partial<FieldRef> = {}): FieldRef => ({
    keyOwner: `case:${randomUUID()}`,
    table: 'victim',
    column: 'name',
    rowId: randomUUID(),
    ...over,
  });
  const keyRows = async (owner: string) =>
    (await db.query('SELECT owner FROM data_key WHERE owner = $1', [owner])).rows.length;

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    kek = await LocalFileKek.open(data.dir);
    cipher = new FieldCipher({ db, kek });
  });
  afterAll(async () => {
    await db.close();
    data.remove();
  });

  it('round-trips a value in the versioned format, with a fresh IV each time', async () => {
    const field = ref();
    const stored = await cipher.encrypt(field, 'Imogen Testperson-Vale');
    expect(stored).toMatch(/^enc:v1:[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain('Imogen');
    expect(await cipher.encrypt(field, 'Imogen Testperson-Vale')).not.toBe(stored);
    expect(await cipher.decrypt(field, stored)).toBe('Imogen Testperson-Vale');
    expect(await new FieldCipher({ db, kek }).decrypt(field, stored)).toBe(
      'Imogen Testperson-Vale',
    );
  });

  it.each([
    ['the IV', 8],
    ['the ciphertext', 20],
    ['the tag', -3],
  ])(
    'refuses a value with one bit flipped in %s, naming the field but not the value',
    async (_part, at) => {
      const field = ref({ table: 'child', column: 'date_of_birth' });
      const bytes = Buffer.from(
        (await cipher.encrypt(field, '2019-06-14')).slice('enc:v1:'.length),
        'base64url',
      );
      bytes[at < 0 ? bytes.length + at : at]! ^= 0x01;
      const error = await cipher
        .decrypt(field, `enc:v1:${bytes.toString('base64url')}`)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FieldDecryptionError);
      expect(error).toMatchObject({
        code: 'DECRYPTION_FAILED',
        table: 'child',
        column: 'date_of_birth',
        rowId: field.rowId,
      });
      expect((error as Error).message).toBe(
        `Could not decrypt child.date_of_birth of row ${field.rowId}: the value was altered, or copied from another record.`,
      );
      expect((error as Error).message).not.toContain('2019');
    },
  );

  it.each<[string, (field: FieldRef) => FieldRef]>([
    ['row', (field) => ({ ...field, rowId: randomUUID() })],
    ['column', (field) => ({ ...field, column: 'address' })],
    ['table', (field) => ({ ...field, table: 'perpetrator' })],
  ])('refuses a value copied to another %s', async (_where, elsewhere) => {
    const field = ref();
    const stored = await cipher.encrypt(field, 'Orla Fictional');
    await cipher.encrypt(elsewhere(field), 'placeholder');
    await expect(cipher.decrypt(elsewhere(field), stored)).rejects.toThrow(
      'copied from another record',
    );
  });

  it('refuses a value copied to another owner, whose key differs', async () => {
    const field = ref();
    const other = ref({ rowId: field.rowId });
    const stored = await cipher.encrypt(field, 'Orla Fictional');
    await cipher.encrypt(other, 'placeholder');
    await expect(cipher.decrypt(other, stored)).rejects.toThrow(FieldDecryptionError);
  });

  it("refuses to decrypt with another owner's data key (data_key rows swapped)", async () => {
    const field = ref();
    const other = ref();
    const stored = await cipher.encrypt(field, 'Bartholomew Madeup');
    await cipher.encrypt(other, 'placeholder');
    await db.query(
      `UPDATE data_key SET wrapped = (SELECT wrapped FROM data_key WHERE owner = $2) WHERE owner = $1`,
      [field.keyOwner, other.keyOwner],
    );
    await expect(new FieldCipher({ db, kek }).decrypt(field, stored)).rejects.toThrow(
      FieldDecryptionError,
    );
  });

  it.each([
    ['plain text', 'Orla Fictional', 'not in the encrypted format'],
    ['a broken encoding', 'enc:v1:not base64!', 'not in the encrypted format'],
    ['a truncated value', 'enc:v1:AAAA', 'not in the encrypted format'],
  ])('refuses %s in an encrypted column', async (_what, stored, reason) => {
    await expect(cipher.decrypt(ref(), stored)).rejects.toThrow(reason);
  });

  it('says so when the owner has no data key', async () => {
    const field = ref();
    const stored = await cipher.encrypt(field, 'Orla Fictional');
    await db.query('DELETE FROM data_key WHERE owner = $1', [field.keyOwner]);
    await expect(new FieldCipher({ db, kek }).decrypt(field, stored)).rejects.toThrow(
      'its data key is missing',
    );
  });

  it('keeps null as null for optional fields', async () => {
    const field = ref();
    expect(await cipher.encryptNullable(field, null)).toBeNull();
    expect(await cipher.encryptNullable(field, undefined)).toBeNull();
    expect(await cipher.decryptNullable(field, null)).toBeNull();
    expect(await cipher.decryptNullable(field, await cipher.encryptNullable(field, ''))).toBe('');
    expect(await keyRows(field.keyOwner)).toBe(1);
  });

  it('creates one data key per owner, even when many writers ask at once', async () => {
    const owner = `case:${randomUUID()}`;
    const writers = Array.from({ length: 8 }, () => new FieldCipher({ db, kek }));
    const fields = writers.map(() => ref({ keyOwner: owner }));
    const stored = await Promise.all(
      writers.map((writer, i) => writer.encrypt(fields[i]!, `value ${i}`)),
    );
    expect(await keyRows(owner)).toBe(1);
    const reader = new FieldCipher({ db, kek });
    expect(await Promise.all(stored.map((s, i) => reader.decrypt(fields[i]!, s)))).toEqual(
      writers.map((_, i) => `value ${i}`),
    );
  });

  it('creates one data key per owner when two transactions create it at once', async () => {
    const owner = `case:${randomUUID()}`;
    const fields = [ref({ keyOwner: owner }), ref({ keyOwner: owner })];
    const stored = await Promise.all(
      fields.map((field) =>
        db.transaction(async (tx) => {
          const value = await new FieldCipher({ db, kek }).encrypt(field, 'Both Commit', tx);
          await new Promise((resolve) => setTimeout(resolve, 20));
          return value;
        }),
      ),
    );
    expect(await keyRows(owner)).toBe(1);
    const reader = new FieldCipher({ db, kek });
    for (const [i, field] of fields.entries())
      expect(await reader.decrypt(field, stored[i]!)).toBe('Both Commit');
  });

  it("creates the data key in the caller's transaction, and forgets it when that rolls back", async () => {
    const field = ref();
    await expect(
      db.transaction(async (tx) => {
        await cipher.encrypt(field, 'Rolled Back', tx);
        expect(await cipher.decrypt(field, await cipher.encrypt(field, 'In Tx', tx), tx)).toBe(
          'In Tx',
        );
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await keyRows(field.keyOwner)).toBe(0);
    const stored = await cipher.encrypt(field, 'Committed Later');
    expect(await new FieldCipher({ db, kek }).decrypt(field, stored)).toBe('Committed Later');
  });

  it('unwraps a data key once for a list of rows, within a bounded cache', async () => {
    const { kek: counted, calls } = countingKek(kek);
    const owner = `case:${randomUUID()}`;
    const fields = Array.from({ length: 100 }, () => ref({ keyOwner: owner }));
    const stored = await Promise.all(fields.map((f) => cipher.encrypt(f, 'Fictional Row')));
    const reader = new FieldCipher({ db, kek: counted, cacheSize: 2 });
    await Promise.all(fields.map((f, i) => reader.decrypt(f, stored[i]!)));
    expect(calls.unwrap).toBe(1);
    const others = [ref(), ref()];
    for (const f of others) await reader.decrypt(f, await cipher.encrypt(f, 'x'));
    await reader.decrypt(fields[0]!, stored[0]!);
    expect(calls.unwrap).toBe(4);
  });

  it('refuses a field reference that would make the associated data ambiguous', async () => {
    await expect(cipher.encrypt(ref({ column: 'name|x' }), 'x')).rejects.toThrow(TypeError);
  });
});
