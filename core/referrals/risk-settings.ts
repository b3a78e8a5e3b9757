import { z } from 'zod';
import type { QuestionSet } from './question-sets.js';

/**
 * An area's risk settings. The referral criteria are local choices (DOMAIN.md: bands 1-9, 10-13,
 * 14+; escalation 3 incidents in 12 months, some areas 5; repeat within 12 months), so each is a
 * setting with that default rather than a constant.
 */
/** The rules a coordinator sets for the area (the rest come from the area's protocol). */
const ruleFields = {
  /** The checklist the area's referrers fill in, e.g. 'safelives-24' or 'police-27'. */
  questionSet: z.string().regex(/^[a-z0-9-]{1,40}$/),
  /** "Yes" answers from which a case is medium risk. */
  mediumThreshold: z.number().int().min(1).max(40),
  /** "Yes" answers from which a case is visibly high risk and qualifies for MARAC. */
  highThreshold: z.number().int().min(1).max(40),
  escalationIncidents: z.number().int().min(2).max(50),
  escalationWindowMonths: z.number().int().min(1).max(36),
};

const thresholdsInOrder = {
  check: (s: { highThreshold: number; mediumThreshold: number }) =>
    s.highThreshold > s.mediumThreshold,
  params: {
    path: ['highThreshold'],
    message: 'the high-risk threshold must be above the medium one',
  },
};

/** What `PUT /api/areas/{id}/risk-settings` takes. */
export const riskRulesSchema = z
  .strictObject(ruleFields)
  .refine(thresholdsInOrder.check, thresholdsInOrder.params);

export const riskSettingsSchema = z
  .strictObject({
    ...ruleFields,
    repeatWindowMonths: z.number().int().min(1).max(36),
    /** Cases a meeting can hear before the coordinator is warned. */
    capacityPerMeeting: z.number().int().min(1).max(60),
  })
  .refine(thresholdsInOrder.check, thresholdsInOrder.params);
export type RiskSettings = z.infer<typeof riskSettingsSchema>;

export const defaultRiskSettings: RiskSettings = {
  questionSet: 'safelives-24',
  mediumThreshold: 10,
  highThreshold: 14,
  escalationIncidents: 3,
  escalationWindowMonths: 12,
  repeatWindowMonths: 12,
  capacityPerMeeting: 16,
};

/**
 * Why these settings cannot score this set, or null when they can. A high threshold above the
 * number of questions would make visible high risk unreachable: no referral could ever qualify on
 * its score, and nobody would notice. Call it when an area saves its settings or loads a set.
 */
export function settingsMisfit(settings: RiskSettings, set: QuestionSet): string | null {
  const size = set.questions.length;
  if (settings.highThreshold > size) {
    return `The high-risk threshold (${settings.highThreshold}) is above the ${size} questions of "${set.title}".`;
  }
  if (settings.mediumThreshold >= settings.highThreshold) {
    return 'The medium-risk threshold must be below the high-risk threshold.';
  }
  return null;
}
