import type { Role } from '../contracts/api.js';
import type { ResearchDraft, ResearchSharing, ResearchStatus } from '../contracts/research.js';
import type { ResearchStatusRecord } from '../ports/research.js';
import { DomainError } from '../shared/errors.js';
import { researchAccess } from './read-rules.js';
import { researchDeadline } from './research-deadline.js';
import type { ResearchDeps } from './research-deps.js';
import { researchReaderFor } from './research-reader.js';
import { shownStatus } from './research-status.js';

/** One cell as a reader may see it: `response` only where the read rules give them the text. */
export interface ResearchCellView {
  referralId: string;
  agencyId: string;
  status: ResearchStatus;
  submittedBy: string | null;
  submittedAt: Date | null;
  response?: ResearchDraft | null;
}

export interface MeetingResearchView {
  meetingId: string;
  sharing: ResearchSharing;
  deadline: Date;
  cells: ResearchCellView[];
}

/**
 * A meeting's research as one person may see it: every case by every agency on the meeting's
 * list, each cell's status (late once the deadline has passed), and the words only where the
 * area's sharing setting lets this reader have them. Cells the reader may not see at all are
 * left out. Each response read is audited by its id.
 */
export async function readMeetingResearch(
  deps: ResearchDeps,
  input: { meetingId: string; personId: string; roles: readonly Role[] },
): Promise<MeetingResearchView> {
  return deps.uow.run(async (repos) => {
    const meeting = await repos.meetings.get(input.meetingId);
    if (!meeting) throw new DomainError('MEETING_NOT_FOUND', 'There is no such meeting.');
    const area = (await repos.areas.get(meeting.areaId))!;
    const reader = await researchReaderFor(repos, meeting, input);
    const sharing = await repos.research.sharing(area.id);
    const deadline = researchDeadline(meeting, area);
    const opened = await repos.research.openedCases(meeting.id);
    const stored = await repos.research.statuses(meeting.id);
    const agencies = (await repos.agendas.members(meeting.id, area.id)).agencyIds;
    const now = deps.clock.now();
    const cells: ResearchCellView[] = [];
    for (const referralId of await repos.meetings.caseIds(meeting.id)) {
      for (const agencyId of agencies) {
        const cell = stored.find((c) => c.referralId === referralId && c.agencyId === agencyId);
        const access = researchAccess(sharing, reader, {
          agencyId,
          status: cell?.status ?? 'not-sent',
          caseOpened: opened.has(referralId),
        });
        if (access === 'none') continue;
        const view = statusView(referralId, agencyId, cell, deadline, now);
        if (access === 'text' && cell) {
          view.response = (await repos.research.get(cell))?.response ?? null;
          await repos.audit.record('research.read', 'research', cell.id);
        }
        cells.push(view);
      }
    }
    return { meetingId: meeting.id, sharing, deadline, cells };
  });
}

function statusView(
  referralId: string,
  agencyId: string,
  cell: ResearchStatusRecord | undefined,
  deadline: Date,
  now: Date,
): ResearchCellView {
  return {
    referralId,
    agencyId,
    status: shownStatus(cell ?? null, deadline, now),
    submittedBy: cell?.submittedBy ?? null,
    submittedAt: cell?.submittedAt ?? null,
  };
}
