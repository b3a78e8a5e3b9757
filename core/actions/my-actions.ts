import { londonDateOf } from '../calendar/london-time.js';
import type { MyActions, OwnedAction } from '../contracts/action-api.js';
import { requireActionOwner, type ActionActor } from './action-access.js';
import type { ActionDeps } from './update-action-outcome.js';
import { inListOrder, ownedActionViews, type OwnedItem } from './owned-action-view.js';

/** How long a finished action stays on its owners' list. */
export const RECENTLY_FINISHED_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The actions owned by the agencies the person is core rep or deputy of, in every area where
 * they are one: the incomplete first by due time, then those finished in the last 30 days. Each
 * comes with its words and history, so the read is audited as a read of case data.
 */
export async function readMyActions(
  deps: ActionDeps,
  input: { personId: string },
): Promise<MyActions> {
  return deps.uow.run(async (repos) => {
    const now = deps.clock.now();
    const since = new Date(now.getTime() - RECENTLY_FINISHED_DAYS * DAY_MS);
    const refs = await repos.actionUpdates.ownedByRep(input.personId, since);
    const items: OwnedItem[] = [];
    for (const ref of refs) {
      const action = await repos.meetingActions.get(ref.actionId);
      if (action) items.push({ action, meetingDate: ref.meetingDate });
    }
    const views = await ownedActionViews(repos, now, items);
    await repos.audit.record('actions.mine-viewed', 'person', input.personId);
    return { actions: inListOrder(views, items) };
  });
}

/**
 * One action as its owner agency sees it (the card's per-user view): for its core rep or
 * deputy, or the area's coordinator; anyone else is told there is no such action. Audited.
 */
export async function readOwnedAction(
  deps: ActionDeps,
  input: ActionActor & { actionId: string },
): Promise<OwnedAction> {
  return deps.uow.run(async (repos) => {
    const { action } = await requireActionOwner(repos, input, input.actionId);
    const meetingDate =
      (await repos.meetings.get(action.meetingId))?.date ?? londonDateOf(action.createdAt);
    const [view] = await ownedActionViews(repos, deps.clock.now(), [{ action, meetingDate }]);
    await repos.audit.record('action.viewed', 'meeting_action', action.id);
    return view!;
  });
}
