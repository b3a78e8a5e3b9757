import { z } from 'zod';

/**
 * `GET|PUT /api/areas/{areaId}/retention`: how long the area keeps a case's records after its
 * last MARAC, in months (72, six years, unless its information sharing agreement says
 * otherwise). At least 12: a repeat within 12 months must still find the case it repeats.
 * Records are erased by the nightly purge once the calendar quarter in which they fall due
 * has ended.
 */
export const retentionSettingsSchema = z.strictObject({
  retentionMonths: z.number().int().min(12).max(1200),
});
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

export const DEFAULT_RETENTION_MONTHS = 72;
