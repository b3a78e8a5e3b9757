import {
  namesWeight,
  scoreMatch,
  termFrequency,
  type DateOfBirthAgreement,
  type MatchEvidence,
  type NameEvidence,
  type PostcodeAgreement,
} from '#core/referrals/matching-score.js';
import type { VictimMatch } from '#core/ports/referrals.js';
import type { LocalDate } from '#core/shared/local-date.js';
import type { Queryable } from '../db/db.js';
import { LOOKUP_KINDS, type NamePart, type VictimTerm } from './victim-terms.js';

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
  /** The match weight in bits (matching-score.ts). */
  weight: number;
}

interface Row {
  id: string;
  case_id: string;
  area_id: string;
  status: string;
  referred_on: string;
  /** The candidate's terms that are among the new victim's. */
  agreed: string[];
  /** The kinds of term the candidate has at all: to tell "different" from "not known". */
  kinds: string[];
  /** Exact name word term to referrals, and '' to the partnership's referrals with a name. */
  counts: Record<string, number> | null;
}

/** Most candidates one check scores: a cap for pathological input, not a limit in practice. */
export const MAX_CANDIDATES = 500;

/*
 * One statement, in three steps.
 *
 * hit: the referrals sharing a lookup term (a blocking key or the full postcode), read from the index victim_term_lookup alone. Lookup terms are rare by
 * design (a name's sound with two parts of the date, say), so a common first name never fetches
 * thousands of cases, while a duplicate written differently still shares one of them.
 *
 * candidate: the referral, by primary key once per hit, in a LATERAL subquery whose LIMIT stops
 * the planner flattening it into a join (a parallel scan of the whole referral table otherwise).
 *
 * Then all the candidate's terms, by the primary key (referral_id, ...): which of the new
 * victim's terms it shares and which kinds it has. The term counts of the new victim's exact
 * name words come from victim_term_count in an uncorrelated subquery, evaluated once.
 */
const SQL = `
WITH hit AS (
  SELECT DISTINCT t.referral_id FROM victim_term t
  WHERE t.partnership_id = $1 AND t.term = ANY ($2::text[])
    AND ($3::uuid IS NULL OR t.referral_id <> $3::uuid)
), candidate AS (
  SELECT r.* FROM hit h
  CROSS JOIN LATERAL (
    SELECT r.id, r.case_id, r.area_id, r.status, r.referred_on FROM referral r
    WHERE r.id = h.referral_id AND r.partnership_id = $1
      AND r.referred_on >= $4::date AND r.status = ANY ($5::text[])
    LIMIT 1
  ) r
  LIMIT ${MAX_CANDIDATES}
)
SELECT c.id, c.case_id, c.area_id, c.status, c.referred_on, v.agreed, v.kinds,
       (SELECT json_object_agg(n.term, n.referrals) FROM victim_term_count n
         WHERE n.partnership_id = $1 AND n.term = ANY ($7::text[])) AS counts
FROM candidate c
CROSS JOIN LATERAL (
  SELECT coalesce(array_agg(t.term) FILTER (WHERE t.term = ANY ($6::text[])), '{}') AS agreed,
         array_agg(DISTINCT t.kind) AS kinds
  FROM victim_term t WHERE t.referral_id = c.id
) v`;

/**
 * Referrals in the partnership whose victim may be the same person: the duplicate check (another
 * agency referred them) and the cross-MARAC check (another area of the partnership heard them),
 * each with its level (possible or likely). Best first; none below "possible". Reads blind index
 * terms and referral metadata only; decrypts nothing.
 */
export async function findCandidates(
  q: Queryable,
  input: FindCandidatesInput,
): Promise<CandidateMatch[]> {
  const query = candidateQuery(input);
  if (!query) return [];
  const { rows } = await q.query<Row>(query.sql, query.params);
  const found: CandidateMatch[] = [];
  for (const row of rows) {
    const evidence = compare(input.terms, row);
    const score = scoreMatch(evidence);
    if (!score.level) continue;
    found.push({
      referralId: row.id,
      caseId: row.case_id,
      areaId: row.area_id,
      status: row.status,
      referredOn: row.referred_on,
      confidence: score.confidence,
      level: score.level,
      likely: score.likely,
      weight: score.weight,
      evidence,
    });
  }
  return found.sort(
    (a, b) =>
      b.weight - a.weight ||
      b.referredOn.localeCompare(a.referredOn) ||
      a.referralId.localeCompare(b.referralId),
  );
}

