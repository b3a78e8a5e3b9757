import { z } from 'zod';
import { idSchema, localDateSchema } from './api.js';
import {
  researchDraftSchema,
  researchSharingValues,
  researchStatusValues,
  researchSubmissionSchema,
} from './research.js';

/*
 * Research's part of the REST contract, shared by the server and the tab. The coordinator's
 * matrix holds references, agency names, statuses and times only; what an agency wrote, and who
 * a case is about, come from the per-case and per-agency reads, each checked and audited.
 */

const isoInstant = z.string().meta({ format: 'date-time' });

/** Whether a deputy gets the prompt with the core rep, or only once the core rep is marked absent. */
export const deputyPromptValues = ['always', 'when-core-absent'] as const;
export type DeputyPrompt = (typeof deputyPromptValues)[number];

/** The defaults: reminders 3 and 1 working days before the meeting; deputies always prompted. */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [3, 1];

/**
 * `GET|PUT /api/areas/{areaId}/research-settings` (coordinator). `reminderDays`: working days
 * before the meeting on which reps who have not answered are reminded, each at most once.
 */
export const researchSettingsSchema = z.strictObject({
  sharing: z.enum(researchSharingValues),
  deputies: z.enum(deputyPromptValues),
  reminderDays: z
    .array(z.number().int().min(1).max(15))
    .max(4)
    .refine((days) => new Set(days).size === days.length, 'give each day once'),
});
export type ResearchSettings = z.infer<typeof researchSettingsSchema>;

export const researchCellStatusSchema = z.enum(researchStatusValues);

/** A cell of the matrix: one agency's research on one case, without its words. */
export const researchMatrixCellSchema = z.strictObject({
  referralId: idSchema,
  agencyId: idSchema,
  status: researchCellStatusSchema,
  /** The rep who submitted, by name; null until submitted. */
  submittedBy: z.string().nullable(),
  submittedAt: isoInstant.nullable(),
});

/** `GET /api/meetings/{meetingId}/research`: cases by agencies, as this reader may see them. */
export const researchMatrixSchema = z.strictObject({
  meetingId: idSchema,
  meetingDate: localDateSchema,
  deadline: isoInstant,
  sharing: z.enum(researchSharingValues),
  /** Agenda order; references only. */
  cases: z.array(z.strictObject({ referralId: idSchema, reference: z.string() })),
  agencies: z.array(
    z.strictObject({ agencyId: idSchema, name: z.string(), coreRepAbsent: z.boolean() }),
  ),
  cells: z.array(researchMatrixCellSchema),
  /** The reader may chase an agency (the coordinator). */
  mayChase: z.boolean(),
});
export type ResearchMatrix = z.infer<typeof researchMatrixSchema>;

/** One agency's response on a case, where the read rules give the reader its words. */
export const researchResponseSchema = z.strictObject({
  agencyId: idSchema,
  agencyName: z.string(),
  status: researchCellStatusSchema,
  submittedBy: z.string().nullable(),
  submittedAt: isoInstant.nullable(),
  /** Present only when this reader may read the words; null when the cell has none. */
  response: researchDraftSchema.nullable().optional(),
});

/** `GET /api/meetings/{meetingId}/research/{referralId}`: each agency's research on one case. */
export const caseResearchSchema = z.strictObject({
  meetingId: idSchema,
  referralId: idSchema,
  reference: z.string(),
  sharing: z.enum(researchSharingValues),
  responses: z.array(researchResponseSchema),
});
export type CaseResearch = z.infer<typeof caseResearchSchema>;

const researchPersonSchema = z.strictObject({
  name: z.string(),
  dateOfBirth: localDateSchema.nullable(),
});

/** Who a case is about: only in a rep's own view, after the access check, audited. */
export const researchSubjectsSchema = z.strictObject({
  victim: researchPersonSchema.extend({ address: z.string().nullable() }),
  perpetrators: z.array(researchPersonSchema),
  /** In the case's order: child n here is entry n of the response's `children`. */
  children: z.array(researchPersonSchema),
});

/** `GET /api/meetings/{meetingId}/research/agencies/{agencyId}`: a rep's own research form data. */
export const agencyResearchSchema = z.strictObject({
  meetingId: idSchema,
  meetingDate: localDateSchema,
  agencyId: idSchema,
  agencyName: z.string(),
  deadline: isoInstant,
  /** false once the deadline has passed or the meeting is cancelled: read-only. */
  open: z.boolean(),
  cases: z.array(
    z.strictObject({
      referralId: idSchema,
      reference: z.string(),
      subjects: researchSubjectsSchema,
      status: researchCellStatusSchema,
      response: researchDraftSchema.nullable(),
      /** Who last saved or submitted, by name, and when. */
      lastChange: z.strictObject({ by: z.string(), at: isoInstant }).nullable(),
    }),
  ),
});
export type AgencyResearch = z.infer<typeof agencyResearchSchema>;

/** `GET /api/research/mine`: meetings whose research the caller's agencies owe or gave. */
export const myResearchSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      meetingId: idSchema,
      meetingDate: localDateSchema,
      areaName: z.string(),
      agencyId: idSchema,
      agencyName: z.string(),
      deadline: isoInstant,
      open: z.boolean(),
      cases: z.number().int(),
      answered: z.number().int(),
    }),
  ),
});
export type MyResearch = z.infer<typeof myResearchSchema>;

/**
 * `PUT /api/meetings/{meetingId}/research/{referralId}/agencies/{agencyId}` saves a draft;
 * `POST .../submit` submits (Idempotency-Key). The use case checks the response again.
 */
export const researchDraftBody = z.strictObject({ response: researchDraftSchema });
export const researchSubmitBody = z.strictObject({ response: researchSubmissionSchema });

/** The cell after a save or a submission. */
export const researchCellSchema = researchMatrixCellSchema;

/**
 * `POST /api/meetings/{meetingId}/research/agencies/{agencyId}/nothing-known` (Idempotency-Key):
 * the cases named, or every case the agency has not answered when none are named.
 */
export const nothingKnownBody = z.strictObject({
  referralIds: z.array(idSchema).min(1).max(200).optional(),
});
export const nothingKnownResultSchema = z.strictObject({
  marked: z.array(idSchema),
  kept: z.array(idSchema),
});

/** `POST /api/meetings/{meetingId}/research/agencies/{agencyId}/chase` (coordinator). */
export const chaseResultSchema = z.strictObject({
  /** Reps of the agency who will be reminded now (0 when it has answered every case). */
  reminded: z.number().int(),
});

/** `PUT /api/meetings/{meetingId}/agencies/{agencyId}/core-rep-absent` (coordinator). */
export const coreRepAbsentBody = z.strictObject({ absent: z.boolean() });
export const coreRepAbsentResultSchema = z.strictObject({
  absent: z.boolean(),
  /** Deputies sent the research prompts now (the area prompts them only when the core rep is absent). */
  deputiesPrompted: z.number().int(),
});
