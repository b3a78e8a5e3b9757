import type { MeetingAction } from '../contracts/meeting-api.js';
import { londonDateOf, londonTimeOf } from '../calendar/london-time.js';
import type { ActionRecord } from '../ports/meeting-run.js';
import type { Repos } from '../ports/store.js';

/**
 * Actions as the meeting shows them: the owner agency by name, the case by its reference, the
 * due time in London words beside the instant, and who last saved it by name.
 */
export async function actionViews(
  repos: Repos,
  areaId: string,
  actions: readonly ActionRecord[],
): Promise<MeetingAction[]> {
  if (actions.length === 0) return [];
  const agencies = new Map((await repos.areas.agencies(areaId)).map((a) => [a.id, a.name]));
  const names = await repos.meetingRun.names(
    actions.flatMap((a) => (a.updatedBy ? [a.updatedBy] : [])),
  );
  const references = new Map<string, string>();
  for (const meetingId of new Set(actions.map((a) => a.meetingId))) {
    for (const c of await repos.meetingRun.cases(meetingId)) {
      references.set(c.referralId, c.reference);
    }
  }
  return actions.map((a) => ({
    id: a.id,
    meetingId: a.meetingId,
    referralId: a.referralId,
    reference: references.get(a.referralId) ?? 'A case no longer on record',
    ownerAgencyId: a.ownerAgencyId,
    ownerAgencyName: agencies.get(a.ownerAgencyId) ?? 'An agency no longer in this area',
    ownerPerson: a.ownerPerson,
    what: a.what,
    dueAt: a.dueAt.toISOString(),
    dueDate: londonDateOf(a.dueAt),
    dueTime: londonTimeOf(a.dueAt),
    risk: a.risk,
    urgent: a.urgent,
    status: a.status,
    version: a.version,
    updatedAt: a.updatedAt.toISOString(),
    updatedBy: a.updatedBy === null ? null : (names.get(a.updatedBy) ?? 'A former member'),
  }));
}
