import type { CalendarPort, OccurrenceException, SeriesSpec } from '../ports/calendar.js';
import type { CalendarJob, MeetingRecord, Repos, UnitOfWork } from '../ports/store.js';
import { DomainError } from '../shared/errors.js';
import { meetingInvitees } from './invitees.js';

function exceptionOf(meeting: MeetingRecord): OccurrenceException | null {
  if (meeting.status === 'cancelled')
    return { kind: 'cancelled', originalDate: meeting.patternDate };
  if (meeting.status === 'moved') {
    return {
      kind: 'moved',
      originalDate: meeting.patternDate,
      newDate: meeting.date,
      startTime: meeting.startTime,
    };
  }
  return null;
}

/** The series as the calendar should hold it now, built from the store (the source of truth). */
export async function seriesSpec(
  repos: Repos,
  seriesId: string,
  sequence?: number,
): Promise<SeriesSpec> {
  const series = await repos.series.get(seriesId);
  if (!series) throw new DomainError('SERIES_NOT_FOUND', 'There is no such meeting series.');
  const area = (await repos.areas.get(series.areaId))!;
  const meetings = await repos.meetings.listForSeries(series.id);
  return {
    seriesId: series.id,
    mailbox: area.mailbox,
    // No case data in calendar items: the area's name is all an invitee needs.
    subject: `MARAC - ${area.name}`,
    cadence: area.protocol.cadence,
    firstDate: series.firstDate,
    until: series.until,
    startTime: area.protocol.startTime,
    durationMinutes: area.protocol.durationMinutes,
    attendees: await meetingInvitees(repos, area),
    exceptions: meetings.map(exceptionOf).filter((e): e is OccurrenceException => e !== null),
    sequence: sequence ?? series.sequence,
  };
}

const CANCEL_COMMENT =
  'This MARAC meeting is cancelled. The coordinator will confirm the next date.';

/**
 * Carries one outbox job to the calendar. Safe to run again after a crash: creating is keyed by
 * the series id (Graph transactionId), and the other operations set state rather than add to it.
 */
export async function runCalendarJob(
  deps: { uow: UnitOfWork; calendar: CalendarPort },
  job: CalendarJob,
): Promise<void> {
  const loaded = await deps.uow.run(async (repos) => ({
    series: await repos.series.get(job.seriesId),
    spec: await seriesSpec(repos, job.seriesId, 'sequence' in job ? job.sequence : undefined),
    meeting: 'meetingId' in job ? await repos.meetings.get(job.meetingId) : null,
  }));
  const { series, spec, meeting } = loaded;
  if (job.kind === 'calendar.create-series') {
    if (series!.calendarRef) return;
    const created = await deps.calendar.createSeries(spec);
    await deps.uow.run((repos) =>
      repos.series.recordCalendar(job.seriesId, { calendarStatus: 'sent', ...created }),
    );
    return;
  }
  if (!series!.calendarRef) {
    throw new DomainError(
      'CALENDAR_UNAVAILABLE',
      'The series has not reached the calendar yet; retry later.',
    );
  }
  if (job.kind === 'calendar.update-series')
    return deps.calendar.updateSeries(series!.calendarRef, spec);
  const change = meeting ? exceptionOf(meeting) : null;
  if (change?.kind === 'moved')
    return deps.calendar.moveOccurrence(series!.calendarRef, spec, change);
  if (change?.kind === 'cancelled') {
    return deps.calendar.cancelOccurrence(series!.calendarRef, spec, change, CANCEL_COMMENT);
  }
  // Moved back to its pattern date and time: re-issue the occurrence at its usual slot.
  return deps.calendar.moveOccurrence(series!.calendarRef, spec, {
    kind: 'moved',
    originalDate: meeting!.patternDate,
    newDate: meeting!.date,
    startTime: meeting!.startTime,
  });
}
