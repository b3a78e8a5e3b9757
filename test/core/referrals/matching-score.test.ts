import {
  LIKELY_WEIGHT,
  POSSIBLE_WEIGHT,
  scoreMatch,
  termFrequency,
  type MatchEvidence,
  type NameEvidence,
} from '#core/referrals/matching-score.js';

const exact = (frequency: number | null = null): NameEvidence => ({
  agreement: 'exact',
  frequency,
});
const alias: NameEvidence = { agreement: 'alias' };
const none: NameEvidence = { agreement: 'none' };
const unknown: NameEvidence = { agreement: 'unknown' };
const evidence = (
  forename: NameEvidence,
  surname: NameEvidence,
  dateOfBirth: MatchEvidence['dateOfBirth'],
  postcode: MatchEvidence['postcode'],
): MatchEvidence => ({ forename, surname, dateOfBirth, postcode });

const COMMON = 0.02; // the commonest first name: about one victim in fifty

describe('scoreMatch', () => {
  it.each<[string, MatchEvidence, 'likely' | 'possible' | null]>([
    [
      'the same name, date of birth and postcode',
      evidence(exact(), exact(), 'exact', 'full'),
      'likely',
    ],
    ['a nickname, the rest the same', evidence(alias, exact(), 'exact', 'full'), 'likely'],
    [
      'a surname that sounds the same, moved',
      evidence(exact(), alias, 'exact', 'different'),
      'likely',
    ],
    ['moved to a refuge', evidence(exact(COMMON), exact(0.005), 'exact', 'different'), 'likely'],
    [
      'day and month swapped, moved',
      evidence(exact(), exact(), 'transposed', 'different'),
      'likely',
    ],
    [
      'a day out, same postcode',
      evidence(exact(COMMON), exact(0.005), 'one-part', 'full'),
      'likely',
    ],
    [
      'a married surname at the same address',
      evidence(exact(COMMON), none, 'exact', 'full'),
      'likely',
    ],
    [
      'a day out and moved, common names',
      evidence(exact(COMMON), exact(0.01), 'one-part', 'different'),
      'possible',
    ],
    [
      'a married surname and moved',
      evidence(exact(COMMON), none, 'exact', 'different'),
      'possible',
    ],
    [
      'the same name and postcode, no dates of birth',
      evidence(exact(), exact(), 'unknown', 'full'),
      'likely',
    ],
    [
      'same date of birth and postcode, other names',
      evidence(none, none, 'exact', 'full'),
      'possible',
    ],
    [
      'same common first name and date of birth, elsewhere',
      evidence(exact(COMMON), none, 'exact', 'different'),
      'possible',
    ],
    [
      'mother and daughter of one name at one address',
      evidence(exact(), exact(), 'different', 'full'),
      'possible',
    ],
    [
      'same day and month, another year',
      evidence(exact(), exact(), 'day-month', 'full'),
      'possible',
    ],
    ['sisters at one address', evidence(none, exact(0.005), 'different', 'full'), null],
    ['a first name alone', evidence(exact(COMMON), unknown, 'unknown', 'unknown'), null],
    ['an outward code alone', evidence(unknown, unknown, 'unknown', 'outward'), null],
  ])('%s: %s', (_case, input, level) => {
    const score = scoreMatch(input);
    expect(score.level).toBe(level);
    expect(score.likely).toBe(level === 'likely');
    expect(score.confidence).toBeGreaterThanOrEqual(0);
    expect(score.confidence).toBeLessThanOrEqual(1);
  });

  it('counts agreement on a rare name for more than on a common one', () => {
    const rare = scoreMatch(evidence(exact(0.0001), unknown, 'exact', 'unknown'));
    const common = scoreMatch(evidence(exact(COMMON), unknown, 'exact', 'unknown'));
    expect(rare.weight).toBeGreaterThan(common.weight + 3);
  });

  it('ranks exact over alias over none, and a date of birth over a postcode', () => {
    const weight = (e: MatchEvidence) => scoreMatch(e).weight;
    expect(weight(evidence(exact(), unknown, 'unknown', 'unknown'))).toBeGreaterThan(
      weight(evidence(alias, unknown, 'unknown', 'unknown')),
    );
    expect(weight(evidence(alias, unknown, 'unknown', 'unknown'))).toBeGreaterThan(0);
    expect(weight(evidence(none, unknown, 'unknown', 'unknown'))).toBeLessThan(0);
    expect(weight(evidence(unknown, unknown, 'exact', 'unknown'))).toBeGreaterThan(
      weight(evidence(unknown, unknown, 'unknown', 'full')),
    );
  });

  it('never calls a match likely without a name part agreeing', () => {
    const score = scoreMatch(evidence(none, none, 'exact', 'full'));
    expect(score.weight).toBeGreaterThan(POSSIBLE_WEIGHT);
    expect(score.likely).toBe(false);
  });

  it('has the likely line above the possible line', () => {
    expect(LIKELY_WEIGHT).toBeGreaterThan(POSSIBLE_WEIGHT);
  });
});

describe('termFrequency', () => {
  it.each([
    [20, 1000, 0.01],
    [200, 10_000, 0.02],
    [1, 7, 0.0005], // a small partnership's counts are taken over 2,000 at least
  ])('%i of %i referrals: %d', (referrals, total, frequency) => {
    expect(termFrequency(referrals, total)).toBeCloseTo(frequency, 6);
  });
});
