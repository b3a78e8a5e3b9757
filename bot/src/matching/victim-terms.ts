import type { ReferralForm } from '#core/contracts/referral.js';
import {
  dateOfBirthPairs,
  nameParts,
  normaliseDateOfBirth,
  normalisePostcode,
  type DateOfBirthPair,
} from '#core/matching/normalise.js';
import { nicknameCanonicals } from '#core/matching/nicknames.js';
import { phoneticCodes } from '#core/matching/phonetic.js';
import type { BlindIndexer } from '../crypto/blind-index.js';
import type { Queryable } from '../db/db.js';

export type VictimTermKind =
  'name' | 'phonetic' | 'nickname' | 'dob' | 'dob-part' | 'postcode' | 'outward' | 'block';

export type NamePart = 'forename' | 'surname' | 'middle';

export interface VictimTerm {
  kind: VictimTermKind;
  /** HMAC-SHA256 hex of the normalised value (BlindIndexer): never the value itself. */
  term: string;
  /**
   * A term of the day/month-swapped date of birth: looked up by the check, never stored.
   * Storing only the real date finds the same pairs (swapping is its own inverse) and lets a
   * match say whether the date agreed exactly or swapped.
   */
  transposed?: true;
  /** Name terms: which of the victim's names (0 the name, then other names) and which part. */
  of?: { name: number; part: NamePart };
  /** `dob-part` terms: which two parts of the date. */
  pair?: DateOfBirthPair;
}

export type VictimIdentity = Pick<ReferralForm['victim'], 'name' | 'otherNames' | 'dateOfBirth'> & {
  address: { postcode?: string | undefined } | null;
};

/**
 * Kinds the check looks candidates up by: each is selective on its own (see find-candidates).
 * Not the date of birth alone: a referral that shares only the date (no name, no postcode) can
 * never score "possible", and at a million cases each date brings fifty of them to read.
 */
export const LOOKUP_KINDS: ReadonlySet<VictimTermKind> = new Set(['block', 'postcode']);

/**
 * The blind index terms of a victim, all HMACs under the blind index key:
 * - per word of the name and of each other name: the word (`name`), its Double Metaphone codes
 *   (`phonetic`) and the canonical forms of a nickname (`nickname`), after invisible characters
 *   are removed and look-alike letters of other scripts folded (core/matching/normalise.ts);
 * - the date of birth (`dob`), its day/month-swapped twin (looked up only), and its three pairs of
 *   parts (`dob-part`), which survive one wrong part;
 * - the full postcode and its outward code;
 * - blocking keys (`block`), which the check looks candidates up by: a name word's sound or
 *   nickname with a pair of the date's parts, or with the outward code, and the forename's with
 *   the surname's. Each is rare enough that a common name does not fetch thousands of cases,
 *   and a duplicate written differently still shares one.
 */
export function victimTerms(indexer: BlindIndexer, victim: VictimIdentity): VictimTerm[] {
  const terms: VictimTerm[] = [];
  const names = [victim.name, ...victim.otherNames].map(nameParts);
  const keys = new Set<string>();
  names.forEach((parts, index) => {
    for (const part of ['forename', 'middle', 'surname'] as const) {
      for (const token of parts[part]) {
        const of = { name: index, part };
        terms.push({ kind: 'name', term: indexer.matchTerm('name', token), of });
        for (const code of phoneticCodes(token))
          terms.push({ kind: 'phonetic', term: indexer.matchTerm('phonetic', code), of });
        for (const canonical of nicknameCanonicals(token))
          terms.push({ kind: 'nickname', term: indexer.matchTerm('nickname', canonical), of });
        for (const key of blockingKeys(token)) keys.add(key);
      }
    }
  });
  const block = (value: string, transposed?: true): VictimTerm => ({
    kind: 'block',
    term: indexer.matchTerm('block', value),
    ...(transposed ? { transposed } : {}),
  });

  const dob = normaliseDateOfBirth(victim.dateOfBirth);
  const [dobTerm, swappedTerm] = indexer.dobTerms(victim.dateOfBirth);
  if (dob && dobTerm) {
    terms.push({ kind: 'dob', term: dobTerm });
    if (swappedTerm) terms.push({ kind: 'dob', term: swappedTerm, transposed: true });
    const dates = dob.transposed ? [dob.date, dob.transposed] : [dob.date];
    dates.forEach((date, n) => {
      const transposed = n === 1 ? (true as const) : undefined;
      for (const [pair, value] of Object.entries(dateOfBirthPairs(date)) as [
        DateOfBirthPair,
        string,
      ][]) {
        terms.push({
          kind: 'dob-part',
          term: indexer.matchTerm('dob-part', value),
          pair,
          ...(transposed ? { transposed } : {}),
        });
        for (const key of keys) terms.push(block(`${key}|${value}`, transposed));
      }
    });
  }

  const postcode = normalisePostcode(victim.address?.postcode);
  const [postcodeTerm, outwardTerm] = indexer.postcodeTerms(victim.address?.postcode);
  if (postcode && postcodeTerm && outwardTerm) {
    terms.push({ kind: 'postcode', term: postcodeTerm }, { kind: 'outward', term: outwardTerm });
    for (const key of keys) terms.push(block(`${key}|@${postcode.outward}`));
  }

  for (const parts of names) {
    const forename = parts.forename.flatMap(blockingKeys);
    for (const surname of parts.surname.flatMap(blockingKeys))
      for (const first of forename) terms.push(block([first, surname].sort().join('&')));
  }
  return terms;
}

