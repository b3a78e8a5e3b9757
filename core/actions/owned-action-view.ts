import {
  CHILDRENS_FEEDBACK_DAYS,
  type ActionUpdate,
  type OwnedAction,
} from '../contracts/action-api.js';
import type { ActionStatus } from '../contracts/meeting-api.js';
import { londonDateOf, londonTimeOf } from '../calendar/london-time.js';
import type { ActionUpdateRecord } from '../ports/action-updates.js';
import type { ActionRecord } from '../ports/meeting-run.js';
import type { AgencyRecord, Repos } from '../ports/store.js';
import { addDays } from '../shared/local-date.js';

/** The agency kind whose actions are children's services tasks (feedback within a week). */
export const CHILDRENS_AGENCY_KIND = 'childrens-social-care';

/** Open or ongoing: what still has to be done (issue #11's settled definition). */
export const isIncomplete = (status: ActionStatus): boolean =>
  status === 'open' || status === 'ongoing';

/** An action and the date of the meeting that agreed it. */
export interface OwnedItem {
  action: ActionRecord;
  meetingDate: string;
}

/**
 * Actions as their owner agency sees them: the case by its reference, the agency by name, the
 * due time in London words, whether it is overdue, a children's services task's feedback date,
 * and every update made since the meeting (the words decrypted, who made it by name).
 */
export async function ownedActionViews(
  repos: Repos,
  now: Date,
  items: readonly OwnedItem[],
): Promise<OwnedAction[]> {
  if (items.length === 0) return [];
  const agencies = new Map<string, AgencyRecord>();
  for (const areaId of new Set(items.map((i) => i.action.areaId))) {
    for (const agency of await repos.areas.agencies(areaId)) agencies.set(agency.id, agency);
  }
  const references = new Map<string, string>();
  for (const meetingId of new Set(items.map((i) => i.action.meetingId))) {
    for (const c of await repos.meetingRun.cases(meetingId)) {
      references.set(c.referralId, c.reference);
    }
  }
  const updates = await repos.actionUpdates.forActions(items.map((i) => i.action.id));
  const names = await repos.meetingRun.names([
    ...new Set(updates.flatMap((u) => (u.updatedBy ? [u.updatedBy] : []))),
  ]);
  const historyOf = (actionId: string): ActionUpdate[] =>
    updates
      .filter((u) => u.actionId === actionId)
      .map((u: ActionUpdateRecord) => ({
        outcome: u.outcome,
        words: u.words,
        previousDueAt: u.previousDueAt.toISOString(),
        newDueAt: u.newDueAt?.toISOString() ?? null,
        agencyName: agencies.get(u.agencyId)?.name ?? 'An agency no longer in this area',
        by: u.updatedBy === null ? 'The system' : (names.get(u.updatedBy) ?? 'A former member'),
        at: u.updatedAt.toISOString(),
      }));
  return items.map(({ action: a, meetingDate }) => {
    const agency = agencies.get(a.ownerAgencyId);
    const incomplete = isIncomplete(a.status);
    return {
      id: a.id,
      areaId: a.areaId,
      meetingId: a.meetingId,
      meetingDate,
      referralId: a.referralId,
      reference: references.get(a.referralId) ?? 'A case no longer on record',
      ownerAgencyId: a.ownerAgencyId,
      ownerAgencyName: agency?.name ?? 'An agency no longer in this area',
      ownerPerson: a.ownerPerson,
      what: a.what,
      risk: a.risk,
      dueAt: a.dueAt.toISOString(),
      dueDate: londonDateOf(a.dueAt),
      dueTime: londonTimeOf(a.dueAt),
      urgent: a.urgent,
      status: a.status,
      incomplete,
      overdue: incomplete && a.dueAt.getTime() < now.getTime(),
      feedbackBy:
        agency?.kind === CHILDRENS_AGENCY_KIND
          ? addDays(meetingDate, CHILDRENS_FEEDBACK_DAYS)
          : null,
      history: historyOf(a.id),
      version: a.version,
    };
  });
}

/** Incomplete first by due time, then the finished, most recently updated first. */
export function inListOrder(actions: readonly OwnedAction[], items: readonly OwnedItem[]) {
  const updatedAt = new Map(items.map((i) => [i.action.id, i.action.updatedAt.getTime()]));
  const open = actions
    .filter((a) => a.incomplete)
    .sort((x, y) => x.dueAt.localeCompare(y.dueAt) || x.id.localeCompare(y.id));
  const finished = actions
    .filter((a) => !a.incomplete)
    .sort((x, y) => (updatedAt.get(y.id) ?? 0) - (updatedAt.get(x.id) ?? 0));
  return [...open, ...finished];
}
