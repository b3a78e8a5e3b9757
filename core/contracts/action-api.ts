import { z } from 'zod';
import { idSchema, localDateSchema } from './api.js';
import { actionStatusValues, urgentKindValues } from './meeting-api.js';

/*
 * Action owners' part of the REST contract (issue #11), shared by the server and the tab.
 *
 * Routes (all under /api):
 *   GET  /actions/mine                      anyone signed in: the actions their agencies own
 *   POST /actions/{actionId}/update         a rep of the owner agency, or the area's coordinator
 *                                           on its behalf (Idempotency-Key; the version read)
 *   GET  /actions/{actionId}/case-note      the same people: the agency's "MARAC" case note
 *
 * An owner updates an action in one of three ways: done (with a note), a new due time (with the
 * reason), or cannot be done (with the reason). Done and cannot end the action; the update
 * keeps it open. Every update is kept, sealed, as the action's history.
 */

const isoInstant = z.string().meta({ format: 'date-time' });
const time24 = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'enter a 24-hour time such as 14:30')
  .meta({ example: '14:30' });
const required = (max: number) => z.string().trim().min(1, 'enter some words').max(max);
const version = z.number().int().min(1);

export const ACTION_UPDATE_LIMITS = { note: 2_000, reason: 1_000 } as const;

/** Children's services tasks: feedback to MARAC within this many days of the meeting. */
export const CHILDRENS_FEEDBACK_DAYS = 7;

export const actionOutcomeValues = ['done', 'update', 'cannot'] as const;
export type ActionOutcome = (typeof actionOutcomeValues)[number];

/** `POST /api/actions/{actionId}/update`: what happened, from the version the owner read. */
export const actionOutcomeBody = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('done'),
    note: required(ACTION_UPDATE_LIMITS.note),
    version,
  }),
  z.strictObject({
    outcome: z.literal('update'),
    /** Europe/London. */
    dueDate: localDateSchema,
    dueTime: time24,
    reason: required(ACTION_UPDATE_LIMITS.reason),
    version,
  }),
  z.strictObject({
    outcome: z.literal('cannot'),
    reason: required(ACTION_UPDATE_LIMITS.reason),
    version,
  }),
]);
export type ActionOutcomeInput = z.infer<typeof actionOutcomeBody>;

/** One update of an action, as its history shows it. */
export const actionUpdateSchema = z.strictObject({
  outcome: z.enum(actionOutcomeValues),
  /** The note (done) or the reason (update, cannot). */
  words: z.string(),
  previousDueAt: isoInstant,
  newDueAt: isoInstant.nullable(),
  agencyName: z.string(),
  by: z.string(),
  at: isoInstant,
});
export type ActionUpdate = z.infer<typeof actionUpdateSchema>;

/** An action as its owner agency sees it. */
export const ownedActionSchema = z.strictObject({
  id: idSchema,
  areaId: idSchema,
  meetingId: idSchema,
  meetingDate: localDateSchema,
  referralId: idSchema,
  reference: z.string(),
  ownerAgencyId: idSchema,
  ownerAgencyName: z.string(),
  ownerPerson: z.string().nullable(),
  what: z.string(),
  risk: z.string(),
  dueAt: isoInstant,
  dueDate: localDateSchema,
  dueTime: time24,
  urgent: z.enum(urgentKindValues).nullable(),
  status: z.enum(actionStatusValues),
  /** Open or ongoing. */
  incomplete: z.boolean(),
  /** Incomplete and past its due time. */
  overdue: z.boolean(),
  /** A children's services task: the date by which feedback goes to MARAC; null otherwise. */
  feedbackBy: localDateSchema.nullable(),
  history: z.array(actionUpdateSchema),
  version,
});
export type OwnedAction = z.infer<typeof ownedActionSchema>;

/** `GET /api/actions/mine`: incomplete first by due time, then those finished recently. */
export const myActionsSchema = z.strictObject({
  actions: z.array(ownedActionSchema),
});
export type MyActions = z.infer<typeof myActionsSchema>;

/** `GET /api/actions/{actionId}/case-note`: plain text for the agency's own case system. */
export const caseNoteSchema = z.strictObject({
  actionId: idSchema,
  agencyName: z.string(),
  reference: z.string(),
  text: z.string(),
});
export type CaseNote = z.infer<typeof caseNoteSchema>;
