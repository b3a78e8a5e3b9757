import { z } from 'zod';
import { weekdays } from '../shared/local-date.js';

/**
 * An area's MARAC protocol: when it meets and the deadlines around each meeting. Every number is
 * a local choice (DOMAIN.md), so each is a setting with the default the seeds give.
 */
export const regions = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Region = (typeof regions)[number];

export const cadenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fortnightly'), weekday: z.enum(weekdays) }),
  z.strictObject({
    kind: z.literal('monthly'),
    weekday: z.enum(weekdays),
    nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal('last')]),
  }),
  z.strictObject({
    kind: z.literal('monthly-day'),
    // 1 to 28 so that every month has the day: a "31st" MARAC would silently skip months.
    dayOfMonth: z.number().int().min(1).max(28),
  }),
]);
export type Cadence = z.infer<typeof cadenceSchema>;

export const protocolSchema = z.strictObject({
  cadence: cadenceSchema,
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'enter a 24-hour time such as 10:00'),
  durationMinutes: z
    .number()
    .int()
    .min(30)
    .max(8 * 60),
  region: z.enum(regions),
  /** Calendar days before the meeting; moved earlier to a working day. */
  referralDeadlineDays: z.number().int().min(1).max(60),
  /** Calendar days before the meeting; moved earlier to a working day. */
  agendaCirculationDays: z.number().int().min(1).max(60),
  /** Hours after the meeting ends. */
  actionPlanHours: z.number().int().min(1).max(240),
  /** Working days after the meeting. */
  minutesWorkingDays: z.number().int().min(1).max(30),
  /** Hours for urgent action tasks (children's services) after the meeting. */
  actionTaskHours: z.number().int().min(1).max(240),
  repeatWindowMonths: z.number().int().min(1).max(36),
  /** What happens to a meeting that falls on a bank holiday or closure day. */
  bankHolidayRule: z.enum(['next-working-day', 'skip']),
  /** Cases a meeting can hear before the coordinator is warned. */
  caseCapacity: z.number().int().min(1).max(60),
  /**
   * Whether agencies' deputies are invited with their core reps (absent means yes). Some areas
   * send deputies only the cover they are asked for, so the series goes to core reps alone.
   */
  inviteDeputies: z.boolean().optional(),
});
export type MeetingProtocol = z.infer<typeof protocolSchema>;

export const defaultProtocol: Omit<MeetingProtocol, 'cadence'> = {
  startTime: '10:00',
  durationMinutes: 180,
  region: 'england-and-wales',
  referralDeadlineDays: 8,
  agendaCirculationDays: 7,
  actionPlanHours: 24,
  minutesWorkingDays: 10,
  actionTaskHours: 72,
  repeatWindowMonths: 12,
  bankHolidayRule: 'next-working-day',
  caseCapacity: 16,
};

export const LONDON = 'Europe/London';
