import type { Role } from '../contracts/api.js';
import type { ResearchSharing, StoredResearchStatus } from '../contracts/research.js';

/** Who is reading a meeting's research, as the route layer finds them (ids only). */
export interface ResearchReader {
  /** The reader's roles in the meeting's area. */
  roles: readonly Role[];
  /** Agencies on the meeting's list of which the reader is the core rep or the deputy. */
  repOfAgencies: readonly string[];
  /** A chair named on the meeting (any chair of the area while no list is set). */
  chairsMeeting: boolean;
  /** Sits on the meeting in any way: a rep of an agency on its list, its chair or an IDVA on it. */
  sitsOnMeeting: boolean;
}

export interface ResearchCellFacts {
  agencyId: string;
  status: StoredResearchStatus;
  /** The chair has opened this case in the meeting. */
  caseOpened: boolean;
}

/** `text`: the response; `status`: that a cell exists and how far it got; `none`: not even that. */
export type ResearchAccess = 'text' | 'status' | 'none';

/**
 * What a reader may see of one agency's research on one case under the area's setting.
 *
 * - An agency's own reps always read their own research, drafts too (their speaking notes).
 * - Only the coordinator and a chair of the meeting ever read another agency's words, and only
 *   once submitted: `before-meeting` as they arrive, `at-meeting` once the chair opens the case,
 *   `status-only` never. A draft is its agency's own until submitted.
 * - Everyone else on the meeting (other agencies' reps, IDVAs), and the area's admins, see the
 *   status only; anyone else sees nothing.
 */
export function researchAccess(
  sharing: ResearchSharing,
  reader: ResearchReader,
  cell: ResearchCellFacts,
): ResearchAccess {
  if (reader.repOfAgencies.includes(cell.agencyId)) return 'text';
  const coordinates = reader.roles.includes('coordinator');
  const chairs = reader.roles.includes('chair') && reader.chairsMeeting;
  const seesStatus =
    coordinates || chairs || reader.roles.includes('admin') || reader.sitsOnMeeting;
  if (!seesStatus) return 'none';
  if (!(coordinates || chairs) || cell.status !== 'submitted') return 'status';
  return textOpenFor(sharing, cell.caseOpened) ? 'text' : 'status';
}

function textOpenFor(sharing: ResearchSharing, caseOpened: boolean): boolean {
  switch (sharing) {
    case 'before-meeting':
      return true;
    case 'at-meeting':
      return caseOpened;
    case 'status-only':
      return false;
  }
}

/**
 * Whether the reader may see anything of a meeting's research: its coordinator or an admin of
 * the area, a chair of the meeting, or anyone sitting on it. Anyone else is refused outright.
 */
export function mayReadResearch(reader: ResearchReader): boolean {
  return (
    reader.roles.includes('coordinator') ||
    reader.roles.includes('admin') ||
    (reader.roles.includes('chair') && reader.chairsMeeting) ||
    reader.sitsOnMeeting
  );
}
