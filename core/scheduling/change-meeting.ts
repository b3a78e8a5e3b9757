import { londonInstant } from '../calendar/london-time.js';
import type { MeetingRecord, Repos } from '../ports/store.js';
import { DomainError } from '../shared/errors.js';
import type { LocalDate } from '../shared/local-date.js';
import { londonToday, workingCalendarFor } from './area-calendar.js';
import type { SchedulingDeps } from './deps.js';
import { casesOn, comingMeetingOf, moveCase, nextMeetingAfter } from './move-cases.js';

export interface MoveMeetingInput {
  meetingId: string;
  date: LocalDate;
  startTime?: string | undefined;
  /** Kept in the app for the coordinator; never written to the calendar. */
  reason: string;
}

async function changeableMeeting(
  repos: Repos,
  meetingId: string,
  today: LocalDate,
): Promise<MeetingRecord> {
  const meeting = await repos.meetings.get(meetingId);
  if (!meeting) throw new DomainError('MEETING_NOT_FOUND', 'There is no such meeting.');
  if (meeting.status === 'cancelled') {
    throw new DomainError('MEETING_CANCELLED', 'This meeting is cancelled; it cannot be changed.');
  }
  if (meeting.date < today) {
    throw new DomainError('MEETING_NOT_MOVABLE', 'This meeting has already taken place.');
  }
  if (!meeting.seriesId)
    throw new DomainError('MEETING_NOT_MOVABLE', 'This meeting is not part of a series.');
  return meeting;
}

/** Moves one occurrence (ad hoc, or off a closure day) and re-issues it in Outlook. */
export async function moveMeeting(
  deps: SchedulingDeps,
  input: MoveMeetingInput,
): Promise<MeetingRecord> {
  const today = londonToday(deps.clock.now());
  if (input.date < today) {
    throw new DomainError('VALIDATION_FAILED', 'A meeting cannot be moved into the past.', [
      { path: 'date', message: 'must be today or later' },
    ]);
  }
  return deps.uow.run(async (repos) => {
    const meeting = await changeableMeeting(repos, input.meetingId, today);
    const area = (await repos.areas.get(meeting.areaId))!;
    const cal = workingCalendarFor(area);
    if (!cal.isWorkingDay(input.date)) {
      const why = cal.holidayName(input.date) ?? 'a weekend or closure day';
      throw new DomainError(
        'DATE_NOT_WORKING_DAY',
        `${input.date} is not a working day (${why}). Choose another date.`,
        [{ path: 'date', message: 'must be a working day' }],
      );
    }
    const startTime = input.startTime ?? meeting.startTime;
    const startsAt = londonInstant(input.date, startTime);
    const backToPattern =
      input.date === meeting.patternDate && startTime === area.protocol.startTime;
    const moved: MeetingRecord = {
      ...meeting,
      date: input.date,
      startTime,
      startsAt,
      endsAt: new Date(startsAt.getTime() + area.protocol.durationMinutes * 60_000),
      status: backToPattern ? 'scheduled' : 'moved',
      movedFrom: backToPattern ? null : meeting.patternDate,
      changeReason: input.reason,
    };
    await repos.meetings.update(moved);
    const sequence = await repos.series.nextSequence(meeting.seriesId!);
    await repos.outbox.enqueue(
      {
        kind: 'calendar.move-occurrence',
        seriesId: meeting.seriesId!,
        meetingId: meeting.id,
        sequence,
      },
      `move:${meeting.id}:${sequence}`,
    );
    await repos.audit.record('meeting.move', 'meeting', meeting.id);
    // The cases stay on the meeting (they follow its id); each referrer is told the new date.
    for (const referralId of await repos.meetings.caseIds(meeting.id)) {
      await repos.outbox.enqueue(
        { kind: 'notify.referrer', referralId, status: 'moved' },
        `notify:${referralId}:meeting-moved:${meeting.id}:${sequence}`,
      );
      await repos.audit.record('referral.meeting-moved', 'referral', referralId);
    }
    return moved;
  });
}

export interface CancelMeetingInput {
  meetingId: string;
  reason: string;
  /** Where the meeting's cases go; the next meeting of the area when absent. */
  moveCasesTo?: string | undefined;
}

export interface CancelledMeeting {
  meeting: MeetingRecord;
  /** The meeting the cases went to, when there were any. */
  casesMovedTo: MeetingRecord | null;
  casesMoved: number;
}

/**
 * Cancels one occurrence; the reps' calendars get a cancellation with a generic note. No case is
 * left on a cancelled meeting: in the same transaction every accepted case on it moves to the
 * meeting the coordinator chose, or the next one, and each referrer is told.
 */
export async function cancelMeeting(
  deps: SchedulingDeps,
  input: CancelMeetingInput,
): Promise<CancelledMeeting> {
  const today = londonToday(deps.clock.now());
  return deps.uow.run(async (repos) => {
    const meeting = await changeableMeeting(repos, input.meetingId, today);
    const cases = await casesOn(repos, meeting.id);
    let to: MeetingRecord | null = null;
    if (input.moveCasesTo) {
      if (input.moveCasesTo === meeting.id) {
        throw new DomainError(
          'VALIDATION_FAILED',
          'Meeting to move the cases to: choose another meeting than the one being cancelled.',
          [{ path: 'moveCasesTo', message: 'must differ from the cancelled meeting' }],
        );
      }
      to = await comingMeetingOf(repos, {
        areaId: meeting.areaId,
        meetingId: input.moveCasesTo,
        today,
        field: 'moveCasesTo',
        label: 'Meeting to move the cases to',
      });
    } else if (cases.length > 0) {
      to = await nextMeetingAfter(repos, meeting, today);
      if (!to) {
        throw new DomainError(
          'CONFLICT',
          `This meeting has ${cases.length === 1 ? '1 case' : `${cases.length} cases`} and there is no later meeting to move them to. Add an extra meeting first, then cancel this one.`,
        );
      }
    }
    const cancelled: MeetingRecord = {
      ...meeting,
      status: 'cancelled',
      changeReason: input.reason,
    };
    await repos.meetings.update(cancelled);
    const sequence = await repos.series.nextSequence(meeting.seriesId!);
    await repos.outbox.enqueue(
      {
        kind: 'calendar.cancel-occurrence',
        seriesId: meeting.seriesId!,
        meetingId: meeting.id,
        sequence,
      },
      `cancel:${meeting.id}:${sequence}`,
    );
    await repos.audit.record('meeting.cancel', 'meeting', meeting.id);
    for (const referral of cases)
      await moveCase(deps, repos, { referral, to: to!, reason: input.reason });
    return {
      meeting: cancelled,
      casesMovedTo: cases.length > 0 ? to : null,
      casesMoved: cases.length,
    };
  });
}
