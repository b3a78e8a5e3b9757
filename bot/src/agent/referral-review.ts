import {
  referralFormSchema,
  type ReferralDraft,
  type ReferralForm,
} from '#core/contracts/referral.js';
import { assessDraft } from '#core/referrals/assess-draft.js';
import { settingsOf } from '#core/referrals/assess-referral.js';
import {
  CHILDRENS_SERVICES_MESSAGE,
  MAPPA_LEAD_MESSAGE,
  mappaLead,
  needsChildrensServicesConfirmation,
} from '#core/referrals/flags.js';
import { checkForm } from '#core/referrals/validate-form.js';
import type { QuestionSet } from '#core/referrals/question-sets.js';
import { londonToday } from '#core/scheduling/area-calendar.js';
import type { AsWritten } from '#core/ports/referrals.js';
import {
  ETHNIC_CHOICES,
  GENDERS,
  MAPPA,
  RELATIONSHIPS,
  SEXUALITY_CHOICES,
} from '../cards/details-card.js';
import type { ReviewInput } from '../cards/review-card.js';
import type { Services } from '../http/services.js';
import { issueWords, problemsWords } from './field-words.js';
import type { Offer } from './referral-actor.js';

type Fact = { title: string; value: string };
const titleOf = (choices: { title: string; value: string }[], value: string | null | undefined) =>
  choices.find((c) => c.value === value)?.title ?? value ?? '';
const yesNo = (value: boolean | null | undefined) =>
  value === true ? 'Yes' : value === false ? 'No' : '';
const YNK: Record<string, string> = { yes: 'Yes', no: 'No', 'not-known': 'Not known' };
const facts = (pairs: [string, string | null | undefined][]): Fact[] =>
  pairs.map(([title, value]) => ({ title, value: value && value !== '' ? value : 'Not answered' }));

/**
 * A category's title; without one, the words written before the form offered categories, which
 * stay on the referral for the coordinator to recode.
 */
function category(
  choices: { title: string; value: string }[],
  value: string | null | undefined,
  words: string | undefined,
): string {
  if (value) return titleOf(choices, value);
  return words ? `Not chosen; recorded as “${words}”` : '';
}

/** Everything entered, in words, section by section. */
export function reviewSections(
  draft: ReferralDraft,
  offer: Offer,
  set: QuestionSet,
  asWritten: AsWritten = {},
): ReviewInput['sections'] {
  const v = draft.victim;
  const p = draft.perpetrators?.[0];
  const address = [v?.address?.line1, v?.address?.town, v?.address?.postcode]
    .filter(Boolean)
    .join(', ');
  const answers = draft.riskAssessment?.kind === 'dash' ? (draft.riskAssessment.answers ?? {}) : {};
  return [
    {
      title: 'The referral',
      step: 'details',
      facts: facts([
        ['MARAC area', offer.areas.find((a) => a.id === draft.areaId)?.name],
        ['Your agency', offer.agencies.find((a) => a.id === draft.referrerAgencyId)?.name],
        ['Your phone number', draft.referrerPhone],
        ['Victim name', v?.name],
        ['Date of birth', v?.dateOfBirth],
        ['Gender', titleOf(GENDERS, v?.gender)],
        ['Address', address],
        ['Victim phone', v?.phone],
        ['Safe to call', YNK[v?.safeToCall ?? '']],
        ['Ethnicity', category(ETHNIC_CHOICES, v?.ethnicity, asWritten.ethnicity)],
        ['First language', v?.language],
        ['Disability', YNK[v?.disability ?? '']],
        ['Sexuality', category(SEXUALITY_CHOICES, v?.sexuality, asWritten.sexuality)],
        ['Interpreter needed', yesNo(v?.interpreterNeeded)],
        ['Perpetrator name', p?.name],
        ['Perpetrator gender', titleOf(GENDERS, p?.gender)],
        ['Relationship to the victim', titleOf(RELATIONSHIPS, p?.relationshipToVictim)],
        ['MAPPA level', titleOf(MAPPA, p?.mappaLevel)],
        ['Children', (draft.children ?? []).map((c) => c.name).join(', ') || 'None'],
        ['Reasons for referral', draft.reasonsForReferral],
        ['Professional judgement', draft.professionalJudgement ?? 'None'],
        ['Incidents in 12 months', draft.incidentsInLast12Months?.toString()],
        ['Victim aware', yesNo(draft.consent?.victimAware)],
        [
          'Victim consented',
          draft.consent?.victimAware === false ? 'Not asked' : yesNo(draft.consent?.consented),
        ],
        ['Reason without consent', draft.consent?.reasonWithoutConsent ?? 'None'],
      ]),
    },
    {
      title: 'The risk checklist',
      step: 'dash-0',
      facts: set.questions.map((q, i) => ({
        title: `Question ${i + 1}`,
        value: YNK[answers[q.id] ?? ''] ?? 'Not answered',
      })),
    },
  ];
}

/** The draft as a complete form, or what is still missing, in words. */
export function completeForm(draft: ReferralDraft, set: QuestionSet, day: string) {
  const candidate = {
    ...draft,
    riskAssessment: {
      kind: 'dash',
      questionSet: set.id,
      answers: {},
      completedOn: day,
      ...draft.riskAssessment,
    },
  };
  const parsed = referralFormSchema.safeParse(candidate);
  return parsed.success
    ? ({ ok: true, form: parsed.data } as const)
    : ({
        ok: false,
        errors: [...new Set(parsed.error.issues.map((issue) => issueWords(issue, candidate)))],
      } as const);
}

/**
 * The review: everything entered, and what it adds up to, read only. It runs no duplicate or
 * repeat check: the referrer learns of a likely match only on submission, where that notice is
 * audited, and nothing here hints whether the victim was heard before.
 */
export async function reviewOf(
  s: Services,
  offer: Offer,
  draft: ReferralDraft,
  set: QuestionSet,
  errors: readonly string[],
  asWritten: AsWritten = {},
): Promise<Omit<ReviewInput, 'data' | 'totalSteps'>> {
  const today = londonToday(s.clock.now());
  const area = (await s.uow.run((repos) => repos.areas.get(draft.areaId)))!;
  const sofar = assessDraft(area, draft, today);
  const risk = {
    score: sofar.risk?.score ?? null,
    band: sofar.risk?.band ?? 'Not scored',
    criteriaMet: sofar.criteria.criteriaMet,
    shortfall: sofar.criteria.shortfall,
  };
  const base = { sections: reviewSections(draft, offer, set, asWritten), risk };
  const complete = completeForm(draft, set, today);
  if (!complete.ok) {
    return {
      ...base,
      warnings: [],
      needsChildrensServices: false,
      errors: [...errors, ...complete.errors],
    };
  }
  const form: ReferralForm = complete.form;
  const needs = needsChildrensServicesConfirmation(
    { band: sofar.risk?.band ?? 'standard', criteriaMet: sofar.criteria.criteriaMet },
    form.children,
  );
  const check = checkForm(
    { ...form, childrensServicesReferralMade: true },
    { set, settings: settingsOf(area), today },
  );
  return {
    ...base,
    errors: [...errors, ...problemsWords(check.errors)],
    warnings: [
      ...(mappaLead(form.perpetrators) ? [MAPPA_LEAD_MESSAGE] : []),
      ...check.warnings.map((w) => w.message),
      ...(needs ? [CHILDRENS_SERVICES_MESSAGE] : []),
    ],
    needsChildrensServices: needs,
  };
}
