import type { ReferralFormInput } from '#core/contracts/referral.js';

/** Answers to the SafeLives 24 with `yes` "yes" answers, the rest "no". */
export function answers(yes: number, unknown = 0): Record<string, 'yes' | 'no' | 'not-known'> {
  return Object.fromEntries(
    Array.from({ length: 24 }, (_, i) => [
      `q${i + 1}`,
      i < yes ? 'yes' : i < yes + unknown ? 'not-known' : 'no',
    ]),
  );
}

/** An invented victim and perpetrator; only `.example` addresses and made-up postcodes. */
export function referralForm(
  overrides: Partial<ReferralFormInput> & { areaId: string; referrerAgencyId: string },
): ReferralFormInput {
  return {
    referrerPhone: '01632 960001',
    victim: {
      name: 'Amelia Hart-Lowe',
      otherNames: [],
      dateOfBirth: '1990-04-03',
      gender: 'female',
      address: { line1: '14 Larkspur Row', town: 'Northbrook', postcode: 'NB4 7QX' },
      phone: '07700 900123',
      safeToCall: 'yes',
      disability: 'no',
      interpreterNeeded: false,
    },
    perpetrators: [
      {
        name: 'Dorian Threlkeld',
        otherNames: [],
        dateOfBirth: '1987-09-12',
        gender: 'male',
        relationshipToVictim: 'ex-partner',
        address: null,
        mappaLevel: 'none',
      },
    ],
    children: [],
    reasonsForReferral: 'Escalating threats after separation; strangulation disclosed last week.',
    riskAssessment: {
      kind: 'dash',
      questionSet: 'safelives-24',
      answers: answers(15),
      completedOn: '2026-11-30',
    },
    incidentsInLast12Months: 1,
    consent: { victimAware: true, consented: true },
    childrensServicesReferralMade: null,
    ...overrides,
  };
}
