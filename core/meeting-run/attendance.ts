import type { Attendance, Attendee } from '../contracts/meeting-api.js';
import type { AttendanceRecord } from '../ports/meeting-run.js';
import type { MeetingRecord, Repos } from '../ports/store.js';
import { DomainError } from '../shared/errors.js';
import { requireSeat, type MeetingViewer } from './meeting-seat.js';
import { attendeeOf, registerOf, type RegisterLine } from './register.js';
import type { MeetingRunDeps } from './run-deps.js';
import { auditedRunWrite, publishMeetingEvent, requireNotClosed } from './run-writes.js';

/** A person's line of the register, or a refusal naming what to do. */
async function lineOf(
  repos: Repos,
  meeting: MeetingRecord,
  personId: string,
): Promise<RegisterLine> {
  const line = (await registerOf(repos, meeting)).find((l) => l.personId === personId);
  if (!line) {
    throw new DomainError(
      'NOT_FOUND',
      'This person is not on the meeting\u2019s register. Add them as an observer, or ask the coordinator to put their agency on the meeting.',
    );
  }
  return line;
}

/** The register row as it will be saved: what was there (or nothing), with the change, one version on. */
function nextRow(
  meetingId: string,
  line: RegisterLine,
  row: AttendanceRecord | null,
  change: Partial<AttendanceRecord> & { updatedAt: Date },
): AttendanceRecord {
  return {
    meetingId,
    personId: line.personId,
    seat: line.seat,
    agencyId: line.agencyId,
    attendance: row?.attendance ?? null,
    infoSentInAdvance: row?.infoSentInAdvance ?? false,
    confirmedAt: row?.confirmedAt ?? null,
    recordedBy: row?.recordedBy ?? null,
    ...change,
    version: line.version + 1,
  };
}

/** The register line as it reads once the row is saved (no second read of the register). */
function attendeeSaved(line: RegisterLine, row: AttendanceRecord): Attendee {
  return attendeeOf({
    ...line,
    attendance: row.attendance,
    infoSentInAdvance: row.infoSentInAdvance,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    version: row.version,
  });
}

/**
 * Records whether a person is present or sent apologies, and whether their agency sent its
 * information in advance: the chair or a coordinator for anyone on the register, anyone for
 * their own line. The writer names the version they read; a stale one is refused and shown.
 */
export function setAttendance(
  deps: MeetingRunDeps,
  input: {
    viewer: MeetingViewer;
    personId: string;
    attendance: Attendance;
    infoSentInAdvance: boolean;
    version: number;
  },
): Promise<Attendee> {
  const { viewer } = input;
  return auditedRunWrite(deps, 'meeting.attendance', viewer.meetingId, () =>
    deps.uow.run(async (repos) => {
      await repos.meetingRun.lock(viewer.meetingId);
      const seat = await requireSeat(repos, viewer);
      if (input.personId !== viewer.personId && !seat.mayRecord) {
        throw new DomainError(
          'FORBIDDEN',
          'You can record your own attendance only: the chair or a coordinator records everyone else\u2019s.',
        );
      }
      requireNotClosed(await repos.meetingRun.run(seat.meeting.id));
      const line = await lineOf(repos, seat.meeting, input.personId);
      if (line.version !== input.version) {
        throw new DomainError(
          'VERSION_CONFLICT',
          `Someone else changed this attendance since you opened it: it now says ${line.attendance ?? 'nothing recorded'}. Check it and save again if it is still wrong.`,
        );
      }
      const before = await repos.meetingRun.attendanceOf(seat.meeting.id, input.personId);
      const row = nextRow(seat.meeting.id, line, before, {
        attendance: input.attendance,
        infoSentInAdvance: input.infoSentInAdvance,
        recordedBy: viewer.personId,
        updatedAt: deps.clock.now(),
      });
      await repos.meetingRun.saveAttendance(row);
      await repos.audit.record('meeting.attendance', 'meeting', seat.meeting.id);
      await publishMeetingEvent(repos, seat.meeting.id, 'meeting.attendance', {
        personId: input.personId,
      });
      return attendeeSaved(line, row);
    }),
  );
}

