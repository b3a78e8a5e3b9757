import { DomainError } from '../shared/errors.js';
import { auditedWrite } from './research-access.js';
import type { ResearchDeps } from './research-deps.js';

/**
 * How long before the meeting's start the chair may open its cases: time to set up, not a way to
 * read `at-meeting` research the day before.
 */
export const OPEN_CASES_MINUTES_BEFORE_START = 30;

/**
 * The chair opens a case in the meeting: under `at-meeting` this is what unseals the submitted
 * research on it for the coordinator and the chair. Only a chair of the meeting may, only for a
 * case on it, and not before the meeting; opening twice keeps the first time. Refusals are
 * audited.
 */
export async function openCaseInMeeting(
  deps: ResearchDeps,
  input: { meetingId: string; referralId: string; personId: string },
): Promise<void> {
  await auditedWrite(deps, 'research.open-case', input.meetingId, () =>
    deps.uow.run(async (repos) => {
      const meeting = await repos.meetings.get(input.meetingId);
      if (!meeting) throw new DomainError('MEETING_NOT_FOUND', 'There is no such meeting.');
      const members = await repos.agendas.members(meeting.id, meeting.areaId);
      if (!members.chairIds.includes(input.personId)) {
        throw new DomainError('FORBIDDEN', 'Only the chair of this meeting can open its cases.');
      }
      if (!(await repos.meetings.caseIds(meeting.id)).includes(input.referralId)) {
        throw new DomainError('NOT_FOUND', 'This case is not on this meeting\u2019s agenda.');
      }
      const now = deps.clock.now();
      const opensAt = meeting.startsAt.getTime() - OPEN_CASES_MINUTES_BEFORE_START * 60_000;
      if (now.getTime() < opensAt) {
        throw new DomainError(
          'CONFLICT',
          'The meeting has not started yet: open its cases in the meeting.',
        );
      }
      await repos.research.openCase({
        meetingId: meeting.id,
        referralId: input.referralId,
        openedBy: input.personId,
        at: now,
      });
      await repos.audit.record('research.open-case', 'referral', input.referralId);
    }),
  );
}
