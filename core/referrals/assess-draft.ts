import type { ReferralDraft } from '../contracts/referral.js';
import type { AreaRecord } from '../ports/store.js';
import type { LocalDate } from '../shared/local-date.js';
import { settingsOf } from './assess-referral.js';
import { evaluateCriteria, type CriteriaResult } from './criteria.js';
import { findQuestionSet } from './question-sets.js';
import { bandFor, riskFromDara, type Risk } from './score-dash.js';

/** What a draft adds up to so far: shown to its referrer only, never checked against others. */
export interface DraftAssessment {
  questionSet: string | null;
  /** Null until a checklist or DARA outcome has been started. */
  risk: Risk | null;
  criteria: CriteriaResult;
}

const NOT_STARTED: CriteriaResult = { criteriaMet: [], shortfall: null };

/**
 * The risk and criteria of a draft as far as it has been typed: the "yes" answers so far (a floor
 * the missing answers can only raise). No duplicate or repeat check runs on a draft: a referrer
 * learns of a likely match only on submission, where that notice is audited.
 */
export function assessDraft(
  area: AreaRecord,
  draft: ReferralDraft,
  today: LocalDate,
): DraftAssessment {
  const settings = settingsOf(area);
  const risk = riskSoFar(draft, settings.questionSet, settings);
  const questionSet =
    draft.riskAssessment?.kind === 'dash' ? (draft.riskAssessment.questionSet ?? null) : null;
  if (!risk) return { questionSet, risk: null, criteria: NOT_STARTED };
  const criteria = evaluateCriteria({
    risk,
    professionalJudgement: draft.professionalJudgement ?? null,
    incidentsInLast12Months: draft.incidentsInLast12Months ?? 0,
    lastReferralForVictim: null,
    referralDate: today,
    settings,
  });
  return { questionSet, risk, criteria };
}

function riskSoFar(
  draft: ReferralDraft,
  areaSet: string,
  settings: ReturnType<typeof settingsOf>,
): Risk | null {
  const assessment = draft.riskAssessment;
  if (!assessment) return null;
  if (assessment.kind === 'dara')
    return assessment.outcome ? riskFromDara(assessment.outcome) : null;
  const set = findQuestionSet(assessment.questionSet ?? areaSet);
  if (!set) return null;
  const score = set.questions.filter((q) => assessment.answers?.[q.id] === 'yes').length;
  return { method: 'dash', score, outOf: set.questions.length, band: bandFor(score, settings) };
}
