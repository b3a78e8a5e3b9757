import {
  scoreMatch,
  type DateOfBirthAgreement,
  type MatchEvidence,
  type PostcodeAgreement,
} from '#core/referrals/matching-score.js';
import type { VictimMatch } from '#core/ports/referrals.js';
import type { LocalDate } from '#core/shared/local-date.js';
import type { Queryable } from '../db/db.js';
import type { VictimTerm } from './victim-terms.js';

export interface FindCandidatesInput {
  partnershipId: string;
  /** The new victim's terms, from `victimTerms`. */
  terms: readonly VictimTerm[];
  /** The new referral itself, when its terms are already stored. */
  excludeReferralId?: string;
  /** Only referrals referred on or after this date (the 12-month repeat window). */
  sinceDate: LocalDate;
  /** Only referrals in these statuses, e.g. submitted, needs-information and accepted. */
  statuses: readonly string[];
}

/** A stored referral whose victim may be this one, found by blind index terms alone. */
export interface CandidateMatch extends VictimMatch {
  /** What agreed (never what the values are), for the coordinator deciding. */
  evidence: MatchEvidence;
}

interface Row {
  id: string;
  case_id: string;
  area_id: string;
  status: string;
  referred_on: string;
  names: number;
  /** Bits of what else agreed: DOB, POSTCODE, OUTWARD. */
  kinds: number;
  dob_exact: boolean;
  has_dob: boolean;
  has_postcode: boolean;
}

const DOB = 1;
const POSTCODE = 2;
const OUTWARD = 4;

/** Most candidates one check returns: a cap for pathological input, not a limit in practice. */
export const MAX_CANDIDATES = 500;

/*
 * One statement, in three steps.
 *
 * found: reads only the index victim_term_lookup (partnership_id, term INCLUDE referral_id, kind)
 * and groups by referral. A common first name brings thousands of index entries but no heap
 * visit. Three aggregates, not one per kind: this step is most of the cost for a common name.
 * `term = $3` can only hold for the stored date of birth (terms of each kind are hashed with
 * their own prefix).
 *
 * corroborated: keeps what matching-score's isCorroborated keeps (two name words, or two of name,
 * date of birth and full postcode), strongest first. The LIMIT also keeps the planner's estimate
 * small: it cannot foresee how few groups survive, and a large estimate made it JIT-compile the
 * query (8 ms) for a common name.
 *
 * Then the referral, by primary key once per survivor, in a LATERAL subquery whose LIMIT stops
 * the planner flattening it into a join (for a common name it chose a parallel scan of the whole
 * referral table: 230 ms at a million cases), and two "has a date of birth / postcode at all"
 * probes on the primary key, to tell "different" from "not known".
 */
const SQL = `
WITH found AS (
  SELECT t.referral_id,
         (count(*) FILTER (WHERE t.kind = 'name'))::int AS names,
         bit_or(CASE t.kind WHEN 'dob' THEN ${DOB} WHEN 'postcode' THEN ${POSTCODE}
                            WHEN 'outward' THEN ${OUTWARD} ELSE 0 END) AS kinds,
         coalesce(bool_or(t.term = $3), false) AS dob_exact
  FROM victim_term t
  WHERE t.partnership_id = $1 AND t.term = ANY ($2::text[])
    AND ($4::uuid IS NULL OR t.referral_id <> $4::uuid)
  GROUP BY t.referral_id
), corroborated AS (
  SELECT * FROM found
  WHERE names >= 2
     OR (names > 0)::int + (kinds & ${DOB} > 0)::int + (kinds & ${POSTCODE} > 0)::int >= 2
  ORDER BY kinds & ${DOB | POSTCODE} > 0 DESC, names DESC
  LIMIT ${MAX_CANDIDATES}
)
SELECT r.id, r.case_id, r.area_id, r.status, r.referred_on, c.names, c.kinds, c.dob_exact,
       c.kinds & ${DOB} > 0 OR EXISTS (
         SELECT 1 FROM victim_term d WHERE d.referral_id = r.id AND d.kind = 'dob') AS has_dob,
       c.kinds & ${POSTCODE} > 0 OR EXISTS (
         SELECT 1 FROM victim_term p WHERE p.referral_id = r.id AND p.kind = 'postcode') AS has_postcode
FROM corroborated c
CROSS JOIN LATERAL (
  SELECT r.id, r.case_id, r.area_id, r.status, r.referred_on FROM referral r
  WHERE r.id = c.referral_id AND r.partnership_id = $1
    AND r.referred_on >= $5::date AND r.status = ANY ($6::text[])
  LIMIT 1
) r`;

/**
 * Referrals in the partnership whose victim may be the same person: the duplicate check (another
 * agency referred them) and the cross-MARAC check (another area of the partnership heard them).
 * Best first. Reads blind index terms and referral metadata only; decrypts nothing.
 */
export async function findCandidates(
  q: Queryable,
  input: FindCandidatesInput,
): Promise<CandidateMatch[]> {
  const query = candidateQuery(input);
  if (!query) return [];
  const { rows } = await q.query<Row>(query.sql, query.params);
  const own = {
    names: new Set(input.terms.filter((t) => t.kind === 'name').map((t) => t.term)).size,
    dob: input.terms.some((t) => t.kind === 'dob'),
    postcode: input.terms.some((t) => t.kind === 'postcode'),
  };
  return rows
    .map((row) => {
      const evidence: MatchEvidence = {
        matchedNameTerms: row.names,
        nameTermCount: own.names,
        dateOfBirth: dateOfBirth(row, own.dob),
        postcode: postcode(row, own.postcode),
      };
      return {
        referralId: row.id,
        caseId: row.case_id,
        areaId: row.area_id,
        status: row.status,
        referredOn: row.referred_on,
        ...scoreMatch(evidence),
        evidence,
      };
    })
    .sort(
      (a, b) =>
        b.confidence - a.confidence ||
        b.referredOn.localeCompare(a.referredOn) ||
        a.referralId.localeCompare(b.referralId),
    );
}

/** The statement and its parameters (exported for EXPLAIN in the benchmark); null when nothing to look up. */
export function candidateQuery(
  input: FindCandidatesInput,
): { sql: string; params: unknown[] } | null {
  const terms = [...new Set(input.terms.map((t) => t.term))];
  if (terms.length === 0 || input.statuses.length === 0) return null;
  const exactDob = input.terms.find((t) => t.kind === 'dob' && !t.transposed)?.term ?? null;
  return {
    sql: SQL,
    params: [
      input.partnershipId,
      terms,
      exactDob,
      input.excludeReferralId ?? null,
      input.sinceDate,
      [...input.statuses],
    ],
  };
}

function dateOfBirth(row: Row, ownKnown: boolean): DateOfBirthAgreement {
  if (row.kinds & DOB) return row.dob_exact ? 'exact' : 'transposed';
  return ownKnown && row.has_dob ? 'different' : 'unknown';
}

function postcode(row: Row, ownKnown: boolean): PostcodeAgreement {
  if (row.kinds & POSTCODE) return 'full';
  if (row.kinds & OUTWARD) return 'outward';
  return ownKnown && row.has_postcode ? 'different' : 'unknown';
}