/**
 * What a name word is known by for blocking: its primary Double Metaphone code and the canonical
 * forms of a nickname. A word with no code (another script; not a single letter) stands for
 * itself.
 */
function blockingKeys(token: string): string[] {
  if (token.length < 2) return [];
  const code = phoneticCodes(token)[0];
  return [code ? `p:${code}` : `w:${token}`, ...nicknameCanonicals(token).map((n) => `n:${n}`)];
}

/** The terms a referral stores: each distinct kind and term once, none of the swapped date's. */
export function storedTerms(terms: readonly VictimTerm[]): { kind: string; term: string }[] {
  const seen = new Map<string, { kind: string; term: string }>();
  for (const t of terms) if (!t.transposed) seen.set(`${t.kind}:${t.term}`, t);
  return [...seen.values()].map(({ kind, term }) => ({ kind, term }));
}

/*
 * victim_term_count keeps, per partnership, how many referrals have each exact name word (its
 * term), and under the empty term how many referrals have a name at all: the term frequencies
 * that make agreement on a rare name count for more than on a common one. Kept in step here, in
 * the same statements that write the terms, so it is always in the transaction of the change.
 */
const COUNT_ADDED = `
  INSERT INTO victim_term_count (partnership_id, term, referrals)
  SELECT $2, term, count(*)::int FROM added WHERE kind = 'name' GROUP BY term
  UNION ALL SELECT $2, '', 1 FROM added WHERE kind = 'name' HAVING count(*) > 0
  ORDER BY 2
  ON CONFLICT (partnership_id, term) DO UPDATE
    SET referrals = victim_term_count.referrals + excluded.referrals`;

/** Stores a new referral's terms (all but the swapped date's) and counts its name words. */
export async function writeVictimTerms(
  q: Queryable,
  referralId: string,
  partnershipId: string,
  terms: readonly VictimTerm[],
): Promise<void> {
  const stored = storedTerms(terms);
  if (stored.length === 0) return;
  await q.query(
    `WITH added AS (
       INSERT INTO victim_term (referral_id, partnership_id, kind, term)
       SELECT $1, $2, kind, term FROM unnest($3::text[], $4::text[]) AS t (kind, term)
       ON CONFLICT DO NOTHING
       RETURNING kind, term)
     ${COUNT_ADDED}`,
    [referralId, partnershipId, stored.map((t) => t.kind), stored.map((t) => t.term)],
  );
}

/** Replaces a referral's terms, for a form whose victim details were corrected. */
export async function replaceVictimTerms(
  q: Queryable,
  referralId: string,
  partnershipId: string,
  terms: readonly VictimTerm[],
): Promise<void> {
  await q.query(
    `WITH gone AS (
       DELETE FROM victim_term WHERE referral_id = $1 RETURNING kind, term),
     counted AS (
       SELECT term, count(*)::int AS n FROM gone WHERE kind = 'name' GROUP BY term
       UNION ALL SELECT '', 1 FROM gone WHERE kind = 'name' HAVING count(*) > 0)
     UPDATE victim_term_count c SET referrals = c.referrals - counted.n
       FROM counted WHERE c.partnership_id = $2 AND c.term = counted.term`,
    [referralId, partnershipId],
  );
  await writeVictimTerms(q, referralId, partnershipId, terms);
}

/** Counts every stored name word again from victim_term (after a bulk load or a re-index). */
export async function recountVictimTerms(q: Queryable): Promise<void> {
  await q.query('DELETE FROM victim_term_count');
  await q.query(
    `INSERT INTO victim_term_count (partnership_id, term, referrals)
     SELECT partnership_id, term, count(*)::int FROM victim_term WHERE kind = 'name'
      GROUP BY partnership_id, term
     UNION ALL
     SELECT partnership_id, '', count(DISTINCT referral_id)::int FROM victim_term WHERE kind = 'name'
      GROUP BY partnership_id`,
  );
}
