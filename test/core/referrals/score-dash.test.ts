import { police27, safelives24 } from '#core/referrals/question-sets.js';
import {
  defaultRiskSettings,
  riskSettingsSchema,
  settingsMisfit,
} from '#core/referrals/risk-settings.js';
import { riskFromDara, scoreDash } from '#core/referrals/score-dash.js';
import { answersWith } from './fixtures.js';

describe('scoreDash bands (defaults 10 and 14)', () => {
  it.each([
    [0, 'standard'],
    [1, 'standard'],
    [9, 'standard'],
    [10, 'medium'],
    [13, 'medium'],
    [14, 'high'],
    [24, 'high'],
  ])('%i "yes" answers of 24 is %s', (yes, band) => {
    const result = scoreDash(safelives24, answersWith(safelives24, yes), defaultRiskSettings);
    expect(result).toEqual({ ok: true, method: 'dash', score: yes, outOf: 24, band });
  });

  it.each([
    [13, 'medium'],
    [14, 'high'],
    [27, 'high'],
  ])('police-27: %i "yes" answers is %s', (yes, band) => {
    const result = scoreDash(police27, answersWith(police27, yes), defaultRiskSettings);
    expect(result).toMatchObject({ ok: true, score: yes, outOf: 27, band });
  });

  it('counts "not known" as no "yes": all not known scores 0, standard', () => {
    const result = scoreDash(
      safelives24,
      answersWith(safelives24, 0, 'not-known'),
      defaultRiskSettings,
    );
    expect(result).toMatchObject({ ok: true, score: 0, band: 'standard' });
  });

  it('uses the area thresholds', () => {
    const settings = { ...defaultRiskSettings, mediumThreshold: 8, highThreshold: 12 };
    expect(scoreDash(safelives24, answersWith(safelives24, 12), settings)).toMatchObject({
      band: 'high',
    });
    expect(scoreDash(safelives24, answersWith(safelives24, 7), settings)).toMatchObject({
      band: 'standard',
    });
  });
});

describe('scoreDash incomplete answers', () => {
  it('names every missing question and every id not in the set', () => {
    const answers: Record<string, 'yes' | 'no'> = { ...answersWith(safelives24, 14), p25: 'yes' };
    delete answers.q3;
    delete answers.q24;
    expect(scoreDash(safelives24, answers, defaultRiskSettings)).toEqual({
      ok: false,
      unanswered: ['q3', 'q24'],
      unknownIds: ['p25'],
    });
  });

  it('treats a value other than yes, no or not known as unanswered', () => {
    const answers = { ...answersWith(safelives24, 0), q7: 'maybe' as never };
    expect(scoreDash(safelives24, answers, defaultRiskSettings)).toMatchObject({
      ok: false,
      unanswered: ['q7'],
    });
  });

  it('refuses the police answers for the SafeLives set', () => {
    const result = scoreDash(safelives24, answersWith(police27, 27), defaultRiskSettings);
    expect(result.ok).toBe(false);
  });
});

describe('risk settings', () => {
  it('defaults are valid', () => {
    expect(riskSettingsSchema.parse(defaultRiskSettings)).toEqual(defaultRiskSettings);
  });

  it.each([
    [{ highThreshold: 10 }, ['highThreshold']],
    [{ mediumThreshold: 0 }, ['mediumThreshold']],
    [{ repeatWindowMonths: 0 }, ['repeatWindowMonths']],
    [{ capacityPerMeeting: 61 }, ['capacityPerMeeting']],
  ])('refuses %j', (change, path) => {
    const result = riskSettingsSchema.safeParse({ ...defaultRiskSettings, ...change });
    expect(result.error?.issues.map((i) => i.path)).toContainEqual(path);
  });

  it('a high threshold above the set size cannot score it', () => {
    const settings = { ...defaultRiskSettings, mediumThreshold: 20, highThreshold: 25 };
    expect(settingsMisfit(settings, safelives24)).toMatch(/25.*24 questions/);
    expect(settingsMisfit(settings, police27)).toBeNull();
    expect(() => scoreDash(safelives24, answersWith(safelives24, 24), settings)).toThrow(
      RangeError,
    );
  });
});

describe('riskFromDara', () => {
  it.each(['standard', 'medium', 'high'] as const)(
    'outcome %s is the band, with no score',
    (outcome) => {
      expect(riskFromDara(outcome)).toEqual({ method: 'dara', score: null, band: outcome });
    },
  );
});
