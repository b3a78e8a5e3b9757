import {
  evaluateCriteria,
  isWithinRepeatWindow,
  type CriteriaInput,
} from '#core/referrals/criteria.js';
import { defaultRiskSettings } from '#core/referrals/risk-settings.js';
import { bandFor, riskFromDara, type DashRisk } from '#core/referrals/score-dash.js';

const dash = (score: number, outOf = 24): DashRisk => ({
  method: 'dash',
  score,
  outOf,
  band: bandFor(score, defaultRiskSettings),
});
const RATIONALE = 'Victim fears being taken abroad by the family; no English and no papers.';
const input = (change: Partial<CriteriaInput> = {}): CriteriaInput => ({
  risk: dash(5),
  professionalJudgement: null,
  incidentsInLast12Months: 0,
  lastReferralForVictim: null,
  referralDate: '2026-03-10',
  settings: defaultRiskSettings,
  ...change,
});
const met = (change: Partial<CriteriaInput>) => evaluateCriteria(input(change)).criteriaMet;

describe('visible high risk', () => {
  it.each([
    [13, 24, []],
    [14, 24, ['visible-high-risk']],
    [13, 27, []],
    [14, 27, ['visible-high-risk']],
  ])('score %i of %i meets %j', (score, outOf, expected) => {
    expect(met({ risk: dash(score, outOf) })).toEqual(expected);
  });

  it.each([
    ['high', ['visible-high-risk']],
    ['medium', []],
    ['standard', []],
  ] as const)('DARA outcome %s meets %j', (outcome, expected) => {
    expect(met({ risk: riskFromDara(outcome) })).toEqual(expected);
  });

  it('follows the area threshold', () => {
    const settings = { ...defaultRiskSettings, highThreshold: 16 };
    expect(met({ risk: dash(15), settings })).toEqual([]);
    expect(met({ risk: dash(16), settings })).toEqual(['visible-high-risk']);
  });
});

describe('professional judgement', () => {
  it.each([
    [null, []],
    ['', []],
    ['   ', []],
    ['Worried about her.', []], // 18 characters
    ['x'.repeat(19), []],
    ['x'.repeat(20), ['professional-judgement']],
    [`  ${'x'.repeat(19)}  `, []],
    [RATIONALE, ['professional-judgement']],
  ])('rationale %j on a score of 5 meets %j', (rationale, expected) => {
    expect(met({ professionalJudgement: rationale })).toEqual(expected);
  });

  it('raises a 5 to qualifying', () => {
    expect(evaluateCriteria(input({ professionalJudgement: RATIONALE }))).toEqual({
      criteriaMet: ['professional-judgement'],
      shortfall: null,
    });
  });

  it.each([null, 'Not high risk in my view; she is coping.', 'short'])(
    'never lowers a 16 (rationale %j)',
    (rationale) => {
      const result = evaluateCriteria(input({ risk: dash(16), professionalJudgement: rationale }));
      expect(result.criteriaMet).toContain('visible-high-risk');
      expect(result.shortfall).toBeNull();
    },
  );
});

describe('potential escalation', () => {
  it.each([
    [2, 3, []],
    [3, 3, ['potential-escalation']],
    [4, 3, ['potential-escalation']],
    [4, 5, []],
    [5, 5, ['potential-escalation']],
  ])('%i incidents with a setting of %i meets %j', (incidents, needed, expected) => {
    const settings = { ...defaultRiskSettings, escalationIncidents: needed };
    expect(met({ incidentsInLast12Months: incidents, settings })).toEqual(expected);
  });
});

describe('repeat', () => {
  it.each([
    ['2025-03-10', '2026-03-10', true], // exactly 12 months: inside
    ['2025-03-10', '2026-03-11', false], // 12 months and a day: outside
    ['2025-03-10', '2025-03-10', true], // the same day
    ['2025-09-01', '2026-03-10', true],
    ['2024-02-29', '2025-02-28', true], // leap day: the window ends on 28 February
    ['2024-02-29', '2025-03-01', false],
    ['2023-02-28', '2024-02-28', true],
    ['2023-02-28', '2024-02-29', false], // in a leap year 29 February is a day too late
    ['2025-01-31', '2026-01-31', true],
    ['2025-01-31', '2026-02-01', false],
  ])('last referral %s, this one %s: repeat %s', (last, referralDate, expected) => {
    expect(met({ lastReferralForVictim: { referredOn: last }, referralDate })).toEqual(
      expected ? ['repeat'] : [],
    );
  });

  it.each([
    ['2025-09-10', '2026-03-10', 6, true],
    ['2025-09-10', '2026-03-11', 6, false],
    ['2023-03-10', '2026-03-10', 36, true],
  ])('last %s, this %s, a %i-month window: %s', (last, referralDate, months, expected) => {
    const settings = { ...defaultRiskSettings, repeatWindowMonths: months };
    expect(isWithinRepeatWindow(last, referralDate, months)).toBe(expected);
    expect(met({ lastReferralForVictim: { referredOn: last }, referralDate, settings })).toEqual(
      expected ? ['repeat'] : [],
    );
  });

  it('no earlier referral is no repeat', () => {
    expect(met({ lastReferralForVictim: null })).toEqual([]);
  });
});

describe('several criteria', () => {
  it('lists every criterion met, in order', () => {
    expect(
      met({
        risk: dash(20),
        professionalJudgement: RATIONALE,
        incidentsInLast12Months: 6,
        lastReferralForVictim: { referredOn: '2025-11-01' },
      }),
    ).toEqual(['visible-high-risk', 'professional-judgement', 'potential-escalation', 'repeat']);
  });
});

describe('shortfall', () => {
  it.each<[string, Partial<CriteriaInput>, string]>([
    [
      'the example',
      { risk: dash(9), incidentsInLast12Months: 2 },
      'Score 9 of 24 is below 14; no professional judgement rationale; 2 incidents in 12 months (3 needed).',
    ],
    [
      'one incident, a short rationale, the police form',
      { risk: dash(13, 27), incidentsInLast12Months: 1, professionalJudgement: 'Worried.' },
      'Score 13 of 27 is below 14; professional judgement rationale too short (8 characters; at least 20 needed); 1 incident in 12 months (3 needed).',
    ],
    [
      'DARA medium, an old referral, area settings',
      {
        risk: riskFromDara('medium'),
        lastReferralForVictim: { referredOn: '2024-01-05' },
        settings: { ...defaultRiskSettings, escalationIncidents: 5, repeatWindowMonths: 18 },
      },
      'DARA outcome is medium, not high; no professional judgement rationale; 0 incidents in 12 months (5 needed).',
    ],
  ])('%s', (_, change, sentence) => {
    expect(evaluateCriteria(input(change))).toEqual({ criteriaMet: [], shortfall: sentence });
  });
});