/** The statement and its parameters (exported for EXPLAIN in the benchmark); null when nothing to look up. */
export function candidateQuery(
  input: FindCandidatesInput,
): { sql: string; params: unknown[] } | null {
  const distinct = (terms: readonly VictimTerm[]) => [...new Set(terms.map((t) => t.term))];
  const lookup = distinct(input.terms.filter((t) => LOOKUP_KINDS.has(t.kind)));
  if (lookup.length === 0 || input.statuses.length === 0) return null;
  return {
    sql: SQL,
    params: [
      input.partnershipId,
      lookup,
      input.excludeReferralId ?? null,
      input.sinceDate,
      [...input.statuses],
      distinct(input.terms.filter((t) => t.kind !== 'block')),
      ['', ...distinct(input.terms.filter((t) => t.kind === 'name'))],
    ],
  };
}

/** What agreed between the new victim's terms and a candidate's. */
function compare(terms: readonly VictimTerm[], row: Row): MatchEvidence {
  const agreed = new Set(row.agreed);
  const kinds = new Set(row.kinds);
  const counts = row.counts ?? {};
  const total = counts[''] ?? 0;
  const has = (t: VictimTerm) => agreed.has(t.term);

  const nameEvidence = (name: number, part: NamePart): NameEvidence => {
    const own = terms.filter((t) => t.of?.name === name && t.of.part === part);
    if (own.length === 0 || !kinds.has('name')) return { agreement: 'unknown' };
    const exact = own.filter((t) => t.kind === 'name' && has(t));
    if (exact.length > 0) {
      const rarest = Math.min(...exact.map((t) => counts[t.term] ?? 1));
      return { agreement: 'exact', frequency: termFrequency(rarest, total) };
    }
    return { agreement: own.some(has) ? 'alias' : 'none' };
  };
  // The victim's name or one of their other names: whichever agrees best.
  const names = new Set(terms.flatMap((t) => (t.of ? [t.of.name] : [])));
  let best = {
    forename: { agreement: 'unknown' } as NameEvidence,
    surname: { agreement: 'unknown' } as NameEvidence,
  };
  let bestWeight = -Infinity;
  for (const name of names) {
    const pair = {
      forename: nameEvidence(name, 'forename'),
      surname: nameEvidence(name, 'surname'),
    };
    const weight = namesWeight(pair.forename, pair.surname);
    if (weight > bestWeight) [best, bestWeight] = [pair, weight];
  }
  return {
    ...best,
    dateOfBirth: dateOfBirth(terms, has, kinds),
    postcode: postcode(terms, has, kinds),
  };
}

function dateOfBirth(
  terms: readonly VictimTerm[],
  has: (t: VictimTerm) => boolean,
  kinds: ReadonlySet<string>,
): DateOfBirthAgreement {
  const dob = terms.filter((t) => t.kind === 'dob');
  if (dob.length === 0 || !kinds.has('dob')) return 'unknown';
  if (dob.some((t) => !t.transposed && has(t))) return 'exact';
  if (dob.some((t) => t.transposed && has(t))) return 'transposed';
  const parts = terms.filter((t) => t.kind === 'dob-part' && has(t));
  if (parts.some((t) => t.pair !== 'day-month')) return 'one-part';
  if (parts.length > 0) return 'day-month';
  return 'different';
}

function postcode(
  terms: readonly VictimTerm[],
  has: (t: VictimTerm) => boolean,
  kinds: ReadonlySet<string>,
): PostcodeAgreement {
  const own = terms.filter((t) => t.kind === 'postcode' || t.kind === 'outward');
  if (own.length === 0 || !kinds.has('postcode')) return 'unknown';
  if (own.some((t) => t.kind === 'postcode' && has(t))) return 'full';
  if (own.some((t) => t.kind === 'outward' && has(t))) return 'outward';
  return 'different';
}
