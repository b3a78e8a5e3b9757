import type { AppCrypto } from '../../../bot/src/crypto/app-crypto.js';
import { BlindIndexer } from '../../../bot/src/crypto/blind-index.js';
import {
  replaceVictimTerms,
  victimTerms,
  writeVictimTerms,
} from '../../../bot/src/matching/victim-terms.js';
import type { Db } from '../../../bot/src/db/db.js';
import { backends, testCrypto } from '../../support/backends.js';
import { addPartnership, addReferral, migrateWithReferrals, victim } from './support.js';

const indexer = new BlindIndexer(Buffer.alloc(32, 7));

describe('victimTerms', () => {
  it('gives each name word once, from the name and every other name', () => {
    const terms = victimTerms(
      indexer,
      victim('Amelia Hart-Lowe', null, null, ['Amelia Hart', 'Amy Lowe']),
    );
    const expected = ['amelia', 'hart', 'lowe', 'hartlowe', 'amy'].map(
      (word) => indexer.nameTerms(word)[0],
    );
    expect(terms).toEqual(expected.map((term) => ({ kind: 'name', term })));
  });

  it('gives the date of birth, its swapped twin marked, and the full and outward postcode', () => {
    const terms = victimTerms(indexer, victim('Zoe Ellison', '1990-04-03', 'sw1a 1aa'));
    const [dob, swapped] = indexer.dobTerms('1990-04-03');
    const [postcode, outward] = indexer.postcodeTerms('SW1A 1AA');
    expect(terms.slice(2)).toEqual([
      { kind: 'dob', term: dob },
      { kind: 'dob', term: swapped, transposed: true },
      { kind: 'postcode', term: postcode },
      { kind: 'outward', term: outward },
    ]);
  });

  it('gives no swapped twin when there is none, and nothing for what is missing or invalid', () => {
    expect(victimTerms(indexer, victim('Zoe', '1990-04-23', null)).map((t) => t.kind)).toEqual([
      'name',
      'dob',
    ]);
    expect(victimTerms(indexer, victim('Mr', null, 'not known'))).toEqual([]);
    expect(
      victimTerms(indexer, { ...victim('Zoe', null, null), address: { postcode: undefined } }),
    ).toHaveLength(1);
  });
});

describe.each(backends())('writeVictimTerms on $name', ({ open }) => {
  let db: Db;
  let crypto: AppCrypto;
  beforeAll(async () => {
    db = await open();
    await migrateWithReferrals(db);
    crypto = await testCrypto(db);
  });
  afterAll(() => db.close());

  const stored = async (referralId: string) =>
    (
      await db.query<{ kind: string; term: string; partnership_id: string }>(
        'SELECT kind, term, partnership_id FROM victim_term WHERE referral_id = $1 ORDER BY kind, term',
        [referralId],
      )
    ).rows;

  it('stores every term but the swapped date of birth, under the referral partnership', async () => {
    const partnership = await addPartnership(db, crypto, 'Eastmere', 1);
    const who = victim('Amelia Hart-Lowe', '1990-04-03', 'SW1A 1AA');
    const id = await addReferral(db, crypto, { partnership, victim: who });
    const terms = victimTerms(crypto.indexer, who);
    const rows = await stored(id);
    expect(rows).toHaveLength(terms.length - 1);
    expect(rows.map((r) => r.term)).not.toContain(terms.find((t) => t.transposed)!.term);
    expect(new Set(rows.map((r) => r.partnership_id))).toEqual(new Set([partnership.id]));
    // Writing again changes nothing; replacing swaps the set.
    await writeVictimTerms(db, id, partnership.id, terms);
    expect(await stored(id)).toEqual(rows);
    await replaceVictimTerms(
      db,
      id,
      partnership.id,
      victimTerms(crypto.indexer, victim('Amelia Hart', null, null)),
    );
    expect((await stored(id)).map((r) => r.kind)).toEqual(['name', 'name']);
  });

  it('refuses a term filed under another partnership than its referral', async () => {
    const one = await addPartnership(db, crypto, 'Westfold', 1);
    const other = await addPartnership(db, crypto, 'Eastfold', 1);
    const id = await addReferral(db, crypto, {
      partnership: one,
      victim: victim('Zoe Ellison', null, null),
    });
    await expect(
      writeVictimTerms(
        db,
        id,
        other.id,
        victimTerms(crypto.indexer, victim('Zoe Marsh', null, null)),
      ),
    ).rejects.toThrow(/foreign key/);
  });
});
