import type { AppCrypto } from '../../../bot/src/crypto/app-crypto.js';
import { BlindIndexer } from '../../../bot/src/crypto/blind-index.js';
import {
  replaceVictimTerms,
  storedTerms,
  victimTerms,
  writeVictimTerms,
} from '../../../bot/src/matching/victim-terms.js';
import type { Db } from '../../../bot/src/db/db.js';
import { backends, testCrypto } from '../../support/backends.js';
import { addPartnership, addReferral, migrateWithReferrals, victim } from './support.js';

const indexer = new BlindIndexer(Buffer.alloc(32, 7));
const kinds = (terms: { kind: string }[]) => [...new Set(terms.map((t) => t.kind))].sort();

describe('victimTerms', () => {
  it('gives each word of the name and every other name, with its part', () => {
    const terms = victimTerms(
      indexer,
      victim('Amelia Hart-Lowe', null, null, ['Amelia Hart', 'Amy Lowe']),
    );
    const words = terms.filter((t) => t.kind === 'name');
    const term = (word: string) => indexer.nameTerms(word)[0];
    expect(new Set(words.map((t) => t.term))).toEqual(
      new Set(['amelia', 'hart', 'lowe', 'hartlowe', 'amy'].map(term)),
    );
    expect(words.filter((t) => t.of?.part === 'surname' && t.of.name === 0)).toHaveLength(3);
    expect(words.find((t) => t.term === term('amy'))!.of).toEqual({ name: 2, part: 'forename' });
  });

  it('gives phonetic codes and nickname forms, so Liz meets Elizabeth and Aisha meets Ayesha', () => {
    const shared = (a: string, b: string, kind: string) => {
      const of = (name: string) =>
        new Set(
          victimTerms(indexer, victim(name, null, null))
            .filter((t) => t.kind === kind)
            .map((t) => t.term),
        );
      return [...of(a)].some((t) => of(b).has(t));
    };
    expect(shared('Liz Marsh', 'Elizabeth Marsh', 'nickname')).toBe(true);
    expect(shared('Aisha Marsh', 'Ayesha Marsh', 'phonetic')).toBe(true);
    expect(shared('Zoe Smith', 'Zoe Smyth', 'phonetic')).toBe(true);
    expect(shared('Liz Marsh', 'Grace Okafor', 'phonetic')).toBe(false);
  });

  it('gives the date of birth, its swapped twin marked, its pairs of parts, and the postcode', () => {
    const terms = victimTerms(indexer, victim('Zoe Ellison', '1990-04-03', 'sw1a 1aa'));
    const [dob, swapped] = indexer.dobTerms('1990-04-03');
    const [postcode, outward] = indexer.postcodeTerms('SW1A 1AA');
    expect(terms.filter((t) => t.kind === 'dob')).toEqual([
      { kind: 'dob', term: dob },
      { kind: 'dob', term: swapped, transposed: true },
    ]);
    expect(terms.filter((t) => t.kind === 'dob-part' && !t.transposed)).toEqual([
      { kind: 'dob-part', pair: 'day-month', term: indexer.matchTerm('dob-part', '04-03') },
      { kind: 'dob-part', pair: 'day-year', term: indexer.matchTerm('dob-part', '03/1990') },
      { kind: 'dob-part', pair: 'month-year', term: indexer.matchTerm('dob-part', '04.1990') },
    ]);
    expect(terms.filter((t) => t.kind === 'postcode' || t.kind === 'outward')).toEqual([
      { kind: 'postcode', term: postcode },
      { kind: 'outward', term: outward },
    ]);
  });

  it('gives no swapped twin when there is none, and nothing for what is missing or invalid', () => {
    const zoe = victimTerms(indexer, victim('Zoe', '1990-04-23', null));
    expect(zoe.filter((t) => t.transposed)).toEqual([]);
    expect(kinds(zoe)).toEqual(['block', 'dob', 'dob-part', 'name', 'phonetic']);
    expect(victimTerms(indexer, victim('Mr', null, 'not known'))).toEqual([]);
    expect(
      kinds(
        victimTerms(indexer, { ...victim('Zoe', null, null), address: { postcode: undefined } }),
      ),
    ).toEqual(['name', 'phonetic']);
  });

  it('gives the same terms whatever invisible characters or look-alike letters the name has', () => {
    const plain = storedTerms(victimTerms(indexer, victim('Elizabeth Marsh', '1990-04-03', null)));
    for (const written of [
      'Eliza\u00ADbeth Marsh', // soft hyphen
      'Eli\u200Bzabeth Ma\u200Drsh', // zero-width space and joiner
      '\u202AElizabeth Marsh\u202C\u200F', // bidi embedding and a right-to-left mark
      'Еlizаbeth Mаrsh', // Cyrillic Е and а
      'Elizabeth Μarsh', // Greek capital Mu
    ]) {
      expect(storedTerms(victimTerms(indexer, victim(written, '1990-04-03', null)))).toEqual(plain);
    }
  });

  it('makes every term an HMAC: 64 hex digits, nothing of the name, date or postcode', () => {
    const terms = victimTerms(
      indexer,
      victim('Amelia Hart-Lowe', '1990-04-03', 'SW1A 1AA', ['Amy Lowe']),
    );
    for (const { term } of terms) expect(term).toMatch(/^[0-9a-f]{64}$/);
    const other = victimTerms(
      new BlindIndexer(Buffer.alloc(32, 8)),
      victim('Amelia Hart-Lowe', '1990-04-03', 'SW1A 1AA', ['Amy Lowe']),
    );
    const otherTerms = new Set(other.map((t) => t.term));
    expect(terms.filter((t) => otherTerms.has(t.term))).toEqual([]); // another key, other terms
  });
});

