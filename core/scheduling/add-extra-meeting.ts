import { londonInstant } from '../calendar/london-time.js';
import type { CalendarPort } from '../ports/calendar.js';
import type { ExtraMeetingJob, MeetingRecord, UnitOfWork } from '../ports/store.js';
import { DomainError } from '../shared/errors.js';
import type { LocalDate } from '../shared/local-date.js';
import { londonToday, workingCalendarFor } from './area-calendar.js';
import type { SchedulingDeps } from './deps.js';
import { meetingInvitees } from './invitees.js';

/**
 * Adds an extra MARAC outside the series, for when the coming meetings are full: a working day,
 * not in the past, invited like the series (core reps, a Teams meeting, no case data).
 */
export async function addExtraMeeting(
  deps: SchedulingDeps,
  input: { areaId: string; date: LocalDate; startTime?: string | undefined; reason: string },
): Promise<MeetingRecord> {
  const today = londonToday(deps.clock.now());
  if (input.date < today) {
    throw new DomainError('VALIDATION_FAILED', 'An extra meeting cannot be in the past.', [
      { path: 'date', message: 'must be today or later' },
    ]);
  }
  return deps.uow.run(async (repos) => {
    const area = await repos.areas.get(input.areaId);
    if (!area) throw new DomainError('AREA_NOT_FOUND', 'There is no such MARAC area.');
    const cal = workingCalendarFor(area);
    if (!cal.isWorkingDay(input.date)) {
      const why = cal.holidayName(input.date) ?? 'a weekend or closure day';
      throw new DomainError(
        'DATE_NOT_WORKING_DAY',
        `${input.date} is not a working day (${why}). Choose another date.`,
        [{ path: 'date', message: 'must be a working day' }],
      );
    }
    const startTime = input.startTime ?? area.protocol.startTime;
    const startsAt = londonInstant(input.date, startTime);
    const meeting: MeetingRecord = {
      id: deps.ids.newId(),
      areaId: area.id,
      seriesId: null,
      patternDate: input.date,
      date: input.date,
      startTime,
      startsAt,
      endsAt: new Date(startsAt.getTime() + area.protocol.durationMinutes * 60_000),
      status: 'scheduled',
      movedFrom: null,
      changeReason: input.reason,
    };
    await repos.meetings.insertMany([meeting]);
    await repos.outbox.enqueue(
      { kind: 'calendar.create-extra', meetingId: meeting.id },
      `create-extra:${meeting.id}`,
    );
    await repos.audit.record('meeting.add-extra', 'meeting', meeting.id);
    return meeting;
  });
}

/** Sends an extra meeting's invitation; a repeat after a crash is harmless (transactionId). */
export async function runExtraMeetingJob(
  deps: { uow: UnitOfWork; calendar: CalendarPort },
  job: ExtraMeetingJob,
): Promise<void> {
  const spec = await deps.uow.run(async (repos) => {
    const meeting = await repos.meetings.get(job.meetingId);
    if (!meeting) return null;
    const area = (await repos.areas.get(meeting.areaId))!;
    return {
      meetingId: meeting.id,
      mailbox: area.mailbox,
      subject: `MARAC - ${area.name}`,
      date: meeting.date,
      startTime: meeting.startTime,
      durationMinutes: area.protocol.durationMinutes,
      attendees: await meetingInvitees(repos, area),
      sequence: 0,
    };
  });
  if (!spec) return;
  const created = await deps.calendar.createSingle(spec);
  await deps.uow.run((repos) =>
    repos.meetings.recordCalendar(spec.meetingId, created.calendarRef, created.joinUrl),
  );
}
