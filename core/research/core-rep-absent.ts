import type { Repos } from '../ports/store.js';
import { DomainError } from '../shared/errors.js';
import { meetingCaseRefs } from './meeting-cases.js';
import { promptRecipients } from './prompt-recipients.js';
import type { ResearchDeps } from './research-deps.js';
import { queueResearchPrompts } from './research-prompts.js';

/**
 * The coordinator marks an agency's core rep absent for one meeting (leave, illness), or back.
 * Where the area prompts deputies only when the core rep is absent, marking them so sends the
 * deputy the research prompts now, if the agenda is out; marking them back sends nothing more
 * (the deputy keeps what they have). Audited; the agency must be on the meeting's list.
 */
export async function markCoreRepAbsent(
  deps: ResearchDeps,
  input: {
    meetingId: string;
    agencyId: string;
    absent: boolean;
    markedBy: string | null;
    cardPerCaseUpTo: number;
  },
): Promise<{ absent: boolean; deputiesPrompted: number }> {
  return deps.uow.run(async (repos) => {
    const meeting = await repos.meetings.get(input.meetingId);
    if (!meeting) throw new DomainError('MEETING_NOT_FOUND', 'There is no such meeting.');
    const members = await repos.agendas.members(meeting.id, meeting.areaId);
    if (!members.agencyIds.includes(input.agencyId)) {
      throw new DomainError(
        'NOT_FOUND',
        'This agency is not on the meeting\u2019s list. Add it to the meeting first.',
      );
    }
    await repos.research.setCoreRepAbsent({ ...input, at: deps.clock.now() });
    await repos.audit.record(
      input.absent ? 'research.core-rep-absent' : 'research.core-rep-present',
      'agency',
      input.agencyId,
    );
    const deputiesPrompted = input.absent
      ? await promptDeputies(repos, meeting, input.agencyId, input.cardPerCaseUpTo)
      : 0;
    return { absent: input.absent, deputiesPrompted };
  });
}

async function promptDeputies(
  repos: Repos,
  meeting: { id: string; areaId: string },
  agencyId: string,
  cardPerCaseUpTo: number,
): Promise<number> {
  if (!(await repos.agendas.firstPublished(meeting.areaId)).has(meeting.id)) return 0;
  const deputies = (await promptRecipients(repos, meeting)).filter(
    (r) => r.agencyId === agencyId && r.role === 'deputy',
  );
  if (deputies.length === 0) return 0;
  const caseIds = (await meetingCaseRefs(repos, meeting.id)).map((c) => c.id);
  await queueResearchPrompts(repos, meeting, { caseIds, cardPerCaseUpTo, recipients: deputies });
  return deputies.length;
}
