import { z } from 'zod';
import { deliveryModeSchema, idSchema, localDateSchema } from './api.js';
import { urgentKindValues } from './meeting-api.js';

/*
 * After the meeting (issue #11, items 1 and 2): the action plan and the minutes. Shared by the
 * server and the tab.
 *
 * Routes (all under /api):
 *   GET  /meetings/{meetingId}/action-plan         coordinator, chair: the plan with each agency's
 *                                                  delivery; a rep: their agency's part (audited)
 *   GET  /meetings/{meetingId}/minutes             coordinator, chair; a rep: as circulated (audited)
 *   PUT  /meetings/{meetingId}/minutes             coordinator: save the draft's sections, or
 *                                                  approve it (version checked); after circulation
 *                                                  a save opens a correction (a new number)
 *   POST /meetings/{meetingId}/minutes/circulate   coordinator (Idempotency-Key): approved only
 */

const isoInstant = z.string().meta({ format: 'date-time' });
const version = z.number().int().min(1);

export const MINUTES_SECTION_LIMIT = 20_000;
/**
 * The coordinator is warned of anything still holding the action plan this many hours before it
 * is due (the area protocol's `actionPlanHours` after the close; half of them when fewer).
 */
export const ACTION_PLAN_WARN_BEFORE_HOURS = 4;

/** One action as the plan prints it: what, who, by when. Nothing else of the case. */
export const planActionSchema = z.strictObject({
  what: z.string(),
  ownerAgencyId: idSchema,
  ownerAgency: z.string(),
  ownerPerson: z.string().nullable(),
  dueAt: isoInstant,
  urgent: z.enum(urgentKindValues).nullable(),
});
export type PlanAction = z.infer<typeof planActionSchema>;

export const planCaseSchema = z.strictObject({
  referralId: idSchema,
  reference: z.string(),
  actions: z.array(planActionSchema),
});
export type PlanCase = z.infer<typeof planCaseSchema>;

export const deliveryStateSchema = z.enum(['queued', 'sent', 'dead']);

/** One agency's copy of a document: one message to all its reps on the meeting. */
export const agencyDeliverySchema = z.strictObject({
  agencyId: idSchema,
  agency: z.string(),
  mode: deliveryModeSchema,
  status: deliveryStateSchema,
  attempts: z.number().int().min(0),
  lastError: z.string().nullable(),
  sentAt: isoInstant.nullable(),
});
export type AgencyDelivery = z.infer<typeof agencyDeliverySchema>;

/** `GET /api/meetings/{meetingId}/action-plan`. */
export const actionPlanSchema = z.strictObject({
  meetingId: idSchema,
  meetingDate: localDateSchema,
  closedAt: isoInstant,
  dueAt: isoInstant,
  /** The caller's view: the whole plan (coordinator, chair), or their agency's part (a rep). */
  scope: z.enum(['whole', 'agency']),
  cases: z.array(planCaseSchema),
  /** Coordinator and chair only; empty for a rep. */
  deliveries: z.array(agencyDeliverySchema),
  /** In words, for the coordinator: what holds the plan as its deadline nears. */
  warnings: z.array(z.string()),
});
export type ActionPlanView = z.infer<typeof actionPlanSchema>;

export const minutesStateSchema = z.enum(['draft', 'approved', 'circulated']);

export const minutesSectionSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9:-]{1,80}$/),
  title: z.string(),
  text: z.string(),
});
export type MinutesSection = z.infer<typeof minutesSectionSchema>;

/** `GET|PUT /api/meetings/{meetingId}/minutes`. */
export const minutesSchema = z.strictObject({
  meetingId: idSchema,
  meetingDate: localDateSchema,
  /** 1 for the minutes first drafted; 2, 3... for each correction after circulation. */
  number: z.number().int().min(1),
  state: minutesStateSchema,
  version,
  sections: z.array(minutesSectionSchema),
  /** The last working day the minutes may go out on (Europe/London, bank holidays skipped). */
  dueOn: localDateSchema,
  updatedAt: isoInstant,
  approvedAt: isoInstant.nullable(),
  circulatedAt: isoInstant.nullable(),
  deliveries: z.array(agencyDeliverySchema),
  warnings: z.array(z.string()),
});
export type MinutesView = z.infer<typeof minutesSchema>;

/**
 * `PUT /api/meetings/{meetingId}/minutes`: `save` replaces the text of the sections named (each
 * by its key; sections not named keep their text); `approve` makes the draft the minutes to
 * circulate. Both name the version read; a stale one is refused (VERSION_CONFLICT).
 */
export const minutesBody = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('save'),
    version,
    sections: z
      .array(
        z.strictObject({
          key: z.string().regex(/^[a-z0-9:-]{1,80}$/, 'choose a section of these minutes'),
          text: z.string().max(MINUTES_SECTION_LIMIT),
        }),
      )
      .min(1)
      .max(200),
  }),
  z.strictObject({ action: z.literal('approve'), version }),
]);
export type MinutesBody = z.infer<typeof minutesBody>;

/** `POST /api/meetings/{meetingId}/minutes/circulate` names the approved version. */
export const circulateBody = z.strictObject({ version });

/**
 * `POST /api/meetings/{meetingId}/action-plan/resend` and `.../minutes/resend` (coordinator,
 * Idempotency-Key): the agency whose dead copy goes again, once its address or mode is put right.
 */
export const resendCopyBody = z.strictObject({ agencyId: idSchema });
