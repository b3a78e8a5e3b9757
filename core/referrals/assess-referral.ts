import type { ReferralForm } from '../contracts/referral.js';
import type { AreaRecord, Repos } from '../ports/store.js';
import type { VictimMatch } from '../ports/referrals.js';
import { DomainError } from '../shared/errors.js';
import { addMonths } from '../shared/local-date-months.js';
import type { LocalDate } from '../shared/local-date.js';
import { evaluateCriteria, type CriteriaResult } from './criteria.js';
import { mappaLead } from './flags.js';
import { findQuestionSet } from './question-sets.js';
import type { RiskSettings } from './risk-settings.js';
import { riskFromDara, scoreDash, type Risk } from './score-dash.js';
import { checkForm, type Problem } from './validate-form.js';

/** The referral rules an area applies; repeat window and capacity come from its protocol. */
export function settingsOf(area: AreaRecord): RiskSettings {
  return {
    ...area.riskSettings,
    repeatWindowMonths: area.protocol.repeatWindowMonths,
    capacityPerMeeting: area.protocol.caseCapacity,
  };
}

export interface Assessment {
  risk: Risk;
  criteria: CriteriaResult;
  /**
   * The criteria as the referrer may see them: as if the victim had never been referred, so
   * neither a "repeat" nor a shortfall that only a repeat made up tells them the victim is known.
   */
  referrerCriteria: CriteriaResult;
  mappaLead: boolean;
  /**
   * Open referrals and recent cases (within the repeat window) that may be the same victim, at
   * the level "possible" or "likely": for the coordinator to merge or dismiss.
   */
  candidates: VictimMatch[];
  /** The likely ones among the candidates: the referrer is only told that one exists. */
  duplicates: VictimMatch[];
  /** The latest referral heard or accepted for this victim within the repeat window. */
  repeatOf: VictimMatch | null;
  warnings: Problem[];
}

function invalid(problems: Problem[]): DomainError {
  const first = problems[0]!;
  return new DomainError(
    'VALIDATION_FAILED',
    `The referral is not complete: ${first.path}: ${first.message}`,
    problems,
  );
}

/**
 * Scores the risk, runs the duplicate and cross-MARAC repeat checks by blind index, and works out
 * which criteria the referral meets. Throws a validation error naming every field at fault.
 */
export async function assessReferral(
  repos: Repos,
  input: { area: AreaRecord; form: ReferralForm; today: LocalDate; excludeReferralId?: string },
): Promise<Assessment> {
  const { area, form, today } = input;
  const settings = settingsOf(area);
  const set = findQuestionSet(settings.questionSet);
  if (!set)
    throw new DomainError(
      'CONFLICT',
      `The area's question set "${settings.questionSet}" is not loaded.`,
    );
  const candidates = await repos.referrals.findVictimMatches({
    partnershipId: area.partnershipId,
    victim: form.victim,
    since: addMonths(today, -settings.repeatWindowMonths),
    ...(input.excludeReferralId ? { excludeReferralId: input.excludeReferralId } : {}),
  });
  const matches = candidates.filter((m) => m.likely);
  const repeatOf = matches.find((m) => m.status === 'accepted') ?? null;
  const check = checkForm(form, { set, settings, today, lastReferralForVictim: repeatOf });
  if (check.errors.length > 0) throw invalid(check.errors);
  let risk: Risk;
  if (form.riskAssessment.kind === 'dara') {
    risk = riskFromDara(form.riskAssessment.outcome);
  } else {
    const scored = scoreDash(set, form.riskAssessment.answers, settings);
    if (!scored.ok) {
      throw invalid(
        [...scored.unanswered, ...scored.unknownIds].map((id) => ({
          path: `riskAssessment.answers.${id}`,
          message: scored.unanswered.includes(id)
            ? 'needs an answer: yes, no or not known'
            : 'is not a question of this checklist',
        })),
      );
    }
    risk = scored;
  }
  const criteriaInput = {
    risk,
    professionalJudgement: form.professionalJudgement ?? null,
    incidentsInLast12Months: form.incidentsInLast12Months,
    lastReferralForVictim: repeatOf,
    referralDate: today,
    settings,
  };
  const criteria = evaluateCriteria(criteriaInput);
  return {
    risk,
    criteria,
    referrerCriteria: evaluateCriteria({ ...criteriaInput, lastReferralForVictim: null }),
    mappaLead: mappaLead(form.perpetrators),
    candidates,
    duplicates: matches,
    repeatOf,
    warnings: check.warnings,
  };
}
