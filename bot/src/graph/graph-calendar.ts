import type {
  CalendarPort,
  CreatedSeries,
  OccurrenceException,
  SeriesSpec,
  SingleMeetingSpec,
} from '#core/ports/calendar.js';
import { addDays, type LocalDate } from '#core/shared/local-date.js';
import { graphPath, type GraphClient } from './graph-client.js';
import { GraphError } from './graph-error.js';
import {
  GENERIC_CANCEL_COMMENT,
  movedTimes,
  newSeriesEvent,
  newSingleEvent,
  seriesUpdate,
} from './graph-mapping.js';
import type { CreatedEvent, EventInstance } from './graph-shapes.js';
import { londonInstant } from '#core/calendar/london-time.js';

type Moved = Extract<OccurrenceException, { kind: 'moved' }>;
type Cancelled = Extract<OccurrenceException, { kind: 'cancelled' }>;

/**
 * The MARAC series as recurring events in the area's MARAC mailbox, through Microsoft Graph.
 * `calendarRef` is the Graph id of the series master.
 */
export class GraphCalendar implements CalendarPort {
  constructor(private readonly client: GraphClient) {}

  async createSingle(spec: SingleMeetingSpec): Promise<CreatedSeries> {
    const created = await this.client.request<CreatedEvent>({
      method: 'POST',
      path: graphPath`/users/${spec.mailbox}/events`,
      body: newSingleEvent(spec),
      idempotent: true, // transactionId, as for the series
    });
    if (!created?.id) {
      throw new GraphError({
        status: 502,
        code: 'MissingEventId',
        request: 'POST /users/{mailbox}/events',
      });
    }
    return { calendarRef: created.id, joinUrl: created.onlineMeeting?.joinUrl ?? null };
  }

  async createSeries(spec: SeriesSpec): Promise<CreatedSeries> {
    const created = await this.client.request<CreatedEvent>({
      method: 'POST',
      path: graphPath`/users/${spec.mailbox}/events`,
      body: newSeriesEvent(spec),
      // transactionId makes a repeated create harmless, so an outage may be retried here.
      idempotent: true,
    });
    if (!created?.id) {
      throw new GraphError({
        status: 502,
        code: 'MissingEventId',
        request: 'POST /users/{mailbox}/events',
      });
    }
    for (const exception of spec.exceptions) {
      if (exception.kind === 'moved') await this.moveOccurrence(created.id, spec, exception);
      else await this.cancelOccurrence(created.id, spec, exception, GENERIC_CANCEL_COMMENT);
    }
    return { calendarRef: created.id, joinUrl: created.onlineMeeting?.joinUrl ?? null };
  }

  async updateSeries(calendarRef: string, spec: SeriesSpec): Promise<void> {
    await this.client.request({
      method: 'PATCH',
      path: graphPath`/users/${spec.mailbox}/events/${calendarRef}`,
      body: seriesUpdate(spec),
    });
  }

  async moveOccurrence(calendarRef: string, spec: SeriesSpec, change: Moved): Promise<void> {
    const occurrence = await this.findOccurrence(calendarRef, spec, change.originalDate, [
      change.newDate,
    ]);
    if (!occurrence) throw occurrenceNotFound('PATCH');
    await this.client.request({
      method: 'PATCH',
      path: graphPath`/users/${spec.mailbox}/events/${occurrence.id}`,
      body: movedTimes(spec, change.newDate, change.startTime),
    });
  }

  /** `comment` goes to every attendee, so callers pass generic text, never the coordinator's reason. */
  async cancelOccurrence(
    calendarRef: string,
    spec: SeriesSpec,
    change: Cancelled,
    comment: string,
  ): Promise<void> {
    const occurrence = await this.findOccurrence(calendarRef, spec, change.originalDate, []);
    // Graph leaves cancelled occurrences out of `instances`: none found means already cancelled,
    // e.g. by an earlier attempt whose answer was lost.
    if (!occurrence) return;
    await this.client.request({
      method: 'POST',
      path: graphPath`/users/${spec.mailbox}/events/${occurrence.id}/cancel`,
      body: { comment },
    });
  }

  /**
   * The occurrence that the pattern put on `originalDate`, wherever it is now. The search window
   * runs from the original date to the latest date it is known to have been moved to (London
   * days, sent as UTC), and the match is on `originalStart`, which a move does not change.
   */
  private async findOccurrence(
    calendarRef: string,
    spec: SeriesSpec,
    originalDate: LocalDate,
    alsoOn: LocalDate[],
  ): Promise<EventInstance | undefined> {
    const movedTo = spec.exceptions.flatMap((e) =>
      e.kind === 'moved' && e.originalDate === originalDate ? [e.newDate] : [],
    );
    const days = [originalDate, ...alsoOn, ...movedTo].sort();
    const instances = await this.client.list<EventInstance>(
      graphPath`/users/${spec.mailbox}/events/${calendarRef}/instances`,
      {
        startDateTime: utcIso(londonInstant(days[0]!, '00:00')),
        endDateTime: utcIso(londonInstant(addDays(days[days.length - 1]!, 1), '00:00')),
        $select: 'id,type,originalStart,start',
      },
    );
    const due = londonInstant(originalDate, spec.startTime).getTime();
    return (
      instances.find((i) => i.originalStart && Date.parse(i.originalStart) === due) ??
      instances.find((i) => !i.originalStart && startMs(i) === due)
    );
  }
}

function utcIso(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Graph answers in UTC unless asked otherwise by a `Prefer: outlook.timezone` header. */
function startMs(instance: EventInstance): number | undefined {
  if (!instance.start || instance.start.timeZone !== 'UTC') return undefined;
  return Date.parse(`${instance.start.dateTime.slice(0, 19)}Z`);
}

function occurrenceNotFound(method: string): GraphError {
  return new GraphError({
    status: 404,
    code: 'OccurrenceNotFound',
    request: `${method} /users/{mailbox}/events/{occurrence}`,
  });
}
