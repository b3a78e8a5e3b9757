import { z } from 'zod';
import { idSchema, localDateSchema } from './api.js';

/*
 * Chasing's part of the REST contract (issue #11, items 4 and 6), shared by the server and the
 * tab: the coordinator's overdue list and the cases reaching 12 months since their last MARAC.
 * The overdue list carries an action's words (it is case data: each read is audited).
 */

const isoInstant = z.string().meta({ format: 'date-time' });

/** One overdue action: incomplete (open or ongoing) and past its due time. */
export const overdueActionSchema = z.strictObject({
  id: idSchema,
  meetingId: idSchema,
  /** The meeting that agreed it. */
  meetingDate: localDateSchema,
  reference: z.string(),
  agencyId: idSchema,
  agencyName: z.string(),
  what: z.string(),
  dueAt: isoInstant,
  dueDate: localDateSchema,
  dueTime: z.string(),
  /** London calendar days since the due day: 0 when due earlier today. */
  daysOverdue: z.number().int().min(0),
  status: z.enum(['open', 'ongoing']),
});
export type OverdueAction = z.infer<typeof overdueActionSchema>;

/** `GET /api/areas/{areaId}/actions/overdue` (coordinator, chair): most overdue first. */
export const overdueActionsSchema = z.strictObject({
  areaId: idSchema,
  /** Today in London, the day the days overdue are counted to. */
  today: localDateSchema,
  actions: z.array(overdueActionSchema),
});
export type OverdueActions = z.infer<typeof overdueActionsSchema>;

/** A case's place in its lifecycle: open while any of its actions is incomplete. */
export const caseStateValues = ['open', 'closed'] as const;

/** One case whose last MARAC is 11 to 13 months ago. */
export const twelveMonthCaseSchema = z.strictObject({
  reference: z.string(),
  lastHeardOn: localDateSchema,
  /** 12 months after the last MARAC: after it, a new referral is not a repeat. */
  reachesOn: localDateSchema,
  actions: z.number().int().min(0),
  incompleteActions: z.number().int().min(0),
  state: z.enum(caseStateValues),
});
export type TwelveMonthCase = z.infer<typeof twelveMonthCaseSchema>;

/** `GET /api/areas/{areaId}/cases/twelve-months` (coordinator, chair): soonest first. */
export const twelveMonthCasesSchema = z.strictObject({
  areaId: idSchema,
  today: localDateSchema,
  cases: z.array(twelveMonthCaseSchema),
});
export type TwelveMonthCases = z.infer<typeof twelveMonthCasesSchema>;

/**
 * `GET|PUT /api/areas/{areaId}/action-reminder-settings`: when the owners of the area's actions
 * are reminded (09:00 London time each): working days before the due day; the due morning too
 * for an action due within so many hours of being agreed (0: never); and once overdue, every so
 * many days after the first working day past due.
 */
export const actionReminderSettingsSchema = z.strictObject({
  daysBefore: z.number().int().min(1).max(10),
  shortNoticeHours: z.number().int().min(0).max(168),
  overdueEveryDays: z.number().int().min(1).max(28),
});
export type ActionReminderSettings = z.infer<typeof actionReminderSettingsSchema>;
