import {
  referralFormSchema,
  type ReferralForm,
  type ReferralFormInput,
} from '#core/contracts/referral.js';
import type { QuestionSet } from '#core/referrals/question-sets.js';
import type { Answer } from '#core/referrals/score-dash.js';

/** Answers with the first `yes` questions "yes" and the rest `rest`. */
export function answersWith(
  set: QuestionSet,
  yes: number,
  rest: Answer = 'no',
): Record<string, Answer> {
  return Object.fromEntries(set.questions.map((q, i) => [q.id, i < yes ? 'yes' : rest]));
}

/** An invented referral, valid against the schema, for a SafeLives checklist. */
export function referralForm(overrides: Partial<ReferralFormInput> = {}): ReferralForm {
  const base: ReferralFormInput = {
    areaId: '11111111-1111-4111-8111-111111111111',
    referrerAgencyId: '22222222-2222-4222-8222-222222222222',
    referrerPhone: '01632 960000',
    victim: {
      name: 'Testa Fictional',
      dateOfBirth: '1990-04-12',
      gender: 'female',
      address: { line1: '1 Example Row', town: 'Nowhereton', postcode: 'ZZ1 1ZZ' },
      safeToCall: 'yes',
      disability: 'no',
      interpreterNeeded: false,
    },
    perpetrators: [
      {
        name: 'Invented Person',
        dateOfBirth: '1988-09-30',
        gender: 'male',
        relationshipToVictim: 'ex-partner',
        address: null,
        mappaLevel: 'none',
      },
    ],
    children: [],
    reasonsForReferral: 'Made-up reasons for a test fixture.',
    riskAssessment: {
      kind: 'dash',
      questionSet: 'safelives-24',
      answers: {},
      completedOn: '2026-05-01',
    },
    incidentsInLast12Months: 0,
    consent: { victimAware: true, consented: true },
  };
  return referralFormSchema.parse({ ...base, ...overrides });
}
