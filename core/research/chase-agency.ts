import { DomainError } from '../shared/errors.js';
import { promptRecipients } from './prompt-recipients.js';
import { auditedWrite } from './research-access.js';
import { deadlineInWords, researchDeadline } from './research-deadline.js';
import type { ResearchDeps } from './research-deps.js';
import { outstandingResearch } from './research-outstanding.js';

/**
 * The coordinator chases one agency now: each of its prompted reps (the reps who get its
 * prompts and reminders) is sent a reminder, when the agency has at least one case still to
 * answer. The route checks that the caller coordinates the area; this checks the meeting is
 * open for research and the agency is on its list. Audited as `research.chase`, by meeting.
 */
export async function chaseAgency(
  deps: ResearchDeps,
  input: { meetingId: string; agencyId: string },
): Promise<{ reminded: number }> {
  return auditedWrite(deps, 'research.chase', input.meetingId, () =>
    deps.uow.run(async (repos) => {
      const meeting = await repos.meetings.get(input.meetingId);
      if (!meeting) throw new DomainError('MEETING_NOT_FOUND', 'There is no such meeting.');
      if (meeting.status === 'cancelled') {
        throw new DomainError(
          'MEETING_CANCELLED',
          'This meeting is cancelled: its cases moved to another meeting. Chase the research there.',
        );
      }
      const area = (await repos.areas.get(meeting.areaId))!;
      const { agencyIds } = await repos.agendas.members(meeting.id, area.id);
      if (!agencyIds.includes(input.agencyId)) {
        throw new DomainError(
          'NOT_FOUND',
          'This agency is not on this meeting\u2019s list, so it owes no research for it.',
        );
      }
      if (!(await repos.agendas.publishedMeetings(area.id)).has(meeting.id)) {
        throw new DomainError(
          'CONFLICT',
          'The agenda for this meeting is not published yet, so no research has been asked for. Publish the agenda first.',
        );
      }
      const deadline = researchDeadline(meeting, area);
      if (deps.clock.now().getTime() > deadline.getTime()) {
        throw new DomainError(
          'CONFLICT',
          `The research deadline was ${deadlineInWords(deadline)}: research for this meeting can no longer be given, so there is nothing to chase.`,
        );
      }
      const owed = (await outstandingResearch(repos, meeting)).agencies.find(
        (a) => a.agencyId === input.agencyId,
      );
      const reps = (owed?.outstanding ?? 0) > 0 ? await promptRecipients(repos, meeting) : [];
      // Each chase is its own action (the route's Idempotency-Key makes a retried request one).
      const chase = deps.ids.newId();
      let reminded = 0;
      for (const rep of reps) {
        if (rep.agencyId !== input.agencyId) continue;
        await repos.outbox.enqueue(
          {
            kind: 'notify.research-reminder',
            meetingId: meeting.id,
            agencyId: rep.agencyId,
            personId: rep.personId,
            days: null,
          },
          `research-chase:${meeting.id}:${rep.agencyId}:${rep.personId}:${chase}`,
        );
        reminded += 1;
      }
      await repos.audit.record('research.chase', 'meeting', meeting.id);
      return { reminded };
    }),
  );
}
