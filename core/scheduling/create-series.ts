import { londonInstant } from '../calendar/london-time.js';
import { planMeetings } from '../meetings/schedule.js';
import type { MeetingRecord, SeriesRecord } from '../ports/store.js';
import { DomainError } from '../shared/errors.js';
import { addDays, parseLocalDate, type LocalDate } from '../shared/local-date.js';
import { londonToday, workingCalendarFor } from './area-calendar.js';
import type { SchedulingDeps } from './deps.js';

export interface CreateSeriesInput {
  areaId: string;
  firstDate: LocalDate;
  /** Last date of the series; a year after the first date when absent. */
  until?: LocalDate | undefined;
}

const MAX_YEARS = 2;

function defaultUntil(firstDate: LocalDate): LocalDate {
  const { year, month, day } = parseLocalDate(firstDate);
  const sameDayNextYear = `${year + 1}-${String(month).padStart(2, '0')}-${String(Math.min(day, 28)).padStart(2, '0')}`;
  return addDays(sameDayNextYear, -1);
}

/**
 * Creates the area's one recurring series of MARACs: the meetings in the store now, and the
 * Outlook series through the outbox once this transaction commits, so neither exists without the
 * other. Pattern dates on bank holidays are moved or skipped as the protocol says.
 */
export async function createSeries(
  deps: SchedulingDeps,
  input: CreateSeriesInput,
): Promise<SeriesRecord> {
  const until = input.until ?? defaultUntil(input.firstDate);
  if (input.firstDate < londonToday(deps.clock.now())) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'The first meeting date is in the past. Choose today or a later date.',
      [{ path: 'firstDate', message: 'must not be in the past' }],
    );
  }
  if (until < input.firstDate || until > addDays(input.firstDate, 366 * MAX_YEARS)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `The series must end on or after its first date and within ${MAX_YEARS} years.`,
      [{ path: 'until', message: `must be between firstDate and ${MAX_YEARS} years after it` }],
    );
  }
  return deps.uow.run(async (repos) => {
    const area = await repos.areas.get(input.areaId);
    if (!area) throw new DomainError('AREA_NOT_FOUND', 'There is no such MARAC area.');
    if (await repos.series.forArea(area.id)) {
      throw new DomainError(
        'SERIES_EXISTS',
        'This area already has a meeting series. Move or cancel its meetings instead.',
      );
    }
    const plan = planMeetings({
      protocol: area.protocol,
      start: input.firstDate,
      until,
      cal: workingCalendarFor(area),
    });
    const patternDates = [...plan.meetings.map((m) => m.patternDate), ...plan.skipped].sort();
    if (patternDates.length === 0) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'No meeting falls between the first date and the end date.',
        [{ path: 'until', message: 'no meeting in range' }],
      );
    }
    const series: SeriesRecord = {
      id: deps.ids.newId(),
      areaId: area.id,
      firstDate: patternDates[0]!,
      until,
      sequence: 0,
      calendarStatus: 'pending',
      calendarRef: null,
      joinUrl: null,
    };
    await repos.series.insert(series);
    const { startTime, durationMinutes } = area.protocol;
    const record = (
      patternDate: LocalDate,
      date: LocalDate,
      status: MeetingRecord['status'],
    ): MeetingRecord => {
      const startsAt = londonInstant(date, startTime);
      return {
        id: deps.ids.newId(),
        areaId: area.id,
        seriesId: series.id,
        patternDate,
        date,
        startTime,
        startsAt,
        endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000),
        status,
        movedFrom: status === 'moved' ? patternDate : null,
        changeReason: status === 'scheduled' ? null : 'Bank holiday or closure day',
      };
    };
    await repos.meetings.insertMany([
      ...plan.meetings.map((m) =>
        record(m.patternDate, m.date, m.movedFrom ? 'moved' : 'scheduled'),
      ),
      ...plan.skipped.map((d) => record(d, d, 'cancelled')),
    ]);
    await repos.outbox.enqueue(
      { kind: 'calendar.create-series', seriesId: series.id },
      `create-series:${series.id}`,
    );
    await repos.audit.record('series.create', 'area', area.id);
    return series;
  });
}
