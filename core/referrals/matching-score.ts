/**
 * How alike two referrals' victims are, from blind index matches only (which words of the name,
 * whether the date of birth, whether the postcode): the duplicate check and the cross-MARAC check
 * of DOMAIN.md. Nothing here sees a name or a date, only what agreed.
 *
 * Weights, added up and clamped to 0..1:
 *
 * | evidence                                                            | weight |
 * | ------------------------------------------------------------------- | -----: |
 * | name: two or more words agree, at least half of the new victim's    |  +0.50 |
 * | name: two or more words agree, fewer than half                      |  +0.40 |
 * | name: one word agrees and it is the new victim's only word          |  +0.25 |
 * | name: one word agrees (a first name or a surname alone)             |  +0.15 |
 * | date of birth: the same                                             |  +0.40 |
 * | date of birth: day and month swapped (03/04 vs 04/03)               |  +0.30 |
 * | date of birth: both known and different                             |  -0.30 |
 * | postcode: the same full postcode                                    |  +0.25 |
 * | postcode: only the outward code (SW1A) agrees                       |  +0.08 |
 * | postcode: different or not known; date of birth not known           |      0 |
 *
 * A match is **likely** when at least one name word agrees and the confidence is 0.7 or more.
 * The line is drawn for recall: a false alarm costs a coordinator a look, a missed duplicate can
 * mean a victim heard at two MARACs with neither knowing (a SafeLives near-miss finding).
 *
 * Why these: a name and a date of birth together all but identify someone (0.9). A different
 * postcode counts for nothing, since victims move and often flee. A different date of birth counts
 * against, because a mother and daughter with one name can share an address. Same date and
 * postcode but no name in common stays unlikely (0.65): neighbours born on one day exist, and a
 * name change is for the coordinator to judge, not the matcher.
 */

export type DateOfBirthAgreement = 'exact' | 'transposed' | 'different' | 'unknown';
export type PostcodeAgreement = 'full' | 'outward' | 'different' | 'unknown';

export interface MatchEvidence {
  /** Distinct name terms of the new victim (name and other names) found on the candidate. */
  matchedNameTerms: number;
  /** How many distinct name terms the new victim has. */
  nameTermCount: number;
  /** `unknown` when either side has no date of birth. */
  dateOfBirth: DateOfBirthAgreement;
  /** `unknown` when either side has no postcode; `outward` when only the outward code agrees. */
  postcode: PostcodeAgreement;
}

export interface MatchScore {
  /** 0..1, two decimals. */
  confidence: number;
  likely: boolean;
}

export const LIKELY_CONFIDENCE = 0.7;

const DATE_OF_BIRTH: Record<DateOfBirthAgreement, number> = {
  exact: 0.4,
  transposed: 0.3,
  different: -0.3,
  unknown: 0,
};

const POSTCODE: Record<PostcodeAgreement, number> = {
  full: 0.25,
  outward: 0.08,
  different: 0,
  unknown: 0,
};

/** The name's share of the confidence (see the table above). */
export function nameWeight(matched: number, termCount: number): number {
  if (matched <= 0) return 0;
  if (matched >= 2) return matched * 2 >= termCount ? 0.5 : 0.4;
  return termCount === 1 ? 0.25 : 0.15;
}

/** The confidence that a candidate referral is about the same victim, and whether it is likely. */
export function scoreMatch(evidence: MatchEvidence): MatchScore {
  const sum =
    nameWeight(evidence.matchedNameTerms, evidence.nameTermCount) +
    DATE_OF_BIRTH[evidence.dateOfBirth] +
    POSTCODE[evidence.postcode];
  const confidence = Math.round(Math.min(1, Math.max(0, sum)) * 100) / 100;
  return { confidence, likely: evidence.matchedNameTerms > 0 && confidence >= LIKELY_CONFIDENCE };
}

/**
 * Whether evidence is worth scoring at all: two name words agree, or two of name, date of birth
 * and full postcode do. The candidate query applies the same test in SQL (its HAVING clause), so
 * a common first name or an outward code alone never fetches thousands of referrals. Nothing it
 * drops could be likely (tested over every combination).
 */
export function isCorroborated(evidence: MatchEvidence): boolean {
  const agreeing =
    Number(evidence.matchedNameTerms > 0) +
    Number(evidence.dateOfBirth === 'exact' || evidence.dateOfBirth === 'transposed') +
    Number(evidence.postcode === 'full');
  return evidence.matchedNameTerms >= 2 || agreeing >= 2;
}