describe.each(backends())('writeVictimTerms on $name', ({ open }) => {
  let db: Db;
  let crypto: AppCrypto;
  beforeAll(async () => {
    db = await open();
    await migrateWithReferrals(db);
    crypto = await testCrypto(db);
  }, 120_000);
  afterAll(() => db.close());

  const stored = async (referralId: string) =>
    (
      await db.query<{ kind: string; term: string; partnership_id: string }>(
        'SELECT kind, term, partnership_id FROM victim_term WHERE referral_id = $1 ORDER BY kind, term',
        [referralId],
      )
    ).rows;
  const counts = async (partnershipId: string) =>
    Object.fromEntries(
      (
        await db.query<{ term: string; referrals: number }>(
          'SELECT term, referrals FROM victim_term_count WHERE partnership_id = $1 AND referrals > 0',
          [partnershipId],
        )
      ).rows.map((r) => [r.term, r.referrals]),
    );

  it('stores every term but the swapped date of birth, under the referral partnership', async () => {
    const partnership = await addPartnership(db, crypto, 'Eastmere', 1);
    const who = victim('Amelia Hart-Lowe', '1990-04-03', 'SW1A 1AA');
    const id = await addReferral(db, crypto, { partnership, victim: who });
    const terms = victimTerms(crypto.indexer, who);
    const rows = await stored(id);
    expect(rows).toHaveLength(storedTerms(terms).length);
    for (const t of terms.filter((t) => t.transposed))
      expect(rows.map((r) => r.term)).not.toContain(t.term);
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
    expect(kinds(await stored(id))).toEqual(['block', 'name', 'nickname', 'phonetic']);
  });

  it('counts how many referrals have each name word, and keeps the count on replacing', async () => {
    const partnership = await addPartnership(db, crypto, 'Northmere', 1);
    const term = (word: string) => crypto.indexer.nameTerms(word)[0]!;
    await addReferral(db, crypto, { partnership, victim: victim('Zoe Marsh', null, null) });
    const id = await addReferral(db, crypto, {
      partnership,
      victim: victim('Zoe Ellison', null, null),
    });
    expect(await counts(partnership.id)).toEqual({
      '': 2,
      [term('zoe')]: 2,
      [term('marsh')]: 1,
      [term('ellison')]: 1,
    });
    await replaceVictimTerms(
      db,
      id,
      partnership.id,
      victimTerms(crypto.indexer, victim('Zoe Okafor', null, null)),
    );
    expect(await counts(partnership.id)).toEqual({
      '': 2,
      [term('zoe')]: 2,
      [term('marsh')]: 1,
      [term('okafor')]: 1,
    });
  });

  it('stores no plain name, date of birth or postcode anywhere in the terms tables', async () => {
    const partnership = await addPartnership(db, crypto, 'Southfold', 1);
    await addReferral(db, crypto, {
      partnership,
      victim: victim('Amelia Hart-Lowe', '1990-04-03', 'SW1A 1AA'),
    });
    const { rows } = await db.query<{ text: string }>(
      `SELECT kind || ' ' || term AS text FROM victim_term WHERE partnership_id = $1
       UNION ALL SELECT term FROM victim_term_count WHERE partnership_id = $1`,
      [partnership.id],
    );
    const all = rows
      .map((r) => r.text)
      .join('\n')
      .toLowerCase();
    for (const plain of ['amelia', 'hart', 'lowe', '1990', 'sw1a', 'ml', 'hrt', 'lw'])
      expect(all).not.toMatch(new RegExp(`(^| )${plain}`, 'm'));
    for (const { text } of rows) expect(text).toMatch(/^([a-z-]+ )?[0-9a-f]{64}$|^$/);
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
