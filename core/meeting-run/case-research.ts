import type { z } from 'zod';
import type { runResearchSchema } from '../contracts/meeting-api.js';
import type { ResearchSharing } from '../contracts/research.js';
import { meetingResearchIn } from '../research/read-meeting-research.js';
import type { Repos } from '../ports/store.js';
import type { MeetingSeat, MeetingViewer } from './meeting-seat.js';
import { researchLines } from './research-text.js';

type RunResearch = z.infer<typeof runResearchSchema>;

export interface CaseResearchView {
  research: RunResearch[];
  researchWithheld: string | null;
}

const OBSERVER =
  'Observers do not read agencies\u2019 research: it is shared only among the agencies on the meeting.';
const NOT_YOURS =
  'Only the chair and the coordinator read other agencies\u2019 research: each agency speaks to its own at the meeting.';
const STATUS_ONLY =
  'This area\u2019s information sharing protocol shares the status of research only: each agency speaks to its own at the meeting.';
const NOT_OPENED = 'Research on this case opens when the chair opens the case in the meeting.';

/**
 * One case's research as this person may read it at the meeting, by the read rules of issue 9
 * (`researchAccess`): the area's sharing setting decides, sealed `at-meeting` research opens once
 * the chair has opened the case, and each response read is audited there. Observers get none of
 * it, not even the statuses. When any submitted answer is held back, the words say why.
 */
export async function caseResearchFor(
  repos: Repos,
  now: Date,
  viewer: MeetingViewer,
  seat: MeetingSeat,
  referralId: string,
): Promise<CaseResearchView> {
  if (seat.seat === 'observer') return { research: [], researchWithheld: OBSERVER };
  const view = await meetingResearchIn(repos, now, { ...viewer, referralId });
  const agencies = new Map((await repos.areas.agencies(view.area.id)).map((a) => [a.id, a.name]));
  const research = view.cells.map((c) => ({
    agencyId: c.agencyId,
    agencyName: agencies.get(c.agencyId) ?? 'An agency no longer in this area',
    status: c.status,
    text: c.response ? researchLines(c.response) : null,
  }));
  const heldBack = view.cells.some((c) => c.submittedAt !== null && c.response === undefined);
  if (!heldBack) return { research, researchWithheld: null };
  const opened = (await repos.research.openedCases(seat.meeting.id)).has(referralId);
  return { research, researchWithheld: whyWithheld(seat, view.sharing, opened) };
}

function whyWithheld(seat: MeetingSeat, sharing: ResearchSharing, opened: boolean): string {
  if (!seat.mayRecord) return NOT_YOURS;
  if (sharing === 'status-only') return STATUS_ONLY;
  return sharing === 'at-meeting' && !opened ? NOT_OPENED : NOT_YOURS;
}
