import type { SubjectMatch } from '#core/ports/subject-access.js';
import type { MatchEvidence, NameEvidence } from '#core/referrals/matching-score.js';
import { agreementOf, isExactMatch, sortMatches } from '#core/subject-access/find-person.js';

const exact: NameEvidence = { agreement: 'exact', frequency: 0.001 };
const alias: NameEvidence = { agreement: 'alias' };
const none: NameEvidence = { agreement: 'none' };
const unknown: NameEvidence = { agreement: 'unknown' };

const evidence = (
  forename: NameEvidence,
  surname: NameEvidence,
  dateOfBirth: MatchEvidence['dateOfBirth'],
  postcode: MatchEvidence['postcode'],
): MatchEvidence => ({ forename, surname, dateOfBirth, postcode });

describe('which matches go in without the coordinator confirming them', () => {
  it.each<[string, boolean, MatchEvidence]>([
    ['everything the same', true, evidence(exact, exact, 'exact', 'full')],
    ['no postcode on one side', true, evidence(exact, exact, 'exact', 'unknown')],
    ['moved (another postcode)', false, evidence(exact, exact, 'exact', 'different')],
    ['moved nearby (outward code only)', false, evidence(exact, exact, 'exact', 'outward')],
    ['a nickname (Liz, Elizabeth)', false, evidence(alias, exact, 'exact', 'full')],
    ['a sound-alike surname', false, evidence(exact, alias, 'exact', 'full')],
    ['day and month swapped', false, evidence(exact, exact, 'transposed', 'full')],
    ['one part of the date wrong', false, evidence(exact, exact, 'one-part', 'full')],
    ['no date of birth recorded', false, evidence(exact, exact, 'unknown', 'full')],
    ['another surname', false, evidence(exact, none, 'exact', 'full')],
    ['no name recorded', false, evidence(unknown, unknown, 'exact', 'full')],
  ])('%s: exact is %s', (_, expected, e) => {
    expect(isExactMatch(e)).toBe(expected);
  });

  it('says what agreed in words, never a value', () => {
    expect(agreementOf(evidence(exact, exact, 'transposed', 'different'))).toEqual({
      name: 'same',
      dateOfBirth: 'similar',
      postcode: 'different',
    });
    expect(agreementOf(evidence(alias, none, 'unknown', 'outward'))).toEqual({
      name: 'similar',
      dateOfBirth: 'not recorded',
      postcode: 'similar',
    });
    expect(agreementOf(evidence(unknown, unknown, 'different', 'unknown'))).toEqual({
      name: 'not recorded',
      dateOfBirth: 'different',
      postcode: 'not recorded',
    });
  });
});

describe('sorting the matches into cases', () => {
  const match = (
    referralId: string,
    caseId: string,
    areaId: string,
    e: MatchEvidence,
  ): SubjectMatch => ({
    referralId,
    caseId,
    areaId,
    reference: `NBW-2026-${referralId}`,
    status: 'accepted',
    referredOn: '2026-12-01',
    evidence: e,
  });
  const same = evidence(exact, exact, 'exact', 'full');
  const partial = evidence(exact, exact, 'transposed', 'full');
  const own = new Set(['north', 'east']);

  it('takes exact matches and the reference, and holds partial ones for a decision', () => {
    const found = sortMatches({
      matches: [
        match('1', 'A', 'north', same),
        match('2', 'B', 'east', partial),
        match('3', 'C', 'north', partial),
        // A partial match in a case already in through an exact one is no question.
        match('4', 'A', 'north', partial),
      ],
      areaIds: own,
      referenceCaseId: 'R',
      decisions: new Map([['C', false]]),
    });
    expect([...found.included]).toEqual([
      ['R', 'reference'],
      ['A', 'exact'],
    ]);
    expect([...found.pending.keys()]).toEqual(['B']);
    expect([...found.ruledOut]).toEqual(['C']);
  });

  it('includes a case the coordinator confirmed, and ignores decisions on cases not found', () => {
    const found = sortMatches({
      matches: [match('2', 'B', 'east', partial)],
      areaIds: own,
      referenceCaseId: null,
      decisions: new Map([
        ['B', true],
        ['Z', true],
      ]),
    });
    expect([...found.included]).toEqual([['B', 'confirmed']]);
    expect(found.pending.size).toBe(0);
  });

  it('counts exact matches in areas the coordinator does not coordinate, and lists none of them', () => {
    const found = sortMatches({
      matches: [match('5', 'D', 'west', same), match('6', 'E', 'west', partial)],
      areaIds: own,
      referenceCaseId: null,
      decisions: new Map(),
    });
    expect(found.included.size).toBe(0);
    expect(found.pending.size).toBe(0);
    expect([...found.elsewhere]).toEqual([['west', new Set(['D'])]]);
  });
});
