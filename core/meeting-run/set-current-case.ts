import type { MeetingRun } from '../contracts/meeting-api.js';
import { londonTimeOf } from '../calendar/london-time.js';
import type { RunCaseRecord, RunRecord } from '../ports/meeting-run.js';
import type { MeetingRecord, Repos } from '../ports/store.js';
import { OPEN_CASES_MINUTES_BEFORE_START } from '../research/open-case-in-meeting.js';
import { DomainError } from '../shared/errors.js';
import { requireSeat, type MeetingViewer } from './meeting-seat.js';
import type { MeetingRunDeps } from './run-deps.js';
import { plannedCases } from './running-order.js';
import { auditedRunWrite, caseLeft, publishMeetingEvent, requireNotClosed } from './run-writes.js';
import { viewAfterWrite, type ViewAfterWriteDeps } from './view-after-write.js';

/**
 * Starts the meeting: the run, and the running order taken now (so a case deferred later stays
 * on this meeting's record). Needs the referrals' cases, whose keys seal what is said of them.
 */
async function startRun(
  repos: Repos,
  meeting: MeetingRecord,
  chairId: string,
  now: Date,
): Promise<RunRecord> {
  const planned = await plannedCases(repos, meeting);
  const cases: RunCaseRecord[] = [];
  for (const [position, c] of planned.entries()) {
    const referral = await repos.referrals.get(c.referralId);
    if (!referral) continue;
    cases.push({
      meetingId: meeting.id,
      referralId: c.referralId,
      caseId: referral.caseId,
      position: position + 1,
      reference: c.reference,
      hasChildren: c.hasChildren,
      state: 'waiting',
      currentSince: null,
      secondsSpent: 0,
      deferredTo: null,
    });
  }
  const run: RunRecord = {
    meetingId: meeting.id,
    state: 'in-progress',
    startedAt: now,
    startedBy: chairId,
    currentReferralId: null,
    closedAt: null,
    closedBy: null,
    version: 1,
  };
  await repos.meetingRun.saveRun(run);
  await repos.meetingRun.insertCases(cases);
  await repos.audit.record('meeting.start', 'meeting', meeting.id);
  return run;
}

/**
 * The chair moves the meeting to a case (or to none, between cases). The first move starts the
 * meeting. The case left is heard, its time added to its timer; the case opened unseals the
 * research kept for the meeting. Not before 30 minutes before the start, nor after the close.
 */
export async function setCurrentCase(
  deps: MeetingRunDeps & ViewAfterWriteDeps,
  input: { viewer: MeetingViewer; referralId: string | null },
): Promise<MeetingRun> {
  const { viewer, referralId } = input;
  await auditedRunWrite(deps, 'meeting.current', viewer.meetingId, () =>
    deps.uow.run(async (repos) => {
      await repos.meetingRun.lock(viewer.meetingId);
      const { meeting } = await requireSeat(repos, viewer, { run: true, confirmed: true });
      if (meeting.status === 'cancelled') {
        throw new DomainError('MEETING_CANCELLED', 'This meeting is cancelled: it cannot be run.');
      }
      const now = deps.clock.now();
      const opensAt = new Date(
        meeting.startsAt.getTime() - OPEN_CASES_MINUTES_BEFORE_START * 60_000,
      );
      if (now < opensAt) {
        throw new DomainError(
          'CONFLICT',
          `The meeting has not started yet: you can start it from ${londonTimeOf(opensAt)} on ${meeting.date}.`,
        );
      }
      const before = await repos.meetingRun.run(meeting.id);
      requireNotClosed(before);
      // Moving to the case the meeting is on already changes nothing (a second click).
      if (before && before.currentReferralId === referralId) return;
      const run = before ?? (await startRun(repos, meeting, viewer.personId, now));
      const cases = await repos.meetingRun.cases(meeting.id);
      const target = referralId === null ? null : cases.find((c) => c.referralId === referralId);
      if (target === undefined) {
        throw new DomainError(
          'NOT_FOUND',
          'This case is not on this meeting\u2019s running order.',
        );
      }
      if (target?.state === 'deferred') {
        throw new DomainError(
          'CONFLICT',
          'This case was deferred to another meeting: it is heard there.',
        );
      }
      const left = cases.find((c) => c.referralId === run.currentReferralId);
      if (left && left.referralId !== referralId) {
        await repos.meetingRun.saveCase(caseLeft(left, now, 'heard'));
      }
      if (target && target.state !== 'current') {
        await repos.meetingRun.saveCase({ ...target, state: 'current', currentSince: now });
        await repos.research.openCase({
          meetingId: meeting.id,
          referralId: target.referralId,
          openedBy: viewer.personId,
          at: now,
        });
      }
      await repos.meetingRun.saveRun({
        ...run,
        currentReferralId: referralId,
        version: run.version + 1,
      });
      await repos.audit.record(
        'meeting.current',
        referralId === null ? 'meeting' : 'referral',
        referralId ?? meeting.id,
      );
      await publishMeetingEvent(
        repos,
        meeting.id,
        'meeting.current',
        referralId === null ? {} : { referralId },
      );
    }),
  );
  return viewAfterWrite(deps, viewer);
}
