import type { LocalDate } from '../shared/local-date.js';
import { addMonths } from '../shared/local-date-months.js';
import type { RiskSettings } from './risk-settings.js';
import type { Risk } from './score-dash.js';

/**
 * The MARAC referral criteria (DOMAIN.md "Referral criteria"): any one qualifies. Criteria only
 * ever add: professional judgement can raise a case that scores low, and nothing written in a
 * rationale can take away a criterion the score or the history has already met.
 */
export type Criterion =
  'visible-high-risk' | 'professional-judgement' | 'potential-escalation' | 'repeat';

/** Shorter than this, a "rationale" is a tick-box ("see notes"), not the written reason required. */
export const MIN_RATIONALE_LENGTH = 20;

export type CriteriaInput = {
  risk: Risk;
  professionalJudgement?: string | null;
  /** Domestic abuse incidents known in the escalation window, not only police call-outs. */
  incidentsInLast12Months: number;
  /**
   * The most recent earlier MARAC referral for the same victim, in this or any other area of the
   * partnership (the cross-MARAC check), or null when there is none.
   */
  lastReferralForVictim: { referredOn: LocalDate } | null;
  referralDate: LocalDate;
  settings: RiskSettings;
};

export type CriteriaResult = {
  criteriaMet: Criterion[];
  /** Why no criterion is met, shown on the draft; null when one is. */
  shortfall: string | null;
};

/** DASH at or above the high threshold, or a DARA outcome of high. */
export function isVisibleHighRisk(risk: Risk, settings: RiskSettings): boolean {
  return risk.method === 'dash' ? risk.score >= settings.highThreshold : risk.band === 'high';
}

/** A written rationale of at least MIN_RATIONALE_LENGTH characters, ignoring outer spaces. */
export function hasRationale(text: string | null | undefined): boolean {
  return (text ?? '').trim().length >= MIN_RATIONALE_LENGTH;
}

/**
 * Whether a referral on `referralDate` falls within `months` calendar months of the last one.
 * The window runs to `addMonths(lastReferredOn, months)` inclusive: a last referral on 10 March
 * 2025 makes a referral on 10 March 2026 a repeat and one on 11 March 2026 a new referral. From
 * 29 February 2024 the window ends on 28 February 2025 (a missing day clamps to the month's
 * end). A "last" referral dated after this one still counts: two referrals for one victim this
 * close together must be linked, whichever was entered first.
 */
export function isWithinRepeatWindow(
  lastReferredOn: LocalDate,
  referralDate: LocalDate,
  months: number,
): boolean {
  return referralDate <= addMonths(lastReferredOn, months);
}

/** Which criteria a referral meets, and when none, the sentence saying why. */
export function evaluateCriteria(input: CriteriaInput): CriteriaResult {
  const { settings } = input;
  const met: Criterion[] = [];
  if (isVisibleHighRisk(input.risk, settings)) met.push('visible-high-risk');
  if (hasRationale(input.professionalJudgement)) met.push('professional-judgement');
  if (input.incidentsInLast12Months >= settings.escalationIncidents)
    met.push('potential-escalation');
  const last = input.lastReferralForVictim;
  if (
    last &&
    isWithinRepeatWindow(last.referredOn, input.referralDate, settings.repeatWindowMonths)
  ) {
    met.push('repeat');
  }
  return { criteriaMet: met, shortfall: met.length > 0 ? null : shortfall(input) };
}

/**
 * One clause per criterion, e.g. "Score 9 of 24 is below 14; no professional judgement
 * rationale; 2 incidents in 12 months (3 needed)." It says nothing of earlier referrals, either
 * way: the referrer reads it, and must not learn whether the victim was heard before.
 */
function shortfall(input: CriteriaInput): string {
  const { risk, settings } = input;
  const rationale = (input.professionalJudgement ?? '').trim();
  const incidents = input.incidentsInLast12Months;
  const clauses = [
    risk.method === 'dash'
      ? `score ${risk.score} of ${risk.outOf} is below ${settings.highThreshold}`
      : `DARA outcome is ${risk.band}, not high`,
    rationale.length === 0
      ? 'no professional judgement rationale'
      : `professional judgement rationale too short (${rationale.length} characters; at least ${MIN_RATIONALE_LENGTH} needed)`,
    `${incidents} ${incidents === 1 ? 'incident' : 'incidents'} in ${settings.escalationWindowMonths} months (${settings.escalationIncidents} needed)`,
  ];
  const sentence = clauses.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
