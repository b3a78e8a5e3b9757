import type { Role } from '../contracts/api.js';
import type { MeetingRun, Seat } from '../contracts/meeting-api.js';
import type { MeetingSnapshot } from './meeting-snapshot.js';
import { attendeeOf } from './register.js';

/** A person's seat as the view takes it (what `seatOf` decides, read from the snapshot). */
export interface ViewerSeat {
  personId: string;
  seat: Seat;
  agencyIds: string[];
  confirmedAt: string | null;
  mayRun: boolean;
  mayRecord: boolean;
}

/**
 * The seat a person has on the snapshot's meeting, or null: the same rules as `seatOf` (a
 * coordinator by their role in the area, everyone else by the register), without a database
 * read, so a cached snapshot answers every participant's reads.
 */
export function seatInSnapshot(
  snapshot: MeetingSnapshot,
  viewer: { personId: string; roles: readonly Role[] },
): ViewerSeat | null {
  const line = snapshot.register.find((l) => l.personId === viewer.personId && l.onMeeting);
  const seat: Seat | null =
    line?.seat === 'chair'
      ? 'chair'
      : viewer.roles.includes('coordinator')
        ? 'coordinator'
        : (line?.seat ?? null);
  if (!seat) return null;
  const confirmedAt =
    snapshot.register.find((l) => l.personId === viewer.personId)?.confirmedAt ?? null;
  return {
    personId: viewer.personId,
    seat,
    agencyIds: seat === 'rep' ? (line?.agencyIds ?? []) : [],
    confirmedAt,
    mayRun: seat === 'chair',
    mayRecord: seat === 'chair' || seat === 'coordinator',
  };
}

/**
 * The meeting view as one person may see it. Before they confirm the statement it holds no case
 * at all (not a reference, not which one is current, not the review); defer reasons are for the
 * chair and coordinator only. Pure: the snapshot is shared, nothing of it is changed.
 */
export function meetingViewFor(snapshot: MeetingSnapshot, seat: ViewerSeat): MeetingRun {
  const { meeting, run } = snapshot;
  const confirmed = seat.confirmedAt !== null;
  return {
    meetingId: meeting.id,
    areaId: meeting.areaId,
    date: meeting.date,
    startsAt: meeting.startsAt.toISOString(),
    state: run?.state ?? 'not-started',
    startedAt: run?.startedAt.toISOString() ?? null,
    closedAt: run?.closedAt?.toISOString() ?? null,
    caseTargetMinutes: snapshot.caseTargetMinutes,
    actionTaskHours: snapshot.actionTaskHours,
    seq: snapshot.seq,
    statement: snapshot.statement,
    me: {
      personId: seat.personId,
      seat: seat.seat,
      agencyIds: seat.agencyIds,
      confirmedAt: seat.confirmedAt,
      mayRun: seat.mayRun,
      mayRecord: seat.mayRecord,
    },
    attendance: snapshot.register.map(attendeeOf),
    cases: confirmed
      ? snapshot.cases.map((c) => ({ ...c, deferReason: seat.mayRecord ? c.deferReason : null }))
      : [],
    casesHidden: !confirmed,
    currentReferralId: confirmed ? (run?.currentReferralId ?? null) : null,
    review: confirmed ? snapshot.review : [],
  };
}