/**
 * Lists an observer on the meeting (the chair or a coordinator): the person must hold the
 * observer role in the area. Listing them again changes nothing.
 */
export function addObserver(
  deps: MeetingRunDeps,
  input: { viewer: MeetingViewer; personId: string },
): Promise<Attendee> {
  const { viewer } = input;
  return auditedRunWrite(deps, 'meeting.observer', viewer.meetingId, () =>
    deps.uow.run(async (repos) => {
      await repos.meetingRun.lock(viewer.meetingId);
      const seat = await requireSeat(repos, viewer, { record: true });
      const meeting = seat.meeting;
      requireNotClosed(await repos.meetingRun.run(meeting.id));
      const existing = (await registerOf(repos, meeting)).find(
        (l) => l.personId === input.personId,
      );
      if (existing?.seat === 'observer') return attendeeOf(existing);
      if (existing?.onMeeting) {
        throw new DomainError(
          'CONFLICT',
          `This person is already on the meeting (${existing.seat === 'idva' ? 'IDVA' : existing.seat}): they need no observer line.`,
        );
      }
      const observers = await repos.meetingRun.areaPeople(meeting.areaId, 'observer');
      const observer = observers.find((p) => p.id === input.personId);
      if (!observer) {
        throw new DomainError(
          'VALIDATION_FAILED',
          'This person is not an observer in this area: ask the administrator to give them the observer role first.',
          [{ path: 'personId', message: 'must hold the observer role in the area' }],
        );
      }
      const row: AttendanceRecord = {
        meetingId: meeting.id,
        personId: input.personId,
        seat: 'observer',
        agencyId: null,
        attendance: null,
        infoSentInAdvance: false,
        confirmedAt: null,
        recordedBy: viewer.personId,
        updatedAt: deps.clock.now(),
        // Listing records no attendance: the line reads as before (version 1).
        version: 1,
      };
      await repos.meetingRun.saveAttendance(row);
      await repos.audit.record('meeting.observer', 'meeting', meeting.id);
      await publishMeetingEvent(repos, meeting.id, 'meeting.attendance', {
        personId: input.personId,
      });
      const line: RegisterLine = {
        personId: observer.id,
        name: observer.name,
        seat: 'observer',
        agencyId: null,
        agencyName: null,
        attendance: null,
        infoSentInAdvance: false,
        confirmedAt: null,
        version: 1,
        agencyIds: [],
        onMeeting: true,
      };
      return attendeeSaved(line, row);
    }),
  );
}

/**
 * The caller confirms the confidentiality statement: the time is recorded once (confirming
 * again keeps the first time), and a person with no attendance recorded is marked present.
 */
export function confirmStatement(
  deps: MeetingRunDeps,
  input: { viewer: MeetingViewer },
): Promise<Attendee> {
  const { viewer } = input;
  return auditedRunWrite(deps, 'meeting.confirm-statement', viewer.meetingId, () =>
    deps.uow.run(async (repos) => {
      await repos.meetingRun.lock(viewer.meetingId);
      const seat = await requireSeat(repos, viewer);
      const meeting = seat.meeting;
      const line = await lineOf(repos, meeting, viewer.personId);
      if (seat.confirmed) return attendeeOf(line);
      requireNotClosed(await repos.meetingRun.run(meeting.id));
      const now = deps.clock.now();
      const row = nextRow(meeting.id, line, seat.attendance, {
        attendance: seat.attendance?.attendance ?? 'present',
        confirmedAt: now,
        recordedBy: seat.attendance?.recordedBy ?? viewer.personId,
        updatedAt: now,
      });
      await repos.meetingRun.saveAttendance(row);
      await repos.audit.record('meeting.confirm-statement', 'meeting', meeting.id);
      await publishMeetingEvent(repos, meeting.id, 'meeting.attendance', {
        personId: viewer.personId,
      });
      return attendeeSaved(line, row);
    }),
  );
}
