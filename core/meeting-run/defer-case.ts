import type { z } from 'zod';
import { londonDateOf } from '../calendar/london-time.js';
import type { deferredSchema } from '../contracts/meeting-api.js';
import { moveCase, nextMeetingAfter } from '../scheduling/move-cases.js';
import { DomainError } from '../shared/errors.js';
import type { MeetingViewer } from './meeting-seat.js';
import type { MeetingRunDeps } from './run-deps.js';
import {
  auditedRunWrite,
  chairsRunningMeeting,
  caseLeft,
  publishMeetingEvent,
} from './run-writes.js';

export type Deferred = z.infer<typeof deferredSchema>;

/**
 * The chair defers a case to the area's next meeting, with the reason (sealed under the case's
 * key: the chair and coordinator read it). The referral moves as any moved case does (kept with
 * its reason, the referrer told of the new date only); this meeting's record keeps the case as
 * deferred. Deferring it again answers the same.
 */
export function deferCase(
  deps: MeetingRunDeps,
  input: { viewer: MeetingViewer; referralId: string; reason: string },
): Promise<Deferred> {
  const { viewer, referralId } = input;
  return auditedRunWrite(deps, 'meeting.defer', viewer.meetingId, () =>
    deps.uow.run(async (repos) => {
      const { meeting, run } = await chairsRunningMeeting(
        repos,
        viewer,
        'The meeting has not started: to move a case before the meeting, move it from the agenda.',
      );
      const record = (await repos.meetingRun.cases(meeting.id)).find(
        (c) => c.referralId === referralId,
      );
      if (!record) {
        throw new DomainError(
          'NOT_FOUND',
          'This case is not on this meeting\u2019s running order.',
        );
      }
      if (record.state === 'deferred') {
        const to = (await repos.meetings.get(record.deferredTo!))!;
        return { referralId, toMeetingId: to.id, toMeetingDate: to.date };
      }
      if (record.state === 'heard') {
        throw new DomainError(
          'CONFLICT',
          'This case was heard at this meeting: it cannot be deferred. Record what is left as actions.',
        );
      }
      const now = deps.clock.now();
      const to = await nextMeetingAfter(repos, meeting, londonDateOf(now));
      if (!to) {
        throw new DomainError(
          'CONFLICT',
          'There is no later meeting of this area to defer the case to: ask the coordinator to add one, then defer it.',
        );
      }
      const referral = await repos.referrals.get(referralId);
      if (!referral || referral.meetingId !== meeting.id) {
        throw new DomainError(
          'CONFLICT',
          'This case has been moved to another meeting since the meeting started.',
        );
      }
      await moveCase(deps, repos, { referral, to, reason: input.reason });
      await repos.meetingRun.saveCase({ ...caseLeft(record, now, 'deferred'), deferredTo: to.id });
      await repos.meetingRun.setDeferReason({
        meetingId: meeting.id,
        referralId,
        caseId: record.caseId,
        reason: input.reason,
      });
      if (run.currentReferralId === referralId) {
        await repos.meetingRun.saveRun({
          ...run,
          currentReferralId: null,
          version: run.version + 1,
        });
      }
      await repos.audit.record('meeting.defer', 'referral', referralId);
      await publishMeetingEvent(repos, meeting.id, 'case.deferred', { referralId });
      return { referralId, toMeetingId: to.id, toMeetingDate: to.date };
    }),
  );
}
