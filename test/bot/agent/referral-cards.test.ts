/**
 * The referral cards at their largest: every field at its maximum length, every error shown. Teams
 * refuses a card over 28 KB, so each must stay under it; and each must parse cleanly.
 */
import type { ReferralDraft } from '#core/contracts/referral.js';
import { findQuestionSet } from '#core/referrals/question-sets.js';
import { detailsValues } from '../../../bot/src/agent/details-form.js';
import { reviewSections } from '../../../bot/src/agent/referral-review.js';
import type { AdaptiveCard } from '../../../bot/src/cards/card-types.js';
import { dashPageCard } from '../../../bot/src/cards/dash-page-card.js';
import { detailsCard, DETAILS_FIELDS } from '../../../bot/src/cards/details-card.js';
import { draftsCard, referralsCard } from '../../../bot/src/cards/list-cards.js';
import { reviewCard } from '../../../bot/src/cards/review-card.js';
import { receiptCard, welcomeCard } from '../../../bot/src/cards/status-cards.js';
import { cardProblems } from './card-check.js';

const LIMIT = 28 * 1024;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const max = (n: number) => 'W'.repeat(n);
const set = findQuestionSet('safelives-24')!;
const data = { op: id(1), referralId: id(2), step: 'details' };
const offer = {
  areas: [1, 2, 3].map((i) => ({ id: id(10 + i), name: max(80) })),
  agencies: Array.from({ length: 12 }, (_, i) => ({
    id: id(20 + i),
    name: max(80),
    areaId: id(11),
    areaName: max(80),
  })),
};
const address = { line1: max(120), line2: max(120), town: max(80), postcode: 'NB4 7QX' };
const draft: ReferralDraft = {
  areaId: id(11),
  referrerAgencyId: id(20),
  referrerPhone: max(30),
  victim: {
    name: max(120),
    otherNames: [max(120), max(120), max(120), max(120), max(120)],
    dateOfBirth: '1990-04-01',
    gender: 'female',
    address,
    phone: max(30),
    safeToCall: 'yes',
    safeContactNotes: max(500),
    // Not chosen: the words from before the form offered categories show instead (asWritten).
    disability: 'no',
    language: max(60),
    interpreterNeeded: true,
  },
  perpetrators: [
    {
      name: max(120),
      otherNames: [],
      dateOfBirth: '1985-01-01',
      gender: 'male',
      relationshipToVictim: 'other-family',
      address,
      mappaLevel: 'not-known',
    },
  ],
  children: Array.from({ length: 12 }, () => ({
    name: max(120),
    dateOfBirth: null,
    relationshipToVictim: max(60),
    relationshipToPerpetrator: max(60),
    livesInHousehold: true,
  })),
  reasonsForReferral: max(4000),
  riskAssessment: {
    kind: 'dash',
    questionSet: set.id,
    answers: Object.fromEntries(set.questions.map((q) => [q.id, 'not-known'])),
    completedOn: '2026-11-30',
  },
  professionalJudgement: max(4000),
  incidentsInLast12Months: 365,
  consent: { victimAware: true, consented: false, reasonWithoutConsent: max(1000) },
  childrensServicesReferralMade: null,
};
const everyError = Object.values(DETAILS_FIELDS).map((f) => `${f}: ${max(60)}`);
// The longest the free text could be before the form offered categories.
const asWritten = { ethnicity: max(80), sexuality: max(80) };

const cards: [string, AdaptiveCard][] = [
  ['welcome', welcomeCard(id(1))],
  [
    'details',
    detailsCard({
      ...offer,
      values: detailsValues(draft),
      asWritten,
      errors: everyError,
      totalSteps: 5,
      data,
    }),
  ],
  [
    'checklist page',
    dashPageCard({
      set,
      page: 0,
      pageSize: 8,
      answers: {},
      values: Object.fromEntries(set.questions.map((q) => [`dash_${q.id}`, 'not-known'])),
      errors: set.questions.map((_, i) => `Question ${i + 1}: choose yes, no or not known`),
      totalSteps: 5,
      data,
    }),
  ],
  [
    'review',
    reviewCard({
      sections: reviewSections(draft, offer, set, asWritten),
      risk: {
        score: 24,
        band: 'high',
        criteriaMet: ['visible-high-risk', 'professional-judgement', 'potential-escalation'],
        shortfall: max(300),
      },
      warnings: [max(300), max(300), max(300), max(300)],
      needsChildrensServices: true,
      errors: everyError,
      totalSteps: 5,
      data,
    }),
  ],
  [
    'receipt',
    receiptCard({
      title: 'Referral sent',
      reference: 'NBWXYZAB-2026-9999',
      status: 'submitted',
      note: max(200),
    }),
  ],
  [
    'drafts',
    draftsCard({
      drafts: Array.from({ length: 50 }, (_, i) => ({
        id: id(i),
        reference: 'NBWXYZAB-2026-9999',
        savedOn: '2026-11-30',
      })),
      op: id(1),
    }),
  ],
  [
    'my referrals',
    referralsCard(
      Array.from({ length: 10 }, () => ({
        reference: 'NBWXYZAB-2026-9999',
        status: 'needs-information',
        meetingDate: '2026-12-08',
        note: max(2000),
      })),
    ),
  ],
];

describe('referral cards at their largest', () => {
  it.each(cards)('%s parses and stays under 28 KB', (_name, card) => {
    expect(cardProblems(card)).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(LIMIT);
  });

  it('the review shows everything entered, and the step cards carry only ids, a step and an operation', () => {
    const review = JSON.stringify(cards[3]![1]);
    expect(review).toContain(max(4000));
    for (const [, card] of cards) {
      for (const action of card.actions ?? []) {
        expect(
          Object.keys(action.data ?? {}).every((k) => ['op', 'referralId', 'step'].includes(k)),
        ).toBe(true);
      }
    }
  });
});
