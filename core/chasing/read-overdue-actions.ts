import { londonDateOf, londonTimeOf } from '../calendar/london-time.js';
import type { OverdueAction, OverdueActions } from '../contracts/chasing-api.js';
import type { Clock, UnitOfWork } from '../ports/store.js';
import { londonToday } from '../scheduling/area-calendar.js';
import { DomainError } from '../shared/errors.js';
import { londonDaysBetween } from './london-days.js';

/**
 * The coordinator's overdue list for an area: every incomplete (open or ongoing) action past its
 * due time, with the owner agency, the case reference, what was agreed, when it was due and how
 * many London days ago; the most overdue first. What was agreed is case data: the read is
 * audited. An action marked done, or ended with a reason, leaves the list at once.
 */
export async function readOverdueActions(
  deps: { uow: UnitOfWork; clock: Clock },
  input: { areaId: string },
): Promise<OverdueActions> {
  const now = deps.clock.now();
  return deps.uow.run(async (repos) => {
    const area = await repos.areas.get(input.areaId);
    if (!area) throw new DomainError('AREA_NOT_FOUND', 'There is no such MARAC area.');
    const overdue = await repos.actionChasing.overdue(area.id, now);
    const agencies = new Map((await repos.areas.agencies(area.id)).map((a) => [a.id, a.name]));
    const meetingDates = new Map<string, string>();
    const actions: OverdueAction[] = [];
    for (const chased of overdue) {
      const action = await repos.meetingActions.get(chased.id);
      if (!action) continue;
      if (!meetingDates.has(action.meetingId))
        meetingDates.set(action.meetingId, (await repos.meetings.get(action.meetingId))!.date);
      actions.push({
        id: action.id,
        meetingId: action.meetingId,
        meetingDate: meetingDates.get(action.meetingId)!,
        reference: chased.reference,
        agencyId: action.ownerAgencyId,
        agencyName: agencies.get(action.ownerAgencyId) ?? 'An agency no longer in this area',
        what: action.what,
        dueAt: action.dueAt.toISOString(),
        dueDate: londonDateOf(action.dueAt),
        dueTime: londonTimeOf(action.dueAt),
        daysOverdue: Math.max(0, londonDaysBetween(action.dueAt, now)),
        status: chased.status === 'ongoing' ? 'ongoing' : 'open',
      });
    }
    // Most overdue first; among equals, the earliest due, then by case reference.
    actions.sort(
      (a, b) =>
        b.daysOverdue - a.daysOverdue ||
        a.dueAt.localeCompare(b.dueAt) ||
        a.reference.localeCompare(b.reference, 'en-GB', { numeric: true }),
    );
    await repos.audit.record('actions.overdue.read', 'area', area.id);
    return { areaId: area.id, today: londonToday(now), actions };
  });
}
