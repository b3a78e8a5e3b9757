import type { Cadence } from '../meetings/protocol.js';
import type { LocalDate } from '../shared/local-date.js';

/**
 * The Outlook calendar as the domain sees it. Two adapters: Microsoft Graph (production) and
 * RFC 5545 files in the local outbox. Nothing here may carry case data: invitees can include
 * deputies and delegates, and calendar items are visible in ways mail bodies are not.
 */
/** The only body a calendar item carries, in every adapter: no case data, ever. */
export const GENERIC_INVITATION_TEXT =
  'MARAC meeting. Agenda and papers are sent separately and securely. Do not forward this invitation.';

export interface CalendarAttendee {
  name: string;
  email: string;
}

export type OccurrenceException =
  | { kind: 'moved'; originalDate: LocalDate; newDate: LocalDate; startTime: string }
  | { kind: 'cancelled'; originalDate: LocalDate };

export interface SeriesSpec {
  /** Our id for the series; also the Graph `transactionId` and the iCalendar UID stem. */
  seriesId: string;
  /** The area's MARAC mailbox that organises the series. */
  mailbox: string;
  /** Always "MARAC - <area name>": no case data in calendar items. */
  subject: string;
  cadence: Cadence;
  /** Date of the first occurrence of the pattern (before any move). */
  firstDate: LocalDate;
  /** Last date the pattern may produce an occurrence on. */
  until: LocalDate;
  /** Local wall-clock start, HH:MM, Europe/London. */
  startTime: string;
  durationMinutes: number;
  attendees: CalendarAttendee[];
  /** Occurrences moved or cancelled so far, so a full re-issue of the series keeps them. */
  exceptions: OccurrenceException[];
  /** Increases with every change, as iCalendar SEQUENCE. */
  sequence: number;
}

export interface CreatedSeries {
  /** The calendar's id for the series master (Graph event id, or the iCalendar UID). */
  calendarRef: string;
  /** The Teams meeting join link, where the calendar creates one. */
  joinUrl: string | null;
}

/** A MARAC outside the series: an extra meeting when the next ones are full. */
export interface SingleMeetingSpec {
  /** Our meeting id; also the Graph `transactionId` and the iCalendar UID stem. */
  meetingId: string;
  mailbox: string;
  /** "MARAC - <area name>", as for the series. */
  subject: string;
  date: LocalDate;
  startTime: string;
  durationMinutes: number;
  attendees: CalendarAttendee[];
  sequence: number;
}

/**
 * An extra meeting in the shape the adapters' event builders take: a series of one. The cadence is
 * never sent (adapters drop the recurrence); it is there only to fill the shape.
 */
export function asOneOffSeries(single: SingleMeetingSpec): SeriesSpec {
  return {
    seriesId: single.meetingId,
    mailbox: single.mailbox,
    subject: single.subject,
    cadence: { kind: 'monthly-day', dayOfMonth: 1 },
    firstDate: single.date,
    until: single.date,
    startTime: single.startTime,
    durationMinutes: single.durationMinutes,
    attendees: single.attendees,
    exceptions: [],
    sequence: single.sequence,
  };
}

export interface CalendarPort {
  /** One event with its own Teams meeting, not part of the area's series. */
  createSingle(spec: SingleMeetingSpec): Promise<CreatedSeries>;
  createSeries(spec: SeriesSpec): Promise<CreatedSeries>;
  /** Re-issues the series master, e.g. when the core reps (attendees) change. */
  updateSeries(calendarRef: string, spec: SeriesSpec): Promise<void>;
  moveOccurrence(
    calendarRef: string,
    spec: SeriesSpec,
    change: Extract<OccurrenceException, { kind: 'moved' }>,
  ): Promise<void>;
  cancelOccurrence(
    calendarRef: string,
    spec: SeriesSpec,
    change: Extract<OccurrenceException, { kind: 'cancelled' }>,
    comment: string,
  ): Promise<void>;
}
