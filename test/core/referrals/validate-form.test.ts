import type { ReferralFormInput } from '#core/contracts/referral.js';
import { CHILDRENS_SERVICES_MESSAGE } from '#core/referrals/flags.js';
import { police27, safelives24 } from '#core/referrals/question-sets.js';
import { defaultRiskSettings } from '#core/referrals/risk-settings.js';
import { checkForm, type CheckFormOptions } from '#core/referrals/validate-form.js';
import { UNDER_16_MESSAGE } from '#core/referrals/validate-people.js';
import { answersWith, referralForm } from './fixtures.js';

const TODAY = '2026-05-11';
const options: CheckFormOptions = { set: safelives24, settings: defaultRiskSettings, today: TODAY };
const dash = (yes: number, completedOn = '2026-05-01') => ({
  kind: 'dash' as const,
  questionSet: 'safelives-24',
  answers: answersWith(safelives24, yes),
  completedOn,
});
const child = (livesInHousehold: boolean) => ({
  name: 'Small Fictional',
  dateOfBirth: '2019-06-01',
  relationshipToVictim: 'son',
  relationshipToPerpetrator: 'son',
  livesInHousehold,
});
const check = (change: Partial<ReferralFormInput>, opts: Partial<CheckFormOptions> = {}) =>
  checkForm(referralForm({ riskAssessment: dash(14), ...change }), { ...options, ...opts });
const errorPaths = (change: Partial<ReferralFormInput>, opts: Partial<CheckFormOptions> = {}) =>
  check(change, opts).errors.map((e) => e.path);

describe('checkForm', () => {
  it('passes a complete high-risk referral with no children', () => {
    expect(check({})).toEqual({ errors: [], warnings: [] });
  });

  it('names each unanswered question and each unknown id', () => {
    const answers: Record<string, string> = { ...answersWith(safelives24, 14), zz1: 'yes' };
    delete answers.q3;
    const { errors } = check({ riskAssessment: { ...dash(14), answers: answers as never } });
    expect(errors).toEqual([
      { path: 'riskAssessment.answers.q3', message: 'Answer question 3: yes, no or not known.' },
      {
        path: 'riskAssessment.answers.zz1',
        message: '"zz1" is not a question of the SafeLives Dash risk checklist.',
      },
    ]);
  });

  it('refuses a checklist of another set than the area uses', () => {
    const police = { ...dash(0), questionSet: 'police-27', answers: answersWith(police27, 14) };
    expect(errorPaths({ riskAssessment: police })).toEqual(['riskAssessment.questionSet']);
    expect(errorPaths({ riskAssessment: police }, { set: police27 })).toEqual([]);
  });

  it.each<[string, Partial<ReferralFormInput>, string[]]>([
    [
      'a rationale under 20 characters',
      { professionalJudgement: 'Gut feeling.' },
      ['professionalJudgement'],
    ],
    [
      'a victim born tomorrow',
      { victim: { ...referralForm().victim, dateOfBirth: '2026-05-12' } },
      ['victim.dateOfBirth'],
    ],
    [
      'a child born in the future',
      { children: [{ ...child(false), dateOfBirth: '2027-01-01' }] },
      ['children.0.dateOfBirth'],
    ],
    [
      'a perpetrator born in the future',
      { perpetrators: [{ ...referralForm().perpetrators[0]!, dateOfBirth: '2030-01-01' }] },
      ['perpetrators.0.dateOfBirth'],
    ],
    [
      'an assessment dated tomorrow',
      { riskAssessment: dash(14, '2026-05-12') },
      ['riskAssessment.completedOn'],
    ],
    [
      'no reason for sharing without consent',
      { consent: { victimAware: true, consented: false } },
      ['consent.reasonWithoutConsent'],
    ],
    [
      'a blank reason for sharing without consent',
      { consent: { victimAware: true, consented: false, reasonWithoutConsent: ' ' } },
      ['consent.reasonWithoutConsent'],
    ],
  ])('an error for %s', (_, change, paths) => {
    expect(errorPaths(change)).toEqual(paths);
  });

  it('accepts sharing without consent with a reason', () => {
    const consent = {
      victimAware: true as const,
      consented: false,
      reasonWithoutConsent: 'Asking would raise the risk.',
    };
    expect(errorPaths({ consent })).toEqual([]);
  });

  it.each([
    ['2010-05-12', true], // 16 tomorrow
    ['2010-05-11', false], // 16 today
    ['1950-01-01', false],
  ])('a victim born %s is under 16: %s', (dateOfBirth, under16) => {
    const { errors } = check({ victim: { ...referralForm().victim, dateOfBirth } });
    expect(errors).toEqual(
      under16 ? [{ path: 'victim.dateOfBirth', message: UNDER_16_MESSAGE }] : [],
    );
  });

  it.each([
    ['victim', '1899-12-31', 'victim.dateOfBirth', /after 1900/],
    ['victim', '2026-05-12', 'victim.dateOfBirth', /in the past/],
    ['perpetrator', '1899-12-31', 'perpetrators.0.dateOfBirth', /after 1900/],
    ['perpetrator', '2027-01-01', 'perpetrators.0.dateOfBirth', /in the past/],
    ['child', '2026-05-12', 'children.0.dateOfBirth', /in the past/],
    ['child', '2008-05-11', 'children.0.dateOfBirth', /under 18/], // 18 today
  ])('refuses a %s born %s, saying what to do', (who, dateOfBirth, path, message) => {
    const form = referralForm();
    const change =
      who === 'victim'
        ? { victim: { ...form.victim, dateOfBirth } }
        : who === 'perpetrator'
          ? { perpetrators: [{ ...form.perpetrators[0]!, dateOfBirth }] }
          : { children: [{ ...child(true), dateOfBirth }], childrensServicesReferralMade: true };
    const { errors } = check(change);
    expect(errors).toEqual([{ path, message: expect.stringMatching(message) }]);
  });

  it.each([
    ['1900-01-01', 'victim'],
    ['2008-05-12', 'child'], // 18 tomorrow
  ])('accepts a date of birth of %s for a %s', (dateOfBirth, who) => {
    const form = referralForm();
    const change =
      who === 'victim'
        ? { victim: { ...form.victim, dateOfBirth } }
        : { children: [{ ...child(true), dateOfBirth }], childrensServicesReferralMade: true };
    expect(check(change).errors).toEqual([]);
  });

  it("says where a younger victim goes: children's safeguarding", () => {
    expect(UNDER_16_MESSAGE).toMatch(/16 or over/);
    expect(UNDER_16_MESSAGE).toMatch(/children's services/);
  });

  it.each([
    ['2026-02-11', []], // exactly 3 months: no warning
    ['2026-02-10', ['riskAssessment.completedOn']],
  ])('an assessment completed on %s warns at %j', (completedOn, paths) => {
    const result = check({ riskAssessment: dash(14, completedOn) });
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.path)).toEqual(paths);
  });

  it('warns, without an error, when a MAPPA level is not known', () => {
    const perpetrators = [{ ...referralForm().perpetrators[0]!, mappaLevel: 'not-known' as const }];
    expect(check({ perpetrators })).toMatchObject({
      errors: [],
      warnings: [{ path: 'perpetrators' }],
    });
  });
});

