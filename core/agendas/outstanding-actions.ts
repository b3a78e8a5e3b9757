import { londonDateOf } from '../calendar/london-time.js';
import type { MeetingRecord, Repos } from '../ports/store.js';
import type { ActionReviewLine } from './agenda.js';

/**
 * The actions for the agenda's review of incomplete actions: those agreed at the area's earlier
 * meetings that are still open or ongoing now, oldest meeting first. Read when the draft is
 * built, so an action marked done (or ended with a reason) leaves the draft at once; a published
 * version keeps the list it was published with (the chair's review in the meeting reads live).
 */
export async function outstandingActionLines(
  repos: Repos,
  meeting: Pick<MeetingRecord, 'id' | 'areaId'>,
  agencyNames: ReadonlyMap<string, string>,
): Promise<ActionReviewLine[]> {
  const found = (await repos.meetingActions.incompleteBefore(meeting.areaId, meeting.id)).filter(
    (f) => f.action.status === 'open' || f.action.status === 'ongoing',
  );
  const references = new Map<string, string>();
  for (const meetingId of new Set(found.map((f) => f.action.meetingId))) {
    for (const c of await repos.meetingRun.cases(meetingId))
      references.set(c.referralId, c.reference);
  }
  return found.map(({ action }) => ({
    reference: references.get(action.referralId) ?? 'A case no longer on record',
    agency: agencyNames.get(action.ownerAgencyId) ?? 'An agency no longer in this area',
    action: action.what,
    dueOn: londonDateOf(action.dueAt),
  }));
}
