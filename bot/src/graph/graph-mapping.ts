import {
  asOneOffSeries,
  GENERIC_INVITATION_TEXT,
  type SingleMeetingSpec,
} from '#core/ports/calendar.js';
import type { Cadence } from '#core/meetings/protocol.js';
import type { CalendarAttendee, SeriesSpec } from '#core/ports/calendar.js';
import { parseLocalDate, type LocalDate } from '#core/shared/local-date.js';
import type {
  DateTimeTimeZone,
  GraphAttendee,
  ItemBody,
  NewSeriesEvent,
  RecurrencePattern,
  SeriesUpdate,
  WeekIndex,
} from './graph-shapes.js';

/*
 * Spec to Graph, in one place. Safeguarding: the subject is exactly the area's "MARAC - <area>",
 * the body is fixed text and the item is private, because invitees include deputies and
 * delegates who are not vetted and calendar items are shown in ways mail bodies are not.
 */

/**
 * Europe/London by its Windows name. Graph also lists IANA names for `dateTimeTimeZone`, but warns
 * that create and update may not accept every listed zone; Windows names are the set it always
 * takes, and the one Outlook itself writes back in `originalStartTimeZone`.
 */
export const LONDON_WINDOWS_ZONE = 'GMT Standard Time';

export const GENERIC_BODY_TEXT = GENERIC_INVITATION_TEXT;

/** Said to attendees when an occurrence is cancelled while a series is being (re)built. */
export const GENERIC_CANCEL_COMMENT = 'This MARAC meeting has been cancelled.';

const REMINDER_MINUTES = 15;

const weekIndex: Record<1 | 2 | 3 | 4 | 'last', WeekIndex> = {
  1: 'first',
  2: 'second',
  3: 'third',
  4: 'fourth',
  last: 'last',
};

export function genericBody(): ItemBody {
  return { contentType: 'html', content: `<p>${GENERIC_BODY_TEXT}</p>` };
}

export function recurrencePattern(cadence: Cadence): RecurrencePattern {
  switch (cadence.kind) {
    case 'fortnightly':
      return {
        type: 'weekly',
        interval: 2,
        daysOfWeek: [cadence.weekday],
        firstDayOfWeek: 'monday',
      };
    case 'monthly':
      return {
        type: 'relativeMonthly',
        interval: 1,
        daysOfWeek: [cadence.weekday],
        index: weekIndex[cadence.nth],
      };
    case 'monthly-day':
      return { type: 'absoluteMonthly', interval: 1, dayOfMonth: cadence.dayOfMonth };
  }
}

/** London wall-clock time `minutesLater` after `time` on `date`, as Graph's `dateTimeTimeZone`. */
export function londonDateTime(date: LocalDate, time: string, minutesLater = 0): DateTimeTimeZone {
  const { year, month, day } = parseLocalDate(date);
  const [hours, minutes] = time.split(':').map(Number);
  // Arithmetic on the wall clock, read as if it were UTC, so that no zone offset creeps in.
  const wall = new Date(Date.UTC(year, month - 1, day, hours ?? 0, (minutes ?? 0) + minutesLater));
  return { dateTime: wall.toISOString().slice(0, 19), timeZone: LONDON_WINDOWS_ZONE };
}

export function graphAttendees(attendees: readonly CalendarAttendee[]): GraphAttendee[] {
  return attendees.map(({ name, email }) => ({
    emailAddress: { address: email, name },
    type: 'required',
  }));
}

export function newSeriesEvent(spec: SeriesSpec): NewSeriesEvent {
  return {
    subject: spec.subject,
    body: genericBody(),
    start: londonDateTime(spec.firstDate, spec.startTime),
    end: londonDateTime(spec.firstDate, spec.startTime, spec.durationMinutes),
    recurrence: {
      pattern: recurrencePattern(spec.cadence),
      range: {
        type: 'endDate',
        startDate: spec.firstDate,
        endDate: spec.until,
        recurrenceTimeZone: LONDON_WINDOWS_ZONE,
      },
    },
    attendees: graphAttendees(spec.attendees),
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    sensitivity: 'private',
    allowNewTimeProposals: false,
    isReminderOn: true,
    reminderMinutesBeforeStart: REMINDER_MINUTES,
    responseRequested: true,
    // Graph drops a second POST with the same transactionId, so a retried create after a lost
    // answer cannot put two series in the mailbox.
    transactionId: spec.seriesId,
  };
}

/** An extra meeting: the series' invitation without a recurrence. */
export function newSingleEvent(spec: SingleMeetingSpec): Omit<NewSeriesEvent, 'recurrence'> {
  const { recurrence: _none, ...event } = newSeriesEvent(asOneOffSeries(spec));
  return event;
}

/**
 * What a re-issue of the series changes. Body and sensitivity are sent again so that anything
 * typed into the series by hand in Outlook is not carried into the update attendees receive.
 */
export function seriesUpdate(spec: SeriesSpec): SeriesUpdate {
  return {
    subject: spec.subject,
    body: genericBody(),
    sensitivity: 'private',
    attendees: graphAttendees(spec.attendees),
  };
}

export function movedTimes(spec: SeriesSpec, newDate: LocalDate, startTime: string) {
  return {
    start: londonDateTime(newDate, startTime),
    end: londonDateTime(newDate, startTime, spec.durationMinutes),
  };
}
