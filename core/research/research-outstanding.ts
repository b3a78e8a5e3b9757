import type { StoredResearchStatus } from '../contracts/research.js';
import type { MeetingRecord, Repos } from '../ports/store.js';
import { isUnanswered } from './research-status.js';

/**
 * Whether an agency still owes an answer on a case: nothing recorded, a prompt sent or seen, or
 * a draft. A draft is not an answer (the chair and coordinator never read it as one), so its rep
 * is still reminded; submitted and "nothing known" are answers.
 */
export const awaitsAnswer = (status: StoredResearchStatus | undefined): boolean =>
  isUnanswered(status) || status === 'draft';

/** One agency's count of cases it has not answered, out of the meeting's cases. */
export interface AgencyOutstanding {
  agencyId: string;
  outstanding: number;
}

export interface MeetingOutstanding {
  /** The cases on the meeting (accepted referrals). */
  cases: number;
  /** Every agency on the meeting's list, in its order, with its count (0 when all answered). */
  agencies: AgencyOutstanding[];
}

/**
 * How many of a meeting's cases each agency on its list has still to answer: counts from the
 * stored statuses only, so nothing is decrypted and no case is named.
 */
export async function outstandingResearch(
  repos: Repos,
  meeting: Pick<MeetingRecord, 'id' | 'areaId'>,
): Promise<MeetingOutstanding> {
  const caseIds = await repos.meetings.caseIds(meeting.id);
  const { agencyIds } = await repos.agendas.members(meeting.id, meeting.areaId);
  const cells = await repos.research.statuses(meeting.id);
  const statusOf = new Map(cells.map((c) => [`${c.agencyId}:${c.referralId}`, c.status]));
  return {
    cases: caseIds.length,
    agencies: agencyIds.map((agencyId) => ({
      agencyId,
      outstanding: caseIds.filter((id) => awaitsAnswer(statusOf.get(`${agencyId}:${id}`))).length,
    })),
  };
}
