import type { RunCaseRecord, RunRecord } from '../ports/meeting-run.js';
import type { MeetingRecord, Repos } from '../ports/store.js';
import { requireSeat, type MeetingViewer } from './meeting-seat.js';
import { londonTimeOf } from '../calendar/london-time.js';
import { auditingRefusals } from '../shared/audited-refusals.js';
import { DomainError, type ErrorCode } from '../shared/errors.js';
import type { MeetingRunDeps } from './run-deps.js';

/** The live topic every participant of a meeting follows. */
export const meetingTopic = (meetingId: string): string => `meeting:${meetingId}`;

/** What a meeting's live events say changed: a kind, and ids only. */
export type MeetingEventKind =
  | 'meeting.attendance'
  | 'meeting.current'
  | 'meeting.closed'
  | 'case.deferred'
  | 'meeting.settings';

/** Publishes a meeting's event: call it last in the use case (it holds the topic's lock). */
export function publishMeetingEvent(
  repos: Repos,
  meetingId: string,
  kind: MeetingEventKind,
  ids: Record<string, string> = {},
): Promise<number> {
  return repos.live.publish(meetingTopic(meetingId), { kind, ids: { meetingId, ...ids } });
}

/** After close the record is frozen: no run write changes it. */
export function requireNotClosed(run: RunRecord | null): void {
  if (run?.state === 'closed') {
    throw new DomainError(
      'CONFLICT',
      `This meeting was closed at ${londonTimeOf(run.closedAt!)}: its record is frozen and cannot change.`,
    );
  }
}

/**
 * The start of the chair's write on a meeting under way: the meeting held for the transaction,
 * the chair's confirmed seat, and the run, started and not closed (`notStarted` says, in words,
 * what to do instead before the start).
 */
export async function chairsRunningMeeting(
  repos: Repos,
  viewer: MeetingViewer,
  notStarted: string,
): Promise<{ meeting: MeetingRecord; run: RunRecord }> {
  await repos.meetingRun.lock(viewer.meetingId);
  const { meeting } = await requireSeat(repos, viewer, { run: true, confirmed: true });
  const run = await repos.meetingRun.run(meeting.id);
  requireNotClosed(run);
  if (!run) throw new DomainError('CONFLICT', notStarted);
  return { meeting, run };
}

const REFUSALS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'FORBIDDEN',
  'NOT_FOUND',
  'MEETING_NOT_FOUND',
  'MEETING_CANCELLED',
  'CONFLICT',
  'VERSION_CONFLICT',
]);

/**
 * Runs a meeting write; a refusal (not on the meeting, not the chair, a frozen record, a stale
 * version) rolls the write back, publishes nothing and is audited in a transaction of its own,
 * ids only.
 */
export async function auditedRunWrite<T>(
  deps: Pick<MeetingRunDeps, 'uow'>,
  action: string,
  meetingId: string,
  work: () => Promise<T>,
): Promise<T> {
  return auditingRefusals(deps.uow, REFUSALS, { action, meetingId }, work);
}

/** A case the meeting moves off: the time since it became current is added to its timer. */
export function caseLeft(
  record: RunCaseRecord,
  now: Date,
  state: 'heard' | 'deferred',
): RunCaseRecord {
  const since = record.currentSince;
  const seconds = since ? Math.max(0, Math.floor((now.getTime() - since.getTime()) / 1000)) : 0;
  return { ...record, state, currentSince: null, secondsSpent: record.secondsSpent + seconds };
}
