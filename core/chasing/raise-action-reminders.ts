import type { AreaRecord, Clock, Repos, UnitOfWork } from '../ports/store.js';
import { actionReminderKey, dueActionReminder } from './action-reminders.js';

/**
 * Raises the action reminders due now, for every area: one job per rep of the owner agency
 * (core rep and deputy), each recorded as raised in the same transaction (`action_reminder`),
 * so a second sweep, a restart or a second app instance raises nothing more. Run at start and
 * on the hourly timer. Returns how many jobs it queued.
 */
export async function raiseActionReminders(deps: {
  uow: UnitOfWork;
  clock: Clock;
}): Promise<number> {
  const areas = await deps.uow.run((repos) => repos.areas.list());
  let queued = 0;
  // One transaction per area: an area whose data fails to read does not hold the others back.
  for (const area of areas)
    queued += await deps.uow.run((repos) => raiseForArea(repos, area, deps.clock.now()));
  return queued;
}

async function raiseForArea(repos: Repos, area: AreaRecord, now: Date): Promise<number> {
  const settings = await repos.actionChasing.settings(area.id);
  const reps = new Map<string, string[]>();
  let queued = 0;
  for (const action of await repos.actionChasing.incomplete(area.id)) {
    const reminder = dueActionReminder({ action, area, settings, now });
    if (!reminder) continue;
    if (!reps.has(action.ownerAgencyId))
      reps.set(
        action.ownerAgencyId,
        await repos.actionChasing.agencyReps(area.id, action.ownerAgencyId),
      );
    for (const personId of reps.get(action.ownerAgencyId)!) {
      const fresh = await repos.actionChasing.markRaised({
        actionId: action.id,
        dueAt: action.dueAt,
        reminder,
        personId,
        at: now,
      });
      if (!fresh) continue;
      await repos.outbox.enqueue(
        {
          kind: 'notify.action-reminder',
          actionId: action.id,
          personId,
          reminder,
          dueAt: action.dueAt.toISOString(),
          by: 'teams',
        },
        actionReminderKey(action, reminder, personId),
      );
      queued += 1;
    }
  }
  return queued;
}
