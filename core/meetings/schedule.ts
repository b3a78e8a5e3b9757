import { addDays, compareDates, type LocalDate } from '../shared/local-date.js';
import { londonInstant } from '../calendar/london-time.js';
import type { WorkingCalendar } from '../calendar/working-days.js';
import { patternDates } from './pattern.js';
import type { MeetingProtocol } from './protocol.js';

/** The dates and instants around one meeting that the cycle in DOMAIN.md runs to. */
export interface MeetingDeadlines {
  /** Last day a referral can reach the coordinator and still be heard. */
  referralDeadline: LocalDate;
  /** Day the agenda (case list) goes to agencies so they can research. */
  agendaCirculation: LocalDate;
  actionPlanDue: Date;
  minutesDue: LocalDate;
  /** Urgent tasks, such as children's services' 72 hours. */
  actionTasksDue: Date;
}

export interface PlannedMeeting {
  /** The date the pattern gave, before any move for a bank holiday. */
  patternDate: LocalDate;
  date: LocalDate;
  startsAt: Date;
  endsAt: Date;
  /** The pattern date when the meeting moved off a non-working day, otherwise null. */
  movedFrom: LocalDate | null;
  deadlines: MeetingDeadlines;
}

export interface MeetingPlan {
  meetings: PlannedMeeting[];
  /** Pattern dates left out under the 'skip' rule, so a caller can cancel those occurrences. */
  skipped: LocalDate[];
}

export interface PlanMeetingsOptions {
  protocol: MeetingProtocol;
  start: LocalDate;
  /** Stop after this many meetings (skipped dates do not count). */
  count?: number;
  /** Stop at the first pattern date after this date. */
  until?: LocalDate;
  cal: WorkingCalendar;
}

/** A guard against a runaway series; no area plans more than this many meetings at once. */
export const MAX_PLANNED_MEETINGS = 500;
const HOUR_MS = 60 * 60 * 1000;

/**
 * The deadlines around a meeting on `date`. Days-before deadlines move earlier to a working day
 * so agencies never lose time to a bank holiday; hours-after deadlines are elapsed hours from the
 * end of the meeting, so a clock change makes the wall-clock time shift by an hour.
 */
export function meetingDeadlines(
  date: LocalDate,
  protocol: MeetingProtocol,
  cal: WorkingCalendar,
): MeetingDeadlines {
  const endsAt = meetingEnd(londonInstant(date, protocol.startTime), protocol);
  return {
    referralDeadline: cal.onOrBefore(addDays(date, -protocol.referralDeadlineDays)),
    agendaCirculation: cal.onOrBefore(addDays(date, -protocol.agendaCirculationDays)),
    actionPlanDue: new Date(endsAt.getTime() + protocol.actionPlanHours * HOUR_MS),
    minutesDue: cal.addWorkingDays(date, protocol.minutesWorkingDays),
    actionTasksDue: new Date(endsAt.getTime() + protocol.actionTaskHours * HOUR_MS),
  };
}

function meetingEnd(startsAt: Date, protocol: MeetingProtocol): Date {
  return new Date(startsAt.getTime() + protocol.durationMinutes * 60 * 1000);
}

/**
 * Meetings of a series from `start`, in date order. A pattern date that is not a working day
 * (bank holiday, closure, or a weekend for a day-of-month cadence) moves to the next working day
 * under 'next-working-day', or under 'skip' is left out and listed in `skipped`.
 * Needs `count` or `until` (or both); never plans more than MAX_PLANNED_MEETINGS.
 */
export function planMeetings(options: PlanMeetingsOptions): MeetingPlan {
  const { protocol, start, count, until, cal } = options;
  if (count === undefined && until === undefined)
    throw new RangeError('planMeetings needs count or until');
  const limit = Math.min(count ?? MAX_PLANNED_MEETINGS, MAX_PLANNED_MEETINGS);
  const plan: MeetingPlan = { meetings: [], skipped: [] };
  for (const patternDate of patternDates(protocol.cadence, start)) {
    if (plan.meetings.length >= limit) break;
    if (until !== undefined && compareDates(patternDate, until) > 0) break;
    // Skipped dates count towards the guard too, so a year of closures cannot loop for ever.
    if (plan.meetings.length + plan.skipped.length >= 2 * MAX_PLANNED_MEETINGS) break;
    if (cal.isWorkingDay(patternDate)) {
      plan.meetings.push(plannedMeeting(patternDate, patternDate, protocol, cal));
    } else if (protocol.bankHolidayRule === 'skip') {
      plan.skipped.push(patternDate);
    } else {
      plan.meetings.push(plannedMeeting(patternDate, cal.onOrAfter(patternDate), protocol, cal));
    }
  }
  return plan;
}

function plannedMeeting(
  patternDate: LocalDate,
  date: LocalDate,
  protocol: MeetingProtocol,
  cal: WorkingCalendar,
): PlannedMeeting {
  const startsAt = londonInstant(date, protocol.startTime);
  return {
    patternDate,
    date,
    startsAt,
    endsAt: meetingEnd(startsAt, protocol),
    movedFrom: date === patternDate ? null : patternDate,
    deadlines: meetingDeadlines(date, protocol, cal),
  };
}
