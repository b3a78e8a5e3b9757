import type { AreaRecord, MeetingRecord, Repos } from '../ports/store.js';
import { DomainError } from '../shared/errors.js';
import type { LocalDate } from '../shared/local-date.js';

/**
 * The meeting an agenda change is for, with its area: it must exist and not be cancelled; a
 * meeting already held keeps the agenda it had.
 */
export async function openAgendaMeeting(
  repos: Repos,
  meetingId: string,
  today: LocalDate,
): Promise<{ meeting: MeetingRecord; area: AreaRecord }> {
  const meeting = await repos.meetings.get(meetingId);
  if (!meeting) throw new DomainError('MEETING_NOT_FOUND', 'There is no such meeting.');
  if (meeting.status === 'cancelled') {
    throw new DomainError(
      'MEETING_CANCELLED',
      'This meeting is cancelled: its cases moved to another meeting. Open that meeting\u2019s agenda.',
    );
  }
  if (meeting.date < today) {
    throw new DomainError(
      'CONFLICT',
      'This meeting has already taken place: its agenda can no longer change.',
    );
  }
  return { meeting, area: (await repos.areas.get(meeting.areaId))! };
}
