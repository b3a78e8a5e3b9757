import {
  isCorroborated,
  LIKELY_CONFIDENCE,
  nameWeight,
  scoreMatch,
  type DateOfBirthAgreement,
  type MatchEvidence,
  type PostcodeAgreement,
} from '#core/referrals/matching-score.js';

const evidence = (
  matchedNameTerms: number,
  nameTermCount: number,
  dateOfBirth: DateOfBirthAgreement,
  postcode: PostcodeAgreement,
): MatchEvidence => ({ matchedNameTerms, nameTermCount, dateOfBirth, postcode });

describe('scoreMatch', () => {
  it.each<[string, MatchEvidence, boolean, number, number]>([
    // case, evidence, likely, lowest confidence, highest confidence
    [
      'same name and date of birth, no postcode on either side',
      evidence(2, 2, 'exact', 'unknown'),
      true,
      0.8,
      1,
    ],
    ['same name and date of birth and postcode', evidence(2, 2, 'exact', 'full'), true, 1, 1],
    [
      'same name, day and month swapped (03/04 vs 04/03)',
      evidence(2, 2, 'transposed', 'unknown'),
      true,
      0.8,
      0.8,
    ],
    // "Amelia Hart-Lowe" gives amelia, hart, lowe, hartlowe; "Amelia Hart" shares two of the four.
    ['Hart-Lowe vs Hart, same date of birth', evidence(2, 4, 'exact', 'unknown'), true, 0.8, 1],
    ['Hart vs Hart-Lowe, same date of birth', evidence(2, 2, 'exact', 'unknown'), true, 0.8, 1],
    [
      'name only, no date of birth on either side, same full postcode',
      evidence(2, 2, 'unknown', 'full'),
      true,
      0.7,
      0.79,
    ],
    [
      'first name, date of birth and postcode (surname changed)',
      evidence(1, 2, 'exact', 'full'),
      true,
      0.7,
      0.9,
    ],
    [
      'same date of birth and postcode, different name',
      evidence(0, 2, 'exact', 'full'),
      false,
      0.6,
      0.69,
    ],
    ['same common first name only', evidence(1, 2, 'unknown', 'unknown'), false, 0, 0.2],
    ['same first name and outward code', evidence(1, 2, 'unknown', 'outward'), false, 0, 0.3],
    [
      'same name, no date of birth on one side, nothing else',
      evidence(2, 2, 'unknown', 'unknown'),
      false,
      0.5,
      0.5,
    ],
    [
      'same name and postcode, different date of birth (mother and daughter)',
      evidence(2, 2, 'different', 'full'),
      false,
      0,
      0.5,
    ],
    [
      'two of five name words and the date of birth',
      evidence(2, 5, 'exact', 'different'),
      true,
      0.8,
      0.8,
    ],
    ['nothing agrees', evidence(0, 2, 'different', 'different'), false, 0, 0],
  ])('%s', (_case, input, likely, low, high) => {
    const score = scoreMatch(input);
    expect(score.likely).toBe(likely);
    expect(score.confidence).toBeGreaterThanOrEqual(low);
    expect(score.confidence).toBeLessThanOrEqual(high);
  });

  it('ranks the name-only postcode match below name and date of birth', () => {
    const withDob = scoreMatch(evidence(2, 2, 'exact', 'unknown')).confidence;
    const withPostcode = scoreMatch(evidence(2, 2, 'unknown', 'full')).confidence;
    expect(withPostcode).toBeLessThan(withDob);
  });

  it.each([
    [0, 3, 0],
    [1, 1, 0.25],
    [1, 2, 0.15],
    [2, 4, 0.5],
    [2, 5, 0.4],
    [3, 3, 0.5],
  ])('name weight of %i matched of %i is %d', (matched, count, weight) => {
    expect(nameWeight(matched, count)).toBe(weight);
  });
});

describe('isCorroborated (the prefilter of the candidate query)', () => {
  const dobs: DateOfBirthAgreement[] = ['exact', 'transposed', 'different', 'unknown'];
  const postcodes: PostcodeAgreement[] = ['full', 'outward', 'different', 'unknown'];
  const all: MatchEvidence[] = [];
  for (let count = 1; count <= 6; count++)
    for (let matched = 0; matched <= count; matched++)
      for (const dob of dobs)
        for (const pc of postcodes) all.push(evidence(matched, count, dob, pc));

  it('drops nothing that could be likely', () => {
    const dropped = all.filter((e) => !isCorroborated(e));
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.filter((e) => scoreMatch(e).likely)).toEqual([]);
    expect(Math.max(...dropped.map((e) => scoreMatch(e).confidence))).toBeLessThan(
      LIKELY_CONFIDENCE,
    );
  });

  it.each<[string, MatchEvidence, boolean]>([
    ['a first name alone', evidence(1, 2, 'unknown', 'unknown'), false],
    ['a date of birth and an outward code', evidence(0, 2, 'exact', 'outward'), false],
    ['two name words', evidence(2, 2, 'unknown', 'unknown'), true],
    ['a first name and a date of birth', evidence(1, 2, 'exact', 'unknown'), true],
    ['a date of birth and a postcode', evidence(0, 2, 'transposed', 'full'), true],
  ])('%s: %p', (_case, input, kept) => {
    expect(isCorroborated(input)).toBe(kept);
  });
});
