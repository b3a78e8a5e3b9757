import { z } from 'zod';
import { parseQuarter, QUARTER_PATTERN } from '../reporting/quarter.js';
import { idSchema, localDateSchema } from './api.js';

/*
 * The quarterly SafeLives MARAC data return (issue #13), as the REST API answers it and the
 * command line prints it as JSON. Counts only, but for `references`: the case references behind
 * each figure, for the coordinator to check it against the cases (the drill-down). References
 * are left out for anyone else (an admin sees the figures only).
 */

const QUARTER_MESSAGE = 'use a quarter such as 2027-Q1 (Q1 is January to March)';

export const dataReturnQuery = z.strictObject({
  quarter: z
    .string()
    .regex(QUARTER_PATTERN, QUARTER_MESSAGE)
    // The pattern for the OpenAPI description; the year checked too (none before 2000).
    .refine((name) => parseQuarter(name) !== null, QUARTER_MESSAGE)
    .meta({ example: '2027-Q1' }),
});

const references = z
  .array(z.string())
  .optional()
  .describe('The case references behind the count (the coordinator only)');

/** A count, and the cases it counts. */
export const figureSchema = z.strictObject({
  count: z.number().int().min(0),
  references,
});
export type Figure = z.infer<typeof figureSchema>;

/**
 * A figure about the people of a case, which some cases cannot answer: `notKnown` counts the
 * cases the referral did not say (no date of birth, "not known", "prefers not to say");
 * `notRecoded` (ethnicity and sexuality only) those whose free text names no category yet.
 */
export const personFigureSchema = z.strictObject({
  count: z.number().int().min(0),
  references,
  notKnown: figureSchema,
  notRecoded: figureSchema.optional(),
});
export type PersonFigure = z.infer<typeof personFigureSchema>;

export const agencyFigureSchema = z.strictObject({
  agencyId: idSchema,
  /** The agency's name; "Agency not on this area" for one the area no longer lists. */
  name: z.string(),
  kind: z.string(),
  police: z.boolean(),
  count: z.number().int().min(0),
  references,
});

export const figuresSchema = z.strictObject({
  /** Cases heard: discussed at the meeting (a case deferred to a later meeting is not). */
  casesHeard: figureSchema,
  /** Heard cases referred within 12 months of an earlier MARAC referral for the victim. */
  repeatCases: figureSchema,
  /** Children named on the heard cases' referrals; references: the cases with any. */
  children: figureSchema,
  referrals: z.strictObject({
    police: figureSchema,
    partners: figureSchema,
    byKind: z.array(figureSchema.extend({ kind: z.string() })),
    byAgency: z.array(agencyFigureSchema),
  }),
  victims: z.strictObject({
    bame: personFigureSchema,
    lgbt: personFigureSchema,
    disabled: personFigureSchema,
    male: personFigureSchema,
    aged16To17: personFigureSchema,
  }),
  perpetrators: z.strictObject({ aged17OrUnder: personFigureSchema }),
});
export type Figures = z.infer<typeof figuresSchema>;

export const meetingRecordStateSchema = z.enum(['closed', 'in-progress', 'not-started']);

export const meetingReturnSchema = z.strictObject({
  meetingId: idSchema,
  date: localDateSchema,
  startTime: z.string(),
  /** Whether the meeting's record is complete (closed) or still open or never begun. */
  record: meetingRecordStateSchema,
  /** Deferred to a later meeting: on this meeting's running order, but not heard at it. */
  deferred: figureSchema,
  figures: figuresSchema,
});
export type MeetingReturn = z.infer<typeof meetingReturnSchema>;

export const dataReturnSchema = z.strictObject({
  area: z.strictObject({ id: idSchema, name: z.string(), code: z.string().nullable() }),
  quarter: z.string(),
  from: localDateSchema,
  to: localDateSchema,
  /** The area's meetings in the quarter (by London date), not cancelled, in date order. */
  meetings: z.array(meetingReturnSchema),
  total: figuresSchema,
  /**
   * Heard cases whose ethnicity or sexuality is free text naming no category, for the
   * coordinator to recode (references: the coordinator only).
   */
  toRecode: z.strictObject({ ethnicity: figureSchema, sexuality: figureSchema }),
  /** What makes the figures incomplete, in words (meetings whose record is not closed). */
  warnings: z.array(z.string()),
});
export type DataReturn = z.infer<typeof dataReturnSchema>;
