import { GENERIC_INVITATION_TEXT } from '#core/ports/calendar.js';
import type { Cadence } from '#core/meetings/protocol.js';
import type { OccurrenceException, SeriesSpec } from '#core/ports/calendar.js';
import { addDays, type LocalDate } from '#core/shared/local-date.js';
import { londonInstant } from '#core/calendar/london-time.js';
import { LONDON_TZID, LONDON_VTIMEZONE } from './ics-london.js';
import { contentLines, escapeText, localDateTime, paramValue, utcDateTime } from './ics-text.js';

/*
 * The MARAC series as iCalendar (RFC 5545) with iTIP methods (RFC 5546). Safeguarding: SUMMARY
 * is exactly the area's "MARAC - <area>", DESCRIPTION is fixed text and every VEVENT is
 * CLASS:PRIVATE, because invitees include deputies and delegates who are not vetted.
 */

export const GENERIC_DESCRIPTION = GENERIC_INVITATION_TEXT;

type Moved = Extract<OccurrenceException, { kind: 'moved' }>;
type Cancelled = Extract<OccurrenceException, { kind: 'cancelled' }>;

/** What every VEVENT of one series shares. */
export interface SeriesContext {
  uid: string;
  spec: SeriesSpec;
  stamp: Date;
}

const byDay = {
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
} as const;

export function rrule(cadence: Cadence, until: LocalDate): string {
  // RFC 5545: with a TZID-qualified DTSTART, UNTIL must be UTC. The last instant of the until
  // date in London keeps an occurrence on that date whatever its start time.
  const lastInstant = new Date(londonInstant(addDays(until, 1), '00:00').getTime() - 1000);
  const end = `UNTIL=${utcDateTime(lastInstant)}`;
  switch (cadence.kind) {
    case 'fortnightly':
      return `RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=${byDay[cadence.weekday]};${end}`;
    case 'monthly':
      return `RRULE:FREQ=MONTHLY;BYDAY=${cadence.nth === 'last' ? -1 : cadence.nth}${byDay[cadence.weekday]};${end}`;
    case 'monthly-day':
      return `RRULE:FREQ=MONTHLY;BYMONTHDAY=${cadence.dayOfMonth};${end}`;
  }
}

export function vcalendar(method: 'REQUEST' | 'CANCEL', events: readonly string[][]): string {
  return contentLines([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//MARAC//Calendar outbox//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    ...LONDON_VTIMEZONE,
    ...events.flat(),
    'END:VCALENDAR',
  ]);
}

/** An extra meeting: one event, no recurrence. */
export function singleEvent(context: SeriesContext, date: LocalDate): string[] {
  const { spec } = context;
  return vevent(context, [
    ...times(date, spec.startTime, spec.durationMinutes),
    ...description(spec),
    'STATUS:CONFIRMED',
  ]);
}

/** The whole series: the master with its RRULE and EXDATEs, then one override per move. */
export function seriesEvents(context: SeriesContext): string[][] {
  const latest = latestExceptions(context.spec.exceptions);
  const cancelled = latest.filter((e): e is Cancelled => e.kind === 'cancelled');
  const moved = latest.filter((e): e is Moved => e.kind === 'moved');
  return [
    masterEvent(context, cancelled),
    ...moved.map((change) => overrideEvent(context, change)),
  ];
}

export function overrideEvent(context: SeriesContext, change: Moved): string[] {
  const { spec } = context;
  return vevent(context, [
    `RECURRENCE-ID;TZID=${LONDON_TZID}:${localDateTime(change.originalDate, spec.startTime)}`,
    ...times(change.newDate, change.startTime, spec.durationMinutes),
    ...description(spec),
    'STATUS:CONFIRMED',
  ]);
}

export function cancelEvent(context: SeriesContext, change: Cancelled, comment: string): string[] {
  const { spec } = context;
  return vevent(context, [
    `RECURRENCE-ID;TZID=${LONDON_TZID}:${localDateTime(change.originalDate, spec.startTime)}`,
    ...times(change.originalDate, spec.startTime, spec.durationMinutes),
    `SUMMARY:${escapeText(spec.subject)}`,
    // Generic text chosen by the caller; the coordinator's reason never reaches the calendar.
    `COMMENT:${escapeText(comment)}`,
    'STATUS:CANCELLED',
  ]);
}

function masterEvent(context: SeriesContext, cancelled: readonly Cancelled[]): string[] {
  const { spec } = context;
  return vevent(context, [
    ...times(spec.firstDate, spec.startTime, spec.durationMinutes),
    rrule(spec.cadence, spec.until),
    ...cancelled.map(
      (c) => `EXDATE;TZID=${LONDON_TZID}:${localDateTime(c.originalDate, spec.startTime)}`,
    ),
    ...description(spec),
    'STATUS:CONFIRMED',
  ]);
}

function vevent({ uid, spec, stamp }: SeriesContext, body: readonly string[]): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `SEQUENCE:${spec.sequence}`,
    `DTSTAMP:${utcDateTime(stamp)}`,
    ...body,
    'CLASS:PRIVATE',
    'TRANSP:OPAQUE',
    `ORGANIZER:mailto:${spec.mailbox}`,
    ...spec.attendees.map(
      (a) =>
        `ATTENDEE;CN=${paramValue(a.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${a.email}`,
    ),
    'END:VEVENT',
  ];
}

function times(date: LocalDate, startTime: string, durationMinutes: number): string[] {
  return [
    `DTSTART;TZID=${LONDON_TZID}:${localDateTime(date, startTime)}`,
    `DTEND;TZID=${LONDON_TZID}:${localDateTime(date, startTime, durationMinutes)}`,
  ];
}

function description(spec: SeriesSpec): string[] {
  return [`SUMMARY:${escapeText(spec.subject)}`, `DESCRIPTION:${escapeText(GENERIC_DESCRIPTION)}`];
}

/** One exception per original date, the latest winning (a move later cancelled is cancelled). */
function latestExceptions(exceptions: readonly OccurrenceException[]): OccurrenceException[] {
  return [...new Map(exceptions.map((e) => [e.originalDate, e])).values()];
}
