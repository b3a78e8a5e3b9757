import { z } from 'zod';
import { idSchema, localDateSchema } from './api.js';

/*
 * The area dashboard (issue #13, item 2): counts and rates for the coordinator and the
 * partnership board, against SafeLives' benchmarks. Aggregates only: no case reference, no
 * person; every figure comes with the numbers it is made of, so the tab can show a table beside
 * each chart.
 */

/** SafeLives' benchmarks (../shared/DOMAIN.md, "Reporting"). */
export const BENCHMARKS = {
  /** Expected MARAC cases a year per 10,000 adult women. */
  casesPer10kWomen: 40,
  /** The expected range of the repeat rate. */
  repeatRate: { low: 0.28, high: 0.4 },
  /** The national share of referrals from agencies other than the police. */
  partnerShare: 0.36,
} as const;

const share = z.number().min(0).max(1).nullable();

export const agencyCountSchema = z.strictObject({
  agencyId: idSchema,
  agencyName: z.string(),
  count: z.number().int().min(0),
});

export const areaDashboardSchema = z.strictObject({
  areaId: idSchema,
  areaName: z.string(),
  /** The period: the months before today, London dates, both ends included. */
  from: localDateSchema,
  to: localDateSchema,
  months: z.number().int().min(1).max(36),
  /** Cases heard at the area's meetings in the period, and at that rate over a year. */
  volume: z.strictObject({
    casesHeard: z.number().int().min(0),
    casesAYear: z.number().min(0),
    /** The area setting: women aged 16 or over living in the area; null until set. */
    adultWomen: z.number().int().min(1).nullable(),
    per10kWomen: z.number().min(0).nullable(),
    expectedPer10k: z.number(),
  }),
  repeats: z.strictObject({
    repeats: z.number().int().min(0),
    casesHeard: z.number().int().min(0),
    rate: share,
    expectedLow: z.number(),
    expectedHigh: z.number(),
  }),
  /** Referrals received in the period (submitted, by the day they were made), by agency. */
  referrals: z.strictObject({
    total: z.number().int().min(0),
    police: z.number().int().min(0),
    partners: z.number().int().min(0),
    partnerShare: share,
    nationalPartnerShare: z.number(),
    byAgency: z.array(agencyCountSchema),
  }),
  /** Each meeting of the period: its cases against the protocol's capacity. */
  meetings: z.array(
    z.strictObject({
      meetingId: idSchema,
      date: localDateSchema,
      cases: z.number().int().min(0),
      capacity: z.number().int().min(1),
    }),
  ),
  /** Research asked of each agency for the period's meetings, and when it came. */
  research: z.array(
    z.strictObject({
      agencyId: idSchema,
      agencyName: z.string(),
      asked: z.number().int().min(0),
      onTime: z.number().int().min(0),
      late: z.number().int().min(0),
      notGiven: z.number().int().min(0),
      onTimeShare: share,
    }),
  ),
  /** Incomplete actions now, by owner agency: all of them and those past their due time. */
  actions: z.array(
    z.strictObject({
      agencyId: idSchema,
      agencyName: z.string(),
      incomplete: z.number().int().min(0),
      overdue: z.number().int().min(0),
    }),
  ),
  /** London days from the referral to the meeting that heard it. */
  daysToMeeting: z.strictObject({
    median: z.number().nullable(),
    longest: z.number().int().nullable(),
    bands: z.array(z.strictObject({ label: z.string(), count: z.number().int().min(0) })),
  }),
});
export type AreaDashboard = z.infer<typeof areaDashboardSchema>;

export const dashboardQuerySchema = z.strictObject({
  months: z.coerce
    .number({ message: 'Enter a whole number of months from 1 to 36.' })
    .int('Enter a whole number of months from 1 to 36.')
    .min(1, 'Enter a whole number of months from 1 to 36.')
    .max(36, 'Enter a whole number of months from 1 to 36.')
    .default(12),
});

/** `PUT /api/areas/{areaId}/population`: the figure the volume is measured against. */
export const areaPopulationSchema = z.strictObject({
  adultWomen: z
    .number({ message: 'Enter the number of women aged 16 or over, such as 84500.' })
    .int('Enter a whole number.')
    .min(1000, 'Enter at least 1,000: the area’s women aged 16 or over.')
    .max(10_000_000, 'Enter at most 10,000,000.')
    .nullable(),
});
export type AreaPopulation = z.infer<typeof areaPopulationSchema>;
