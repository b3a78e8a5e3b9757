import type { QuestionSet } from './question-sets.js';
import { settingsMisfit, type RiskSettings } from './risk-settings.js';

/**
 * Scoring a DASH checklist, and taking a DARA outcome in its place. Police have used the College
 * of Policing's DARA at first response since 2022 while partner agencies still use DASH, so a
 * referral may carry either (DOMAIN.md).
 */
export type RiskBand = 'standard' | 'medium' | 'high';
export type Answer = 'yes' | 'no' | 'not-known';

/** A scored checklist: the answers stay on the referral, this is what they add up to. */
export type DashRisk = { method: 'dash'; score: number; outOf: number; band: RiskBand };
/** DARA gives a band and no score. */
export type DaraRisk = { method: 'dara'; score: null; band: RiskBand };
export type Risk = DashRisk | DaraRisk;

/**
 * An incomplete or mismatched checklist is an expected failure: the form names each question
 * still to answer and each answer that is not one of this set's questions.
 */
export type DashScoring =
  ({ ok: true } & DashRisk) | { ok: false; unanswered: string[]; unknownIds: string[] };

const ANSWERS: readonly unknown[] = ['yes', 'no', 'not-known'];
// Answers may arrive from a stored draft or an area's import, so anything else counts as unanswered.
const isAnswer = (value: unknown): value is Answer => ANSWERS.includes(value);

/** Band for a score: at or above high is high, at or above medium is medium; 0 is standard. */
export function bandFor(score: number, settings: RiskSettings): RiskBand {
  if (score >= settings.highThreshold) return 'high';
  if (score >= settings.mediumThreshold) return 'medium';
  return 'standard';
}

/**
 * Scores a checklist: the count of "yes" answers. "Not known" counts as no "yes", never as a
 * missing answer: a victim may not know, and the practitioner has still asked. Every question
 * must have an answer, because an unasked question silently lowers the score.
 *
 * Throws when the settings cannot score this set (a threshold above its size): that is a fault
 * in the area's configuration, refused when it is saved (`settingsMisfit`), not a referrer's.
 */
export function scoreDash(
  set: QuestionSet,
  answers: Readonly<Record<string, Answer | undefined>>,
  settings: RiskSettings,
): DashScoring {
  const misfit = settingsMisfit(settings, set);
  if (misfit) throw new RangeError(misfit);
  const ids = new Set(set.questions.map((question) => question.id));
  const unanswered = set.questions
    .map((question) => question.id)
    .filter((id) => !isAnswer(answers[id]));
  const unknownIds = Object.keys(answers).filter((id) => !ids.has(id));
  if (unanswered.length > 0 || unknownIds.length > 0) return { ok: false, unanswered, unknownIds };
  const score = set.questions.filter((question) => answers[question.id] === 'yes').length;
  return {
    ok: true,
    method: 'dash',
    score,
    outOf: set.questions.length,
    band: bandFor(score, settings),
  };
}

/** A DARA outcome stands as the band: DARA is structured professional judgement, not a count. */
export function riskFromDara(outcome: RiskBand): DaraRisk {
  return { method: 'dara', score: null, band: outcome };
}
