import type { Role } from '../contracts/api.js';
import type { Seat } from '../contracts/meeting-api.js';
import type { AttendanceRecord } from '../ports/meeting-run.js';
import type { MeetingRecord, Repos } from '../ports/store.js';
import { DomainError } from '../shared/errors.js';

/** Who is asking, as the meeting use cases take them: their id and roles in the meeting's area. */
export interface MeetingViewer {
  meetingId: string;
  personId: string;
  roles: readonly Role[];
}

/** How a person sits on one meeting, and whether they have confirmed its statement. */
export interface MeetingSeat {
  meeting: MeetingRecord;
  seat: Seat;
  /** The agencies they represent on it (a rep: core or deputy of an agency on the list). */
  agencyIds: string[];
  attendance: AttendanceRecord | null;
  confirmed: boolean;
  /** The chair of this meeting. */
  mayRun: boolean;
  /** The chair or a coordinator of the area: register, notes, actions, review, observers. */
  mayRecord: boolean;
}

/**
 * The seat a person has on a meeting, or null when they have none: a chair or IDVA on the
 * meeting's list, a coordinator of the area, the core rep or deputy of an agency on the list,
 * or an observer the coordinator or chair listed. Deny by default: anyone else is no one here.
 */
export async function seatOf(repos: Repos, viewer: MeetingViewer): Promise<MeetingSeat | null> {
  const meeting = await repos.meetings.get(viewer.meetingId);
  if (!meeting) return null;
  const [members, recipients, attendance] = await Promise.all([
    repos.agendas.members(meeting.id, meeting.areaId),
    repos.agendas.recipients(meeting.id, meeting.areaId),
    repos.meetingRun.attendanceOf(meeting.id, viewer.personId),
  ]);
  const agencyIds = [
    ...new Set(recipients.filter((r) => r.personId === viewer.personId).map((r) => r.agencyId)),
  ];
  const seat: Seat | null = members.chairIds.includes(viewer.personId)
    ? 'chair'
    : viewer.roles.includes('coordinator')
      ? 'coordinator'
      : agencyIds.length > 0
        ? 'rep'
        : members.idvaIds.includes(viewer.personId)
          ? 'idva'
          : attendance?.seat === 'observer'
            ? 'observer'
            : null;
  if (!seat) return null;
  return {
    meeting,
    seat,
    agencyIds: seat === 'rep' ? agencyIds : [],
    attendance,
    confirmed: attendance?.confirmedAt != null,
    mayRun: seat === 'chair',
    mayRecord: seat === 'chair' || seat === 'coordinator',
  };
}

/**
 * The seat, or a refusal in words: not on the meeting (404, as if it did not exist: a person
 * off the meeting learns nothing of it), or on it without having confirmed the statement (403).
 */
export async function requireSeat(
  repos: Repos,
  viewer: MeetingViewer,
  need: { confirmed?: boolean; record?: boolean; run?: boolean } = {},
): Promise<MeetingSeat> {
  const seat = await seatOf(repos, viewer);
  if (!seat)
    throw new DomainError('MEETING_NOT_FOUND', 'There is no such meeting, or you are not on it.');
  if (need.run && !seat.mayRun) {
    throw new DomainError('FORBIDDEN', 'Only the chair of this meeting can do this.');
  }
  if (need.record && !seat.mayRecord) {
    throw new DomainError(
      'FORBIDDEN',
      'Only the chair or a coordinator records this at the meeting.',
    );
  }
  if (need.confirmed && !seat.confirmed) {
    throw new DomainError(
      'FORBIDDEN',
      'Confirm the confidentiality statement for this meeting first: no case is shown before.',
    );
  }
  return seat;
}
