/*
 * The few Graph request and response shapes this adapter sends and reads, written out here
 * because `@microsoft/microsoft-graph-types` is not a dependency. Nothing outside
 * `bot/src/graph` may import this file: Graph types do not cross into `core`.
 */

export interface DateTimeTimeZone {
  /** Local wall-clock time, `YYYY-MM-DDTHH:MM:SS`, in `timeZone`. */
  dateTime: string;
  timeZone: string;
}

export interface GraphAttendee {
  emailAddress: { address: string; name: string };
  type: 'required';
}

export type GraphDay = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday';
export type WeekIndex = 'first' | 'second' | 'third' | 'fourth' | 'last';

export type RecurrencePattern =
  | { type: 'weekly'; interval: number; daysOfWeek: GraphDay[]; firstDayOfWeek: 'monday' }
  | { type: 'relativeMonthly'; interval: number; daysOfWeek: GraphDay[]; index: WeekIndex }
  | { type: 'absoluteMonthly'; interval: number; dayOfMonth: number };

export interface RecurrenceRange {
  type: 'endDate';
  startDate: string;
  endDate: string;
  recurrenceTimeZone: string;
}

export interface ItemBody {
  contentType: 'html';
  content: string;
}

export interface NewSeriesEvent {
  subject: string;
  body: ItemBody;
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  recurrence: { pattern: RecurrencePattern; range: RecurrenceRange };
  attendees: GraphAttendee[];
  isOnlineMeeting: true;
  onlineMeetingProvider: 'teamsForBusiness';
  sensitivity: 'private';
  allowNewTimeProposals: false;
  isReminderOn: true;
  reminderMinutesBeforeStart: number;
  responseRequested: true;
  transactionId: string;
}

export interface SeriesUpdate {
  subject: string;
  body: ItemBody;
  sensitivity: 'private';
  attendees: GraphAttendee[];
}

export interface CreatedEvent {
  id: string;
  onlineMeeting?: { joinUrl?: string | null } | null;
}

export interface EventInstance {
  id: string;
  type?: string;
  /** When the occurrence was due by the pattern, before any move (UTC, DateTimeOffset). */
  originalStart?: string | null;
  start?: DateTimeTimeZone;
}