describe("checkForm: children's services confirmation", () => {
  const rationale = 'Serious concern: threats in front of the children last week.';
  it.each<[string, Partial<ReferralFormInput>, Partial<CheckFormOptions>, boolean]>([
    ['high, child at home, not confirmed', { children: [child(true)] }, {}, true],
    [
      'high, child at home, confirmed',
      { children: [child(true)], childrensServicesReferralMade: true },
      {},
      false,
    ],
    [
      'high, child at home, said no',
      { children: [child(true)], childrensServicesReferralMade: false },
      {},
      true,
    ],
    ['high, child living elsewhere', { children: [child(false)] }, {}, false],
    [
      'score 5, no criterion, child at home',
      { riskAssessment: dash(5), children: [child(true)] },
      {},
      false,
    ],
    [
      'score 5 raised by judgement',
      { riskAssessment: dash(5), professionalJudgement: rationale, children: [child(true)] },
      {},
      true,
    ],
    [
      'score 5, escalation',
      { riskAssessment: dash(5), incidentsInLast12Months: 3, children: [child(true)] },
      {},
      true,
    ],
    [
      'score 5, a repeat',
      { riskAssessment: dash(5), children: [child(true)] },
      { lastReferralForVictim: { referredOn: '2025-06-01' } },
      true,
    ],
    [
      'DARA high',
      {
        riskAssessment: { kind: 'dara', outcome: 'high', completedOn: TODAY },
        children: [child(true)],
      },
      {},
      true,
    ],
  ])('%s: confirmation required %s', (_, change, opts, required) => {
    const { errors } = check(change, opts);
    const expected = { path: 'childrensServicesReferralMade', message: CHILDRENS_SERVICES_MESSAGE };
    if (required) expect(errors).toContainEqual(expected);
    else expect(errors).not.toContainEqual(expected);
  });

  it('asks even before the checklist is finished when it is already high', () => {
    const answers: Record<string, string> = answersWith(safelives24, 15);
    delete answers.q24;
    const { errors } = check({
      riskAssessment: { ...dash(0), answers: answers as never },
      children: [child(true)],
    });
    expect(errors.map((e) => e.path)).toEqual([
      'riskAssessment.answers.q24',
      'childrensServicesReferralMade',
    ]);
  });
});
