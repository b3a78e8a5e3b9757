import type { MeetingRun } from '../contracts/meeting-api.js';
import { queueActionCards } from '../actions/queue-action-cards.js';
import { openAfterMeeting } from '../after-meeting/open-after-meeting.js';
import { DomainError } from '../shared/errors.js';
import type { MeetingViewer } from './meeting-seat.js';
import type { MeetingRunDeps } from './run-deps.js';
import {
  auditedRunWrite,
  chairsRunningMeeting,
  caseLeft,
  publishMeetingEvent,
} from './run-writes.js';
import { viewAfterWrite, type ViewAfterWriteDeps } from './view-after-write.js';

/**
 * The chair closes the meeting: the end time is recorded, the case it was on is heard, and the
 * record is frozen (later changes are corrections). Refused while a case is still waiting: each
 * is heard or deferred first, so no case is left without a meeting. The close produces the
 * action plan (queued to each agency at once) and opens the minutes' draft (issue #11).
 */
export async function closeMeeting(
  deps: MeetingRunDeps & ViewAfterWriteDeps,
  input: { viewer: MeetingViewer },
): Promise<MeetingRun> {
  const { viewer } = input;
  await auditedRunWrite(deps, 'meeting.close', viewer.meetingId, () =>
    deps.uow.run(async (repos) => {
      const { meeting, run } = await chairsRunningMeeting(
        repos,
        viewer,
        'The meeting has not started: there is nothing to close.',
      );
      const cases = await repos.meetingRun.cases(meeting.id);
      const waiting = cases.filter((c) => c.state === 'waiting').length;
      if (waiting > 0) {
        throw new DomainError(
          'CONFLICT',
          waiting === 1
            ? '1 case is still waiting to be heard: hear it or defer it before closing the meeting.'
            : `${waiting} cases are still waiting to be heard: hear or defer each before closing the meeting.`,
        );
      }
      const now = deps.clock.now();
      for (const c of cases.filter((c) => c.state === 'current')) {
        await repos.meetingRun.saveCase(caseLeft(c, now, 'heard'));
      }
      await repos.meetingRun.saveRun({
        ...run,
        state: 'closed',
        currentReferralId: null,
        closedAt: now,
        closedBy: viewer.personId,
        version: run.version + 1,
      });
      await repos.audit.record('meeting.close', 'meeting', meeting.id);
      await queueActionCards(repos, meeting.id);
      // The action plan goes out at once and the minutes' draft opens, in this transaction.
      await openAfterMeeting(repos, deps, {
        meeting,
        startedAt: run.startedAt,
        closedAt: now,
        closedBy: viewer.personId,
      });
      await publishMeetingEvent(repos, meeting.id, 'meeting.closed');
    }),
  );
  return viewAfterWrite(deps, viewer);
}
