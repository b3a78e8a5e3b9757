import { defaultConfidentialityStatement } from '../agendas/confidentiality.js';
import type { ReviewItem, RunCase } from '../contracts/meeting-api.js';
import { defaultProtocol } from '../meetings/protocol.js';
import type { RunRecord } from '../ports/meeting-run.js';
import type { MeetingRecord, Repos, UnitOfWork } from '../ports/store.js';
import { registerOf, type RegisterLine } from './register.js';
import { loadReviewItems } from './review-items.js';
import { plannedCases } from './running-order.js';
import { meetingTopic } from './run-writes.js';

/**
 * The part of the meeting view that is the same for everyone on the meeting: what it holds is
 * decided here, what each person may see of it is decided by `meetingViewFor`. An instance may
 * keep one per meeting and drop it on the meeting's next live event (`seq` says which it shows).
 */
export interface MeetingSnapshot {
  meeting: MeetingRecord;
  run: RunRecord | null;
  /** The last live event of the meeting read before anything else: nothing after it is missed. */
  seq: number;
  caseTargetMinutes: number;
  actionTaskHours: number;
  statement: string;
  register: RegisterLine[];
  /** The running order (before the start: the planned order, all waiting), defer reasons in. */
  cases: RunCase[];
  review: ReviewItem[];
}

const runCaseOf = (
  c: {
    referralId: string;
    reference: string;
    hasChildren: boolean;
    state: RunCase['state'];
    currentSince: Date | null;
    secondsSpent: number;
  },
  deferReason: string | null,
): RunCase => ({
  referralId: c.referralId,
  reference: c.reference,
  hasChildren: c.hasChildren,
  state: c.state,
  currentSince: c.currentSince?.toISOString() ?? null,
  secondsSpent: c.secondsSpent,
  deferReason,
});

/** The cases as the meeting stands: its record once started, the planned order before. */
async function casesOf(repos: Repos, meeting: MeetingRecord, run: RunRecord | null) {
  if (!run) {
    const planned = await plannedCases(repos, meeting);
    return planned.map((c) =>
      runCaseOf({ ...c, state: 'waiting', currentSince: null, secondsSpent: 0 }, null),
    );
  }
  const found: RunCase[] = [];
  for (const c of await repos.meetingRun.cases(meeting.id)) {
    const reason =
      c.state === 'deferred' ? await repos.meetingRun.deferReason(meeting.id, c.referralId) : null;
    found.push(runCaseOf(c, reason));
  }
  return found;
}

/** Loads the meeting's shared view; null when there is no such meeting. */
export async function loadMeetingSnapshot(
  repos: Repos,
  meetingId: string,
): Promise<MeetingSnapshot | null> {
  // First: an event committed while the rest is read is numbered above this, and followed.
  const seq = await repos.live.lastSeq(meetingTopic(meetingId));
  const meeting = await repos.meetings.get(meetingId);
  if (!meeting) return null;
  const run = await repos.meetingRun.run(meeting.id);
  // One after another: the reads share the transaction's one connection.
  const caseTargetMinutes = await repos.meetingRun.caseTargetMinutes(meeting.areaId);
  const area = await repos.areas.get(meeting.areaId);
  const actionTaskHours = area?.protocol.actionTaskHours ?? defaultProtocol.actionTaskHours;
  const register = await registerOf(repos, meeting);
  const cases = await casesOf(repos, meeting, run);
  const review = await loadReviewItems(repos, meeting);
  return {
    meeting,
    run,
    seq,
    caseTargetMinutes,
    actionTaskHours,
    statement: defaultConfidentialityStatement,
    register,
    cases,
    review,
  };
}

/**
 * The meeting's live events that change nothing a snapshot holds: an action, or the notes, of a
 * case on this meeting (a snapshot holds the register, the running order and the review of
 * earlier meetings' actions, never this meeting's own actions or notes). A kept snapshot stays
 * true across them with its `seq` moved on; any other kind means reading the store again.
 * Whoever adds this meeting's actions or notes to the snapshot takes their kind out of here.
 */
export const SNAPSHOT_UNCHANGED_BY: ReadonlySet<string> = new Set(['case.action', 'case.notes']);

/** Where the meeting view's reads take the snapshot from: the store, or a cache in front of it. */
export interface MeetingSnapshotSource {
  load(meetingId: string): Promise<MeetingSnapshot | null>;
}

/** Straight from the store, one read transaction per load. */
export const storeSnapshots = (uow: UnitOfWork): MeetingSnapshotSource => ({
  load: (meetingId) => uow.run((repos) => loadMeetingSnapshot(repos, meetingId)),
});
