/**
 * How alike two referrals' victims are, from blind index agreement only, scored in the manner of
 * Fellegi-Sunter record linkage (the model behind the Ministry of Justice's Splink). Nothing here
 * sees a name or a date: only which terms agreed and how common a name word is.
 *
 * Each comparison has levels of agreement. For each level, m is the chance of that level when the
 * two referrals are the same victim and u the chance when they are two people; the level adds
 * log2(m / u) to the match weight. An exact name word's u is its term frequency (how many of the
 * partnership's referrals have it), so a rare surname counts for more than a common first name.
 *
 * | comparison    | level       | m      | u                          | weight (bits) |
 * | ------------- | ----------- | -----: | -------------------------: | ------------: |
 * | forename      | exact       | 0.85   | its frequency (≥ 0.001)    | 5.4 to 9.7    |
 * |               | alias       | 0.10   | 0.02                       | +2.3          |
 * |               | none        | 0.05   | 0.97                       | -4.3          |
 * | surname       | exact       | 0.80   | its frequency (≥ 0.0005)   | 6.3 to 10.6   |
 * |               | alias       | 0.12   | 0.01                       | +3.6          |
 * |               | none        | 0.05   | 0.985                      | -4.3          |
 * | date of birth | exact       | 0.90   | 1/20,000                   | +14.1         |
 * |               | transposed  | 0.02   | 1/20,000                   | +8.6          |
 * |               | one part    | 0.05   | 1/400                      | +4.3          |
 * |               | day & month | 0.005  | 1/365                      | +0.9          |
 * |               | different   | 0.025  | 0.99                       | -5.3          |
 * | postcode      | full        | 0.50   | 0.002                      | +8.0          |
 * |               | outward     | 0.15   | 0.01                       | +3.9          |
 * |               | different   | 0.35   | 0.99                       | -1.5          |
 *
 * "alias": a nickname (Liz, Elizabeth) or the same Double Metaphone code (Aisha, Ayesha; Smith,
 * Smyth). "one part": the day or the month is wrong and the rest agrees. "day & month": only the
 * year differs. A level that cannot be judged (a side without a date of birth) adds nothing.
 * A name that is not in the other referral at all counts against only a little, because names
 * change (marriage) and middle names come and go; a different postcode counts against very
 * little, because victims move, often to a refuge.
 *
 * m and u are judgements, checked against the labelled pairs of bench/match-quality.ts (there is
 * no real linked data to estimate them from, and Splink's EM estimation needs unlabelled real
 * pairs this app never sees in clear). The two thresholds come from the same run:
 * - **possible** (the coordinator is shown the candidate): weight 8 or more. The line is drawn
 *   for recall: a false alarm costs a coordinator a look, a missed duplicate can mean a victim
 *   heard at two MARACs with neither knowing.
 * - **likely** (the referrer is told, on submission, only that a likely match exists): weight 20
 *   or more, a name part agreeing, and no date of birth against it. The date rule keeps a mother
 *   and daughter of one name at one address possible, never likely.
 */

export type NameAgreement = 'exact' | 'alias' | 'none' | 'unknown';
export type DateOfBirthAgreement =
  'exact' | 'transposed' | 'one-part' | 'day-month' | 'different' | 'unknown';
export type PostcodeAgreement = 'full' | 'outward' | 'different' | 'unknown';
export type MatchLevel = 'possible' | 'likely';

export interface NameEvidence {
  agreement: NameAgreement;
  /**
   * For `exact`: the share of the partnership's referrals with the agreeing word (its term
   * frequency), or null when not known (then the word counts as rare).
   */
  frequency?: number | null;
}

export interface MatchEvidence {
  forename: NameEvidence;
  surname: NameEvidence;
  /** `unknown` when either side has no date of birth. */
  dateOfBirth: DateOfBirthAgreement;
  /** `unknown` when either side has no postcode. */
  postcode: PostcodeAgreement;
}

export interface MatchScore {
  /** The match weight: the sum of the comparisons' log2(m/u), in bits. */
  weight: number;
  /** 0..1, two decimals: the weight as a probability (see PRIOR_WEIGHT). */
  confidence: number;
  /** null: not worth a coordinator's look. */
  level: MatchLevel | null;
  /** The same as `level === 'likely'`. */
  likely: boolean;
}

export const POSSIBLE_WEIGHT = 8;
export const LIKELY_WEIGHT = 20;
/**
 * The prior odds, in bits, that a stored referral in the window is the new victim's: about one in
 * 16,000. It only turns a weight into a confidence to show; the levels use the weight.
 */
export const PRIOR_WEIGHT = -14;

const bits = (m: number, u: number) => Math.log2(m / u);

/**
 * Below this many referrals a partnership's own counts say little about how common a name is
 * (one Siobhan in seven referrals is not one person in seven): frequencies are taken over at
 * least this many.
 */
export const MIN_POPULATION = 2000;

/** A name word's term frequency: `referrals` of the partnership's `total` have it. */
export function termFrequency(referrals: number, total: number): number {
  return referrals / Math.max(total, MIN_POPULATION);
}

const FORENAME = { m: 0.85, minU: 0.001, alias: bits(0.1, 0.02), none: bits(0.05, 0.97) };
const SURNAME = { m: 0.8, minU: 0.0005, alias: bits(0.12, 0.01), none: bits(0.05, 0.985) };

const DATE_OF_BIRTH: Record<DateOfBirthAgreement, number> = {
  exact: bits(0.9, 1 / 20_000),
  transposed: bits(0.02, 1 / 20_000),
  'one-part': bits(0.05, 1 / 400),
  'day-month': bits(0.005, 1 / 365),
  different: bits(0.025, 0.99),
  unknown: 0,
};

const POSTCODE: Record<PostcodeAgreement, number> = {
  full: bits(0.5, 0.002),
  outward: bits(0.15, 0.01),
  different: bits(0.35, 0.99),
  unknown: 0,
};

function nameWeight(
  evidence: NameEvidence,
  model: { m: number; minU: number; alias: number; none: number },
): number {
  switch (evidence.agreement) {
    case 'exact':
      return bits(model.m, Math.max(model.minU, evidence.frequency ?? 0));
    case 'alias':
      return model.alias;
    case 'none':
      return model.none;
    case 'unknown':
      return 0;
  }
}

/** The weight of a name's two comparisons (for choosing the best of a victim's names). */
export function namesWeight(forename: NameEvidence, surname: NameEvidence): number {
  return nameWeight(forename, FORENAME) + nameWeight(surname, SURNAME);
}

/** The match weight, confidence and level of a candidate referral. */
export function scoreMatch(evidence: MatchEvidence): MatchScore {
  const weight =
    namesWeight(evidence.forename, evidence.surname) +
    DATE_OF_BIRTH[evidence.dateOfBirth] +
    POSTCODE[evidence.postcode];
  const nameAgrees = [evidence.forename, evidence.surname].some(
    (n) => n.agreement === 'exact' || n.agreement === 'alias',
  );
  const dateAgainst = evidence.dateOfBirth === 'different' || evidence.dateOfBirth === 'day-month';
  const level: MatchLevel | null =
    weight >= LIKELY_WEIGHT && nameAgrees && !dateAgainst
      ? 'likely'
      : weight >= POSSIBLE_WEIGHT
        ? 'possible'
        : null;
  const confidence = 1 / (1 + 2 ** -(weight + PRIOR_WEIGHT));
  return {
    weight: Math.round(weight * 100) / 100,
    confidence: Math.round(confidence * 100) / 100,
    level,
    likely: level === 'likely',
  };
}
