import { z } from 'zod';
import { cadenceSchema, protocolSchema } from '../meetings/protocol.js';
import { isLocalDate } from '../shared/local-date.js';
import { personName } from './field-rules.js';

/**
 * The REST API's contract, shared by the server (validation, OpenAPI) and the tab (types).
 * Every body is a strictObject: unknown keys are refused, not dropped.
 */
export const localDateSchema = z
  .string()
  .refine(isLocalDate, { message: 'enter a real date in the form YYYY-MM-DD, such as 2026-12-01' })
  .meta({ format: 'date', example: '2026-12-01' });
export const idSchema = z.uuid();
const isoInstant = z.string().meta({ format: 'date-time' });
const shortText = (max: number) => z.string().trim().min(1).max(max);

export const roleSchema = z.enum(['coordinator', 'chair', 'rep', 'idva', 'observer', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const meSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  roles: z.array(z.strictObject({ areaId: idSchema, areaName: z.string(), role: roleSchema })),
});
export type Me = z.infer<typeof meSchema>;

export const seriesSchema = z.strictObject({
  id: idSchema,
  firstDate: localDateSchema,
  until: localDateSchema,
  /** pending until the outbox has sent it to Outlook (or written the .ics in local mode). */
  calendarStatus: z.enum(['pending', 'sent', 'failed']),
  calendarRef: z.string().nullable(),
  joinUrl: z.string().nullable(),
  attendees: z.array(z.strictObject({ name: z.string(), email: z.string() })),
});
export type Series = z.infer<typeof seriesSchema>;

export const areaSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  mailbox: z.string(),
  protocol: protocolSchema,
  series: seriesSchema.nullable(),
});
export type Area = z.infer<typeof areaSchema>;

export const deadlinesSchema = z.strictObject({
  referralDeadline: localDateSchema,
  agendaCirculation: localDateSchema,
  actionPlanDue: isoInstant,
  minutesDue: localDateSchema,
  actionTasksDue: isoInstant,
});
export type Deadlines = z.infer<typeof deadlinesSchema>;

export const meetingStatusSchema = z.enum(['scheduled', 'moved', 'cancelled']);
export const meetingSchema = z.strictObject({
  id: idSchema,
  areaId: idSchema,
  date: localDateSchema,
  startsAt: isoInstant,
  endsAt: isoInstant,
  status: meetingStatusSchema,
  /** The pattern date when the meeting was moved (bank holiday or by hand). */
  movedFrom: localDateSchema.nullable(),
  deadlines: deadlinesSchema,
  /** Accepted cases on the meeting, where the answer counts them (the area's meeting list). */
  cases: z.number().int().min(0).optional(),
});
export type Meeting = z.infer<typeof meetingSchema>;

/** How an agency's reps receive the agenda (DESIGN.md, "Encrypted agendas"). */
export const deliveryModeSchema = z.enum(['smime', 'password', 'purview', 'link']);
export type DeliveryMode = z.infer<typeof deliveryModeSchema>;

/** A rep's S/MIME certificate as the coordinator sees it once it is checked and stored. */
export const certificateSummarySchema = z.strictObject({
  email: z.string(),
  subject: z.string(),
  notAfter: isoInstant,
  /** SHA-256 of the DER, colon-separated hex: what a rep reads out to confirm it is theirs. */
  fingerprint: z.string(),
});
export type CertificateSummary = z.infer<typeof certificateSummarySchema>;

export const agencyDeliverySchema = z.strictObject({
  agencyId: idSchema,
  mode: deliveryModeSchema,
  /** One per rep of the agency (core and deputy) in `smime` mode; empty otherwise. */
  certificates: z.array(certificateSummarySchema),
});
export type AgencyDelivery = z.infer<typeof agencyDeliverySchema>;

export const repSchema = z.strictObject({ name: personName(120), email: z.email().max(254) });
export const agencySchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  kind: z.string(),
  coreRep: repSchema.nullable(),
  deputyRep: repSchema.nullable(),
  delivery: agencyDeliverySchema,
});
export type Agency = z.infer<typeof agencySchema>;

export const createSeriesBody = z.strictObject({
  firstDate: localDateSchema,
  until: localDateSchema.optional(),
});
export const updateProtocolBody = protocolSchema;
export const moveMeetingBody = z.strictObject({
  date: localDateSchema,
  startTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'enter a 24-hour time such as 10:00')
    .optional(),
  reason: shortText(200),
});
export const cancelMeetingBody = z.strictObject({
  reason: shortText(200),
  /** Where the meeting's cases go; the next meeting of the area when absent. */
  moveCasesTo: idSchema.optional(),
});
/** A case on a meeting, as the coordinator sees it before cancelling or moving it. */
export const meetingCaseSchema = z.strictObject({
  referralId: idSchema,
  reference: z.string(),
  band: z.enum(['standard', 'medium', 'high']),
  referrerAgency: z.string(),
  /** Only coordinators read this list; the victim's name tells cases apart. */
  victimName: z.string(),
});
export type MeetingCase = z.infer<typeof meetingCaseSchema>;
export const moveReferralBody = z.strictObject({
  meetingId: idSchema,
  /** Kept in the app for the coordinator; the referrer is told only the new date. */
  reason: shortText(200),
});
export const movedReferralSchema = z.strictObject({
  referralId: idSchema,
  meetingId: idSchema,
  meetingDate: localDateSchema,
});
export const addExtraMeetingBody = z.strictObject({
  date: localDateSchema,
  startTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'enter a 24-hour time such as 10:00')
    .optional(),
  /** Kept in the app for the coordinator; never written to the calendar. */
  reason: shortText(200),
});
export const updateRepsBody = z.strictObject({
  coreRep: repSchema,
  deputyRep: repSchema.nullable(),
});
export const schedulePreviewBody = z.strictObject({
  cadence: cadenceSchema,
  start: localDateSchema,
  count: z.number().int().min(1).max(60),
  protocol: protocolSchema.omit({ cadence: true }).partial().optional(),
});
export const meetingsQuery = z.strictObject({
  from: localDateSchema.optional(),
  to: localDateSchema.optional(),
});

export const previewMeetingSchema = z.strictObject({
  date: localDateSchema,
  startsAt: isoInstant,
  referralDeadline: localDateSchema,
  agendaCirculation: localDateSchema,
  actionPlanDue: isoInstant,
  minutesDue: localDateSchema,
  movedFrom: localDateSchema.nullable(),
});
export type PreviewMeeting = z.infer<typeof previewMeetingSchema>;

export const devUserSchema = z.strictObject({
  email: z.string(),
  name: z.string(),
  roles: z.array(z.strictObject({ areaName: z.string(), role: roleSchema })),
});
export const devSignInBody = z.strictObject({ email: z.email().max(254) });
export const tokenResponse = z.strictObject({ token: z.string() });

export const errorSchema = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    /** The machine key of each field at fault (`body.form.victim.name`) and its message in words. */
    details: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
    /** Only on a 5xx: the reference to quote to support. */
    correlationId: z.string().optional(),
  }),
});
export type ApiError = z.infer<typeof errorSchema>;
