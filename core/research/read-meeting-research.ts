import type { Role } from '../contracts/api.js';
import type { ResearchDraft, ResearchSharing, ResearchStatus } from '../contracts/research.js';
import type { ResearchStatusRecord } from '../ports/research.js';
import type { AreaRecord, MeetingRecord, Repos } from '../ports/store.js';
import { DomainError } from '../shared/errors.js';
import { mayReadResearch, researchAccess, type ResearchReader } from './read-rules.js';
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

export interface MeetingResearchQuery {
  meetingId: string;
  personId: string;
  roles: readonly Role[];
  /** One case only (the per-case read); every case of the meeting when absent. */
  referralId?: string;
  /** false: statuses only, nothing decrypted or audited (the matrix). Default true. */
  text?: boolean;
}

/**
 * A meeting's research as one person may see it: every case by every agency on the meeting's
 * list, each cell's status (late once the deadline has passed), and the words only where the
 * area's sharing setting lets this reader have them. Cells the reader may not see at all are
 * left out; a person who may see none (not on the meeting, not its coordinator) is refused.
 * Each response read is audited by its id.
 */
export async function readMeetingResearch(
  deps: ResearchDeps,
  input: MeetingResearchQuery,
): Promise<MeetingResearchView> {
  return deps.uow.run((repos) => meetingResearchIn(repos, deps.clock.now(), input));
}

/** `readMeetingResearch` inside the caller's transaction, with the reader it found. */
export async function meetingResearchIn(
  repos: Repos,
  now: Date,
  input: MeetingResearchQuery,
): Promise<
  MeetingResearchView & { meeting: MeetingRecord; area: AreaRecord; reader: ResearchReader }
> {
  const meeting = await repos.meetings.get(input.meetingId);
  if (!meeting) throw new DomainError('MEETING_NOT_FOUND', 'There is no such meeting.');
  const area = (await repos.areas.get(meeting.areaId))!;
  const reader = await researchReaderFor(repos, meeting, input);
  if (!mayReadResearch(reader)) {
    throw new DomainError(
      'FORBIDDEN',
      'You are not on this meeting, so its research is not open to you. Ask the MARAC coordinator if you should be.',
    );
  }
  const sharing = await repos.research.sharing(area.id);
  const deadline = researchDeadline(meeting, area);
  const opened = await repos.research.openedCases(meeting.id);
  const stored = await repos.research.statuses(meeting.id);
  const agencies = (await repos.agendas.members(meeting.id, area.id)).agencyIds;
  const caseIds = (await repos.meetings.caseIds(meeting.id)).filter(
    (id) => input.referralId === undefined || id === input.referralId,
  );
  const cells: ResearchCellView[] = [];
  for (const referralId of caseIds) {
    for (const agencyId of agencies) {
      const cell = stored.find((c) => c.referralId === referralId && c.agencyId === agencyId);
      const access = researchAccess(sharing, reader, {
        agencyId,
        status: cell?.status ?? 'not-sent',
        caseOpened: opened.has(referralId),
      });
      if (access === 'none') continue;
      const view = statusView(referralId, agencyId, cell, deadline, now);
      if (access === 'text' && cell && input.text !== false) {
        view.response = (await repos.research.get(cell))?.response ?? null;
        await repos.audit.record('research.read', 'research', cell.id);
      }
      cells.push(view);
    }
  }
  return { meetingId: meeting.id, sharing, deadline, cells, meeting, area, reader };
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
