import type { ReferralForm } from '#core/contracts/referral.js';
import type { BlindIndexer } from '../crypto/blind-index.js';
import type { Queryable } from '../db/db.js';

export type VictimTermKind = 'name' | 'dob' | 'postcode' | 'outward';

export interface VictimTerm {
  kind: VictimTermKind;
  /** HMAC-SHA256 hex of the normalised value (BlindIndexer). */
  term: string;
  /**
   * A date of birth term of the day/month-swapped date: looked up by the check, never stored.
   * Storing only the real date finds the same pairs (swapping is its own inverse) and lets a
   * match say whether the date agreed exactly or swapped.
   */
  transposed?: true;
}

export type VictimIdentity = Pick<ReferralForm['victim'], 'name' | 'otherNames' | 'dateOfBirth'> & {
  address: { postcode?: string | undefined } | null;
};

/**
 * The blind index terms of a victim: every word of the name and of each other name (once each),
 * the date of birth and its swapped twin, the full postcode and its outward code.
 */
export function victimTerms(indexer: BlindIndexer, victim: VictimIdentity): VictimTerm[] {
  const names = new Set(
    [victim.name, ...victim.otherNames].flatMap((name) => indexer.nameTerms(name)),
  );
  const [dob, swapped] = indexer.dobTerms(victim.dateOfBirth);
  const [postcode, outward] = indexer.postcodeTerms(victim.address?.postcode);
  const terms: VictimTerm[] = [...names].map((term) => ({ kind: 'name', term }));
  if (dob) terms.push({ kind: 'dob', term: dob });
  if (swapped) terms.push({ kind: 'dob', term: swapped, transposed: true });
  if (postcode) terms.push({ kind: 'postcode', term: postcode });
  if (outward) terms.push({ kind: 'outward', term: outward });
  return terms;
}

/** Stores a referral's terms (all but the swapped date's) in one statement. */
export async function writeVictimTerms(
  q: Queryable,
  referralId: string,
  partnershipId: string,
  terms: readonly VictimTerm[],
): Promise<void> {
  const stored = terms.filter((t) => !t.transposed);
  if (stored.length === 0) return;
  await q.query(
    `INSERT INTO victim_term (referral_id, partnership_id, kind, term)
     SELECT $1, $2, kind, term FROM unnest($3::text[], $4::text[]) AS t (kind, term)
     ON CONFLICT DO NOTHING`,
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
  await q.query('DELETE FROM victim_term WHERE referral_id = $1', [referralId]);
  await writeVictimTerms(q, referralId, partnershipId, terms);
}
