import type { AppCrypto } from '../../../bot/src/crypto/app-crypto.js';
import type { Db } from '../../../bot/src/db/db.js';
import { MATCHING_TERMS_VERSION, reindexMatching } from '../../../bot/src/matching/reindex.js';
import { storedTerms, victimTerms } from '../../../bot/src/matching/victim-terms.js';
import { backends, testCrypto } from '../../support/backends.js';
import { addPartnership, addReferral, migrateWithReferrals, victim } from './support.js';

describe.each(backends())('reindexMatching on $name', ({ open }) => {
  let db: Db;
  let crypto: AppCrypto;
  beforeAll(async () => {
    db = await open();
    await migrateWithReferrals(db);
    crypto = await testCrypto(db);
  }, 120_000);
  afterAll(() => db.close());

  const terms = async (id: string) =>
    (
      await db.query<{ kind: string; term: string }>(
        'SELECT kind, term FROM victim_term WHERE referral_id = $1 ORDER BY kind, term',
        [id],
      )
    ).rows;

  it('gives referrals stored with the old terms the new ones, once', async () => {
    const partnership = await addPartnership(db, crypto, 'Oldbrook', 1);
    const liz = victim('Liz Marsh', '1990-04-03', 'SW1A 1AA');
    const id = await addReferral(db, crypto, { partnership, victim: liz });
    // As migration 004 left them: name words, date of birth and postcodes only.
    await db.query(
      "DELETE FROM victim_term WHERE kind NOT IN ('name', 'dob', 'postcode', 'outward')",
    );
    await db.query('DELETE FROM victim_term_count');
    await db.query('UPDATE matching_index SET version = 1');

    expect(await reindexMatching(db, crypto)).toBeGreaterThanOrEqual(1);
    const expected = storedTerms(victimTerms(crypto.indexer, liz)).sort(
      (a, b) => a.kind.localeCompare(b.kind) || a.term.localeCompare(b.term),
    );
    expect(await terms(id)).toEqual(expected);
    const count = await db.query<{ referrals: number }>(
      "SELECT referrals FROM victim_term_count WHERE partnership_id = $1 AND term = ''",
      [partnership.id],
    );
    expect(count.rows[0]!.referrals).toBe(1);
    const version = await db.query<{ version: number }>('SELECT version FROM matching_index');
    expect(version.rows[0]!.version).toBe(MATCHING_TERMS_VERSION);
    expect(await reindexMatching(db, crypto)).toBe(0); // already up to date: nothing read
  });
});
