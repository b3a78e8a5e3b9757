import type { AppCrypto } from '../../../bot/src/crypto/app-crypto.js';
import type { BlindIndexer } from '../../../bot/src/crypto/blind-index.js';
import { FieldCipher } from '../../../bot/src/crypto/field-cipher.js';
import {
  findCandidates,
  type FindCandidatesInput,
} from '../../../bot/src/matching/find-candidates.js';
import { victimTerms, type VictimIdentity } from '../../../bot/src/matching/victim-terms.js';
import type { Db, Queryable } from '../../../bot/src/db/db.js';
import { backends, testCrypto } from '../../support/backends.js';
import {
  addPartnership,
  addReferral,
  migrateWithReferrals,
  victim,
  type Partnership,
} from './support.js';

const OPEN = ['submitted', 'needs-information', 'accepted'];
const amelia = victim('Amelia Hart-Lowe', '1990-04-03', 'SW1A 1AA');

describe.each(backends())('findCandidates on $name', ({ open }) => {
  let db: Db;
  let crypto: AppCrypto;
  let north: Partnership;
  let south: Partnership;
  const ids: Record<string, string> = {};

  // The check gets the blind indexer and nothing else: it has no way to decrypt.
  const check = (
    indexer: BlindIndexer,
    partnership: Partnership,
    who: VictimIdentity,
    more: Partial<FindCandidatesInput> = {},
  ) =>
    findCandidates(db, {
      partnershipId: partnership.id,
      terms: victimTerms(indexer, who),
      sinceDate: '2025-06-01',
      statuses: OPEN,
      ...more,
    });
  const found = async (...args: Parameters<typeof check>) =>
    Object.fromEntries((await check(...args)).map((c) => [c.referralId, c]));

  beforeAll(async () => {
    db = await open();
    await migrateWithReferrals(db);
    crypto = await testCrypto(db);
    north = await addPartnership(db, crypto, 'Northbrook');
    south = await addPartnership(db, crypto, 'Southmere');
    // Police referred Amelia in area 1 of Northbrook.
    ids.amelia = await addReferral(db, crypto, { partnership: north, victim: amelia });
    ids.neighbour = await addReferral(db, crypto, {
      partnership: north,
      victim: victim('Priya Ndlovu', '1990-04-03', 'SW1A 1AA'),
    });
    ids.namesake = await addReferral(db, crypto, {
      partnership: north,
      victim: victim('Amelia Jones', null, 'NE1 4XF'),
    });
    // The same Amelia in another partnership: never a candidate from Northbrook.
    ids.elsewhere = await addReferral(db, crypto, { partnership: south, victim: amelia });
    ids.old = await addReferral(db, crypto, {
      partnership: north,
      victim: victim('Zoe Ellison', '1985-11-20', 'LS1 4AP'),
      referredOn: '2024-09-01',
    });
    ids.declined = await addReferral(db, crypto, {
      partnership: north,
      victim: victim('Zoe Ellison', '1985-11-20', 'LS1 4AP'),
      status: 'declined',
      referredOn: '2026-01-10',
    });
    ids.noDob = await addReferral(db, crypto, {
      partnership: north,
      victim: victim('Siobhan O’Neill', null, 'M1 1AE'),
    });
  }, 120_000);
  afterAll(() => db.close());
  afterEach(() => jest.restoreAllMocks());

  it.each<[string, VictimIdentity]>([
    ['the same details', victim('AMELIA HART-LOWE', '03/04/1990', 'sw1a1aa')],
    ['day and month swapped', victim('Amelia Hart-Lowe', '1990-03-04', 'SW1A 1AA')],
    ['one half of the hyphenated surname', victim('Amelia Hart', '1990-04-03', null)],
    ['the surname joined up, no postcode', victim('Amelia Hartlowe', '1990-04-03', null)],
    ['no address at all', { ...amelia, address: null }],
    ['the name under other names', victim('Amy Lowe', '1990-04-03', null, ['Amelia Hart-Lowe'])],
  ])(
    'finds the same victim referred by the IDVA service in another area: %s',
    async (_case, who) => {
      const [best] = await check(crypto.indexer, north, who);
      expect(best).toMatchObject({
        referralId: ids.amelia,
        areaId: north.areaIds[0],
        status: 'submitted',
        level: 'likely',
        likely: true,
      });
      expect(best!.confidence).toBeGreaterThanOrEqual(0.8);
    },
  );

  it('says whether the date of birth agreed exactly or swapped', async () => {
    const exact = (await found(crypto.indexer, north, amelia))[ids.amelia!]!;
    const swapped = (
      await found(crypto.indexer, north, victim('Amelia Hart-Lowe', '1990-03-04', null))
    )[ids.amelia!]!;
    expect(exact.evidence).toEqual({
      forename: { agreement: 'exact', frequency: expect.any(Number) },
      surname: { agreement: 'exact', frequency: expect.any(Number) },
      dateOfBirth: 'exact',
      postcode: 'full',
    });
    expect(swapped.evidence.dateOfBirth).toBe('transposed');
    expect(swapped.weight).toBeLessThan(exact.weight);
  });

  it('does not call a different person with the same date of birth and postcode likely', async () => {
    const candidates = await found(
      crypto.indexer,
      north,
      victim('Grace Okafor', '1990-04-03', 'SW1A 1AA'),
    );
    // Shown to the coordinator as possible (a date of birth and a postcode are a lot), never likely.
    expect(candidates[ids.neighbour!]).toMatchObject({ level: 'possible', likely: false });
    expect(candidates[ids.amelia!]).toMatchObject({ level: 'possible', likely: false });
  });

  it('leaves out a referral that shares only a first name', async () => {
    const candidates = await found(
      crypto.indexer,
      north,
      victim('Amelia Brooks', '2001-07-21', 'B1 1AA'),
    );
    expect(Object.keys(candidates)).toEqual([]);
  });

  it('matches on name and full postcode when neither side has a date of birth, less surely', async () => {
    const [best] = await check(crypto.indexer, north, victim('Siobhán ONeill', null, 'm11ae'));
    expect(best).toMatchObject({ referralId: ids.noDob, likely: true });
    const withDob = (await found(crypto.indexer, north, amelia))[ids.amelia!]!;
    expect(best!.weight).toBeLessThan(withDob.weight);
    expect(best!.evidence.dateOfBirth).toBe('unknown');
  });

  it('counts a date of birth known on both sides and different against the match', async () => {
    const candidates = await found(
      crypto.indexer,
      north,
      victim('Amelia Hart-Lowe', '2012-04-03', 'SW1A 1AA'),
    );
    // Same day and month, another year: a mother and daughter of one name at one address.
    expect(candidates[ids.amelia!]).toMatchObject({
      level: 'possible',
      likely: false,
      evidence: { dateOfBirth: 'day-month' },
    });
  });

  it('never crosses the partnership boundary', async () => {
    const fromNorth = await check(crypto.indexer, north, amelia);
    const fromSouth = await check(crypto.indexer, south, amelia);
    expect(fromNorth.map((c) => c.referralId)).not.toContain(ids.elsewhere);
    expect(fromSouth.map((c) => c.referralId)).toEqual([ids.elsewhere]);
  });

  it('keeps to the since date and the statuses asked for', async () => {
    const zoe = victim('Zoe Ellison', '20/11/1985', 'LS1 4AP');
    expect((await check(crypto.indexer, north, zoe)).map((c) => c.referralId)).toEqual([]);
    const since = await check(crypto.indexer, north, zoe, { sinceDate: '2024-01-01' });
    expect(since.map((c) => c.referralId)).toEqual([ids.old]);
    const all = await check(crypto.indexer, north, zoe, {
      sinceDate: '2024-09-01',
      statuses: [...OPEN, 'declined'],
    });
    expect(all.map((c) => c.referralId)).toEqual([ids.declined, ids.old]); // same score: newest first
    const onDay = await check(crypto.indexer, north, zoe, {
      sinceDate: '2024-09-02',
      statuses: ['declined'],
    });
    expect(onDay.map((c) => c.referralId)).toEqual([ids.declined]);
  });

  it('leaves out the referral being checked', async () => {
    const candidates = await check(crypto.indexer, north, amelia, {
      excludeReferralId: ids.amelia,
    });
    expect(candidates.map((c) => c.referralId)).not.toContain(ids.amelia);
  });

  it('finds nothing for a victim with no usable details', async () => {
    expect(await check(crypto.indexer, north, victim('Mrs', 'not known', 'n/k'))).toEqual([]);
  });

  it('decrypts nothing and reads no form: one query over terms and referral metadata', async () => {
    const decrypt = jest.spyOn(FieldCipher.prototype, 'decrypt');
    const encrypt = jest.spyOn(FieldCipher.prototype, 'encrypt');
    const sql: string[] = [];
    const recording: Queryable = {
      query: (text, params) => (sql.push(text), db.query(text, params)),
      exec: (text) => (sql.push(text), db.exec(text)),
    };
    const candidates = await findCandidates(recording, {
      partnershipId: north.id,
      terms: victimTerms(crypto.indexer, amelia),
      sinceDate: '2025-06-01',
      statuses: OPEN,
    });
    expect(candidates[0]?.referralId).toBe(ids.amelia);
    expect(decrypt).not.toHaveBeenCalled();
    expect(encrypt).not.toHaveBeenCalled();
    expect(sql).toHaveLength(1);
    expect(sql[0]).not.toMatch(/\bform\b|decision_note|data_key/);
  });
});
