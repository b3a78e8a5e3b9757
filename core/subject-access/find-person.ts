import type { MatchEvidence } from '../referrals/matching-score.js';
import type { SubjectMatch } from '../ports/subject-access.js';

/*
 * Which of the person's possible referrals go into the answer without a question. Including
 * another person's case in a subject access answer would disclose their data, so only an exact
 * agreement counts: the name word for word (forename and surname, through the name or one of the
 * other names given), the date of birth exactly, and the postcode the same or not known on one
 * side (victims move, often to a refuge: a different postcode makes a candidate, not a stranger).
 * Everything else the duplicate check would show a coordinator (a nickname, a sound-alike, a
 * transposed date, another postcode) is a candidate the coordinator confirms or rules out.
 */

/** Whether a match is exact enough to include without the coordinator confirming it. */
export function isExactMatch(e: MatchEvidence): boolean {
  return (
    e.forename.agreement === 'exact' &&
    e.surname.agreement === 'exact' &&
    e.dateOfBirth === 'exact' &&
    (e.postcode === 'full' || e.postcode === 'unknown')
  );
}

export type Agreement = 'same' | 'similar' | 'different' | 'not recorded';

/** What agreed, in the words the coordinator's list shows: never a value. */
export function agreementOf(e: MatchEvidence): {
  name: Agreement;
  dateOfBirth: Agreement;
  postcode: Agreement;
} {
  const names = [e.forename.agreement, e.surname.agreement];
  const name: Agreement = names.every((a) => a === 'exact')
    ? 'same'
    : names.every((a) => a === 'unknown')
      ? 'not recorded'
      : names.some((a) => a === 'exact' || a === 'alias')
        ? 'similar'
        : 'different';
  const dateOfBirth: Agreement =
    e.dateOfBirth === 'exact'
      ? 'same'
      : e.dateOfBirth === 'unknown'
        ? 'not recorded'
        : e.dateOfBirth === 'different'
          ? 'different'
          : 'similar';
  const postcode: Agreement =
    e.postcode === 'full'
      ? 'same'
      : e.postcode === 'unknown'
        ? 'not recorded'
        : e.postcode === 'outward'
          ? 'similar'
          : 'different';
  return { name, dateOfBirth, postcode };
}

export interface FoundPerson {
  /** The cases in the answer, with how each came in. */
  included: Map<string, 'exact' | 'reference' | 'confirmed'>;
  /** Candidate cases not yet decided: their matches, best first. */
  pending: Map<string, SubjectMatch[]>;
  ruledOut: Set<string>;
  /** Cases of exact matches in areas the coordinator does not coordinate, by area. */
  elsewhere: Map<string, Set<string>>;
}

/**
 * Sorts the matches into cases: in the coordinator's areas, exact matches and the reference's case
 * are in, and each other case is in or out as the coordinator decided, or pending. A decision
 * about a case the matching did not find is ignored: only what matching found can come in.
 */
export function sortMatches(input: {
  matches: readonly SubjectMatch[];
  areaIds: ReadonlySet<string>;
  referenceCaseId: string | null;
  decisions: ReadonlyMap<string, boolean>;
}): FoundPerson {
  const found: FoundPerson = {
    included: new Map(),
    pending: new Map(),
    ruledOut: new Set(),
    elsewhere: new Map(),
  };
  if (input.referenceCaseId) found.included.set(input.referenceCaseId, 'reference');
  const near: SubjectMatch[] = [];
  for (const m of input.matches) {
    const exact = isExactMatch(m.evidence);
    if (!input.areaIds.has(m.areaId)) {
      if (exact)
        found.elsewhere.set(m.areaId, (found.elsewhere.get(m.areaId) ?? new Set()).add(m.caseId));
    } else if (exact) {
      if (!found.included.has(m.caseId)) found.included.set(m.caseId, 'exact');
    } else near.push(m);
  }
  for (const m of near) {
    if (found.included.has(m.caseId)) continue;
    const decided = input.decisions.get(m.caseId);
    if (decided === true) found.included.set(m.caseId, 'confirmed');
    else if (decided === false) found.ruledOut.add(m.caseId);
    else found.pending.set(m.caseId, [...(found.pending.get(m.caseId) ?? []), m]);
  }
  // A case found exactly through one referral is in, whatever another referral of it matched.
  for (const caseId of found.included.keys()) {
    found.pending.delete(caseId);
    found.ruledOut.delete(caseId);
  }
  return found;
}
