import type { ReferralForm } from '../contracts/referral.js';
import type { LocalDate } from '../shared/local-date.js';
import { addMonths } from '../shared/local-date-months.js';
import { evaluateCriteria, MIN_RATIONALE_LENGTH } from './criteria.js';
import { CHILDRENS_SERVICES_MESSAGE, needsChildrensServicesConfirmation } from './flags.js';
import type { QuestionSet } from './question-sets.js';
import type { RiskSettings } from './risk-settings.js';
import { bandFor, riskFromDara, scoreDash, type Risk } from './score-dash.js';
import { checkPeople, type FormCheck } from './validate-people.js';

export type { FormCheck, Problem } from './validate-people.js';

/**
 * Checks on a referral form beyond its zod schema, each named by the path of the field to fix.
 * Errors stop a submission; warnings are shown and the referrer may go on.
 */
export type CheckFormOptions = {
  /** The area's question set (`settings.questionSet`, found with `findQuestionSet`). */
  set: QuestionSet;
  settings: RiskSettings;
  today: LocalDate;
  /** From the cross-MARAC check, when known: a repeat case with children also needs confirming. */
  lastReferralForVictim?: { referredOn: LocalDate } | null;
};

/** A checklist older than this may no longer describe the risk: warn, as the risk may have changed. */
const STALE_AFTER_MONTHS = 3;

export function checkForm(form: ReferralForm, options: CheckFormOptions): FormCheck {
  const out: FormCheck = { errors: [], warnings: [] };
  const risk = checkRiskAssessment(form, options, out);
  checkRationale(form, out);
  checkPeople(form, options.today, out);
  checkConsent(form, out);
  checkChildrensServices(form, risk, options, out);
  if (form.perpetrators.some((p) => p.mappaLevel === 'not-known')) {
    out.warnings.push({
      path: 'perpetrators',
      message:
        'MAPPA level not known: ask probation or the police, as MAPPA leads at level 2 or 3.',
    });
  }
  return out;
}

/**
 * The checklist answers and date. Returns the risk for the later checks; with answers missing it
 * is the "yes" count so far, a floor the missing answers can only raise, so the children's
 * services check still applies to a checklist already high before it is finished.
 */
function checkRiskAssessment(
  form: ReferralForm,
  options: CheckFormOptions,
  out: FormCheck,
): Risk | null {
  const assessment = form.riskAssessment;
  checkCompletedOn(assessment.completedOn, options.today, out);
  if (assessment.kind === 'dara') return riskFromDara(assessment.outcome);
  const { set, settings } = options;
  if (assessment.questionSet !== set.id) {
    out.errors.push({
      path: 'riskAssessment.questionSet',
      message: `This area uses the ${set.title} ("${set.id}"); answer its questions.`,
    });
    return null;
  }
  const scored = scoreDash(set, assessment.answers, settings);
  if (scored.ok) return scored;
  for (const id of scored.unanswered) {
    const number = set.questions.findIndex((question) => question.id === id) + 1;
    out.errors.push({
      path: `riskAssessment.answers.${id}`,
      message: `Answer question ${number}: yes, no or not known.`,
    });
  }
  for (const id of scored.unknownIds) {
    out.errors.push({
      path: `riskAssessment.answers.${id}`,
      message: `"${id}" is not a question of the ${set.title}.`,
    });
  }
  const yesSoFar = set.questions.filter((q) => assessment.answers[q.id] === 'yes').length;
  return {
    method: 'dash',
    score: yesSoFar,
    outOf: set.questions.length,
    band: bandFor(yesSoFar, settings),
  };
}

function checkCompletedOn(completedOn: LocalDate, today: LocalDate, out: FormCheck): void {
  const path = 'riskAssessment.completedOn';
  if (completedOn > today) {
    out.errors.push({ path, message: 'The assessment date is in the future.' });
  } else if (addMonths(completedOn, STALE_AFTER_MONTHS) < today) {
    out.warnings.push({
      path,
      message: `The assessment is more than ${STALE_AFTER_MONTHS} months old; risk may have changed, so consider completing it again.`,
    });
  }
}

/** Judgement is optional, but a rationale given must be one: it is what the meeting reads. */
function checkRationale(form: ReferralForm, out: FormCheck): void {
  const rationale = (form.professionalJudgement ?? '').trim();
  if (rationale.length > 0 && rationale.length < MIN_RATIONALE_LENGTH) {
    out.errors.push({
      path: 'professionalJudgement',
      message: `Say why, in at least ${MIN_RATIONALE_LENGTH} characters: professional judgement needs a written rationale.`,
    });
  }
}

/** Sharing without consent is lawful where asking would raise the risk, but the reason is recorded. */
function checkConsent(form: ReferralForm, out: FormCheck): void {
  const consent = form.consent;
  if (consent.victimAware && !consent.consented && !consent.reasonWithoutConsent?.trim()) {
    out.errors.push({
      path: 'consent.reasonWithoutConsent',
      message:
        'Give the reason for sharing without consent, for example that asking would increase the risk.',
    });
  }
}

function checkChildrensServices(
  form: ReferralForm,
  risk: Risk | null,
  options: CheckFormOptions,
  out: FormCheck,
): void {
  if (risk === null) return;
  const { criteriaMet } = evaluateCriteria({
    risk,
    professionalJudgement: form.professionalJudgement ?? null,
    incidentsInLast12Months: form.incidentsInLast12Months,
    lastReferralForVictim: options.lastReferralForVictim ?? null,
    referralDate: options.today,
    settings: options.settings,
  });
  const needed = needsChildrensServicesConfirmation(
    { band: risk.band, criteriaMet },
    form.children,
  );
  if (needed && form.childrensServicesReferralMade !== true) {
    out.errors.push({ path: 'childrensServicesReferralMade', message: CHILDRENS_SERVICES_MESSAGE });
  }
}
