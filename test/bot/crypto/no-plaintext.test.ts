import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BlindIndexer } from '../../../bot/src/crypto/blind-index.js';
import { FieldCipher } from '../../../bot/src/crypto/field-cipher.js';
import { LocalFileKek } from '../../../bot/src/crypto/local-kek.js';
import type { Db } from '../../../bot/src/db/db.js';
import { migrate } from '../../../bot/src/db/migrate.js';
import { openPgliteDb } from '../../../bot/src/db/pglite-db.js';
import { backends } from '../../support/backends.js';
import { tempDataDir } from './support.js';

// Invented people only. The canary is stored in plain text on purpose: finding it proves that the
// search would have found a name, had one been stored in the clear.
const PEOPLE = [
  {
    name: 'Amelia Hart-Lowe',
    dob: '1987-04-03',
    postcode: 'NE1 4XF',
    note: 'Fictional note about Quentin Blythe',
  },
  { name: 'Zoë Ellison', dob: '2016-11-23', postcode: 'SW1A 1AA', note: 'Lives with Priya Ndlovu' },
];
const SECRETS = [
  'Amelia',
  'Hart-Lowe',
  'Zoë',
  'Ellison',
  'Quentin',
  'Blythe',
  'Priya',
  'Ndlovu',
  '1987-04-03',
  'NE1 4XF',
];
const CANARY = 'Canary Plainsight';

const SCRATCH = `CREATE TABLE scratch_person (
  id uuid PRIMARY KEY, name text NOT NULL, dob text, postcode text, note text, canary text,
  name_terms text[] NOT NULL)`;

async function storePeople(db: Db, dataDir: string): Promise<void> {
  await migrate(db);
  await db.exec(SCRATCH);
  const kek = await LocalFileKek.open(dataDir);
  const cipher = new FieldCipher({ db, kek });
  const index = await BlindIndexer.load(db, kek);
  const keyOwner = `case:${randomUUID()}`;
  for (const person of PEOPLE) {
    const id = randomUUID();
    const field = (column: string) => ({ keyOwner, table: 'scratch_person', column, rowId: id });
    await db.transaction(async (tx) => {
      const values = await Promise.all(
        (['name', 'dob', 'postcode', 'note'] as const).map((c) =>
          cipher.encrypt(field(c), person[c], tx),
        ),
      );
      await tx.query('INSERT INTO scratch_person VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        id,
        ...values,
        CANARY,
        index.nameTerms(person.name),
      ]);
    });
  }
}

/** Every value of every row as text; bytes as Latin-1, one character per byte. */
function rowsAsText(rows: Record<string, unknown>[]): string {
  const text = (value: unknown): string =>
    value instanceof Uint8Array
      ? Buffer.from(value).toString('latin1')
      : Array.isArray(value)
        ? value.map(text).join(' ')
        : String(value);
  return rows.map((row) => Object.values(row).map(text).join(' | ')).join('\n');
}

const found = (haystack: string, needles: string[]) =>
  needles.filter((needle) => haystack.toLowerCase().includes(needle.toLowerCase()));

describe.each(backends())('no plain text in the database on $name', ({ open }) => {
  const data = tempDataDir();
  let db: Db;
  beforeAll(async () => {
    db = await open();
    await storePeople(db, data.dir);
  });
  afterAll(async () => {
    await db.close();
    data.remove();
  });

  it('stores no name, date of birth, postcode or note in the rows, nor in data_key', async () => {
    const people = rowsAsText((await db.query('SELECT * FROM scratch_person')).rows);
    const keys = rowsAsText((await db.query('SELECT * FROM data_key')).rows);
    expect(found(people, [CANARY])).toEqual([CANARY]);
    expect(found(people + keys, SECRETS)).toEqual([]);
  });
});

describe('no plain text in the files of a PGlite store', () => {
  it('holds no name anywhere on disk', async () => {
    const data = tempDataDir();
    try {
      const pgdata = path.join(data.dir, 'pgdata');
      const db = await openPgliteDb(pgdata);
      await storePeople(db, data.dir);
      await db.exec('CHECKPOINT');
      await db.close();
      const files = readdirSync(data.dir, { recursive: true, withFileTypes: true }).filter(
        (entry) => entry.isFile(),
      );
      const hits = (needle: string) =>
        files.filter((file) =>
          readFileSync(path.join(file.parentPath, file.name)).includes(Buffer.from(needle, 'utf8')),
        );
      expect(hits(CANARY).length).toBeGreaterThan(0);
      expect(SECRETS.filter((secret) => hits(secret).length > 0)).toEqual([]);
    } finally {
      data.remove();
    }
  });
});
