import {
  asOneOffSeries,
  type CalendarPort,
  type CreatedSeries,
  type OccurrenceException,
  type SeriesSpec,
  type SingleMeetingSpec,
} from '#core/ports/calendar.js';
import { fileSafe, writeFileAtomically } from './ics-files.js';
import {
  cancelEvent,
  overrideEvent,
  seriesEvents,
  singleEvent,
  vcalendar,
  type SeriesContext,
} from './ics-series.js';

export interface IcsCalendarOptions {
  /** Where the files go, e.g. `<data>/outbox/calendar`; created when missing. */
  dir: string;
  /** Clock for DTSTAMP. */
  now: () => Date;
}

type Moved = Extract<OccurrenceException, { kind: 'moved' }>;
type Cancelled = Extract<OccurrenceException, { kind: 'cancelled' }>;

/** The iCalendar UID of a series: stable, so every later file updates the same series. */
export function seriesUid(seriesId: string): string {
  return `${seriesId}@marac.local`;
}

/**
 * Local mode's calendar: nothing leaves the machine. Each change is one RFC 5545 file, exactly
 * the iTIP message an organiser would send, so any calendar client can open it:
 * - `series-<seriesId>-<sequence>.ics`: METHOD:REQUEST, the whole series (create and update);
 * - `move-<seriesId>-<originalDate>-<sequence>.ics`: METHOD:REQUEST, one moved occurrence;
 * - `cancel-<seriesId>-<originalDate>-<sequence>.ics`: METHOD:CANCEL, one cancelled occurrence.
 * `calendarRef` is the UID. There is no Teams here, so no join link is made up.
 */
export class IcsCalendar implements CalendarPort {
  constructor(private readonly options: IcsCalendarOptions) {}

  async createSingle(single: SingleMeetingSpec): Promise<CreatedSeries> {
    const uid = `${fileSafe(single.meetingId)}@marac.local`;
    const spec = asOneOffSeries(single);
    const name = `extra-${fileSafe(single.meetingId)}-${single.sequence}.ics`;
    await this.write(
      name,
      vcalendar('REQUEST', [singleEvent(this.context(uid, spec), single.date)]),
    );
    return { calendarRef: uid, joinUrl: null };
  }

  async createSeries(spec: SeriesSpec): Promise<CreatedSeries> {
    const uid = seriesUid(spec.seriesId);
    await this.writeSeries(uid, spec);
    return { calendarRef: uid, joinUrl: null };
  }

  async updateSeries(calendarRef: string, spec: SeriesSpec): Promise<void> {
    await this.writeSeries(calendarRef, spec);
  }

  async moveOccurrence(calendarRef: string, spec: SeriesSpec, change: Moved): Promise<void> {
    const name = `move-${fileSafe(spec.seriesId)}-${change.originalDate}-${spec.sequence}.ics`;
    await this.write(
      name,
      vcalendar('REQUEST', [overrideEvent(this.context(calendarRef, spec), change)]),
    );
  }

  async cancelOccurrence(
    calendarRef: string,
    spec: SeriesSpec,
    change: Cancelled,
    comment: string,
  ): Promise<void> {
    const name = `cancel-${fileSafe(spec.seriesId)}-${change.originalDate}-${spec.sequence}.ics`;
    await this.write(
      name,
      vcalendar('CANCEL', [cancelEvent(this.context(calendarRef, spec), change, comment)]),
    );
  }

  private async writeSeries(uid: string, spec: SeriesSpec): Promise<void> {
    const name = `series-${fileSafe(spec.seriesId)}-${spec.sequence}.ics`;
    await this.write(name, vcalendar('REQUEST', seriesEvents(this.context(uid, spec))));
  }

  private context(uid: string, spec: SeriesSpec): SeriesContext {
    return { uid, spec, stamp: this.options.now() };
  }

  private async write(name: string, content: string): Promise<void> {
    await writeFileAtomically(this.options.dir, name, content);
  }
}
