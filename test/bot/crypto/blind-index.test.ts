import { createHmac, randomBytes } from 'node:crypto';
import { BLIND_INDEX_OWNER, BlindIndexer } from '../../../bot/src/crypto/blind-index.js';
import { LocalFileKek } from '../../../bot/src/crypto/local-kek.js';
import type { Db } from '../../../bot/src/db/db.js';
import { migrate } from '../../../bot/src/db/migrate.js';
import { backends } from '../../support/backends.js';
import { tempDataDir } from './support.js';

const key = Buffer.alloc(32, 7);
const index = new BlindIndexer(key);
const shares = (a: string[], b: string[]) => a.some((term) => b.includes(term));

type Kind = 'nameTerms' | 'dobTerms' | 'postcodeTerms';

describe('BlindIndexer terms', () => {
  it.each<[Kind, string, string]>([
    ['nameTerms', 'Amelia Hart-Lowe', 'amelia  HART LOWE'],
    ['nameTerms', 'Amelia Hart-Lowe', 'Amelia Hartlowe'],
    ['nameTerms', 'Zoë Ellison', 'ZOE ELLISON'],
    ['nameTerms', 'Mrs. Zoe Ellison-Marsh', 'Zoe Marsh'],
    ['nameTerms', "Siobhán O'Neill", 'siobhan oneill'],
    ['dobTerms', '1990-04-03', '03/04/1990'],
    ['dobTerms', '03/04/1990', '04/03/1990'],
    ['postcodeTerms', 'SW1A 1AA', 'sw1a1aa'],
    ['postcodeTerms', ' NE1  4XF', 'NE14XF'],
  ])('%s: %j and %j share a term', (kind, a, b) => {
    expect(index[kind](a).length).toBeGreaterThan(0);
    expect(shares(index[kind](a), index[kind](b))).toBe(true);
  });

  it.each<[Kind, string, string]>([
    ['nameTerms', 'Amelia Hart-Lowe', 'Priya Ndlovu'],
    ['nameTerms', 'Zoe Ellison', 'Zoey Ellis'],
    ['dobTerms', '1990-04-03', '1990-04-05'],
    ['dobTerms', '03/04/1990', '03/04/1991'],
    ['postcodeTerms', 'SW1A 1AA', 'NE1 4XF'],
  ])('%s: %j and %j share none', (kind, a, b) => {
    expect(shares(index[kind](a), index[kind](b))).toBe(false);
  });

  it('shares only the outward term between neighbours', () => {
    const [full, outward] = index.postcodeTerms('SW1A 1AA');
    expect(index.postcodeTerms('SW1A 2BB')).toEqual([expect.not.stringMatching(full!), outward]);
  });

  it('hashes with the key and a prefix for each kind', () => {
    const hmac = (text: string) => createHmac('sha256', key).update(text).digest('hex');
    expect(index.postcodeTerms('sw1a 1aa')).toEqual([
      hmac('postcode:SW1A1AA'),
      hmac('outward:SW1A'),
    ]);
    expect(index.dobTerms('05/05/1985')).toEqual([hmac('dob:1985-05-05')]);
    expect(index.nameTerms('Zoë')).toEqual([hmac('name:zoe')]);
  });

  it('gives other terms under another key', () => {
    const other = new BlindIndexer(Buffer.alloc(32, 8));
    const all = (ix: BlindIndexer) => [
      ...ix.nameTerms('Amelia Hart-Lowe'),
      ...ix.dobTerms('03/04/1990'),
      ...ix.postcodeTerms('SW1A 1AA'),
    ];
    expect(all(index)).toHaveLength(8);
    expect(shares(all(index), all(other))).toBe(false);
  });

  it('gives no terms for a missing or invalid value', () => {
    expect(index.postcodeTerms(null)).toEqual([]);
    expect(index.postcodeTerms('not known')).toEqual([]);
    expect(index.dobTerms('31/02/1990')).toEqual([]);
    expect(index.nameTerms(' Mr ')).toEqual([]);
  });

  it('refuses a key that is not 256 bits', () => {
    expect(() => new BlindIndexer(randomBytes(16))).toThrow('256 bits');
  });
});

describe.each(backends())('BlindIndexer.load on $name', ({ open }) => {
  let db: Db;
  const data = tempDataDir();
  beforeAll(async () => {
    db = await open();
    await migrate(db);
  });
  afterAll(async () => {
    await db.close();
    data.remove();
  });

  it('makes its key once, stores it wrapped, and gives the same terms after a restart', async () => {
    const first = await BlindIndexer.load(db, await LocalFileKek.open(data.dir));
    const again = await BlindIndexer.load(db, await LocalFileKek.open(data.dir));
    expect(again.nameTerms('Amelia Hart-Lowe')).toEqual(first.nameTerms('Amelia Hart-Lowe'));
    const rows = await db.query('SELECT owner, kek_version FROM data_key');
    expect(rows.rows).toEqual([{ owner: BLIND_INDEX_OWNER, kek_version: '1' }]);
    expect(first.nameTerms('Amelia')).not.toEqual(index.nameTerms('Amelia'));
  });
});
