import type { TwelveMonthCases } from '../contracts/chasing-api.js';
import type { Clock, UnitOfWork } from '../ports/store.js';
import { londonToday } from '../scheduling/area-calendar.js';
import { DomainError } from '../shared/errors.js';
import { addMonths } from '../shared/local-date-months.js';
import { caseState } from './case-state.js';

/** How far either side of today the coordinator's list reaches: a month. */
const MONTHS_EITHER_SIDE = 1;

/**
 * The cases of an area reaching 12 months since their last MARAC, for the coordinator: those
 * whose mark falls within a month either side of today, soonest first, each with whether it is
 * still open (actions incomplete) or closed. After the mark a new referral for the victim is no
 * longer a repeat; the agenda of the first meeting after it lists the case (twelve-months).
 * References, dates and counts only; the read is audited all the same.
 */
export async function readTwelveMonthCases(
  deps: { uow: UnitOfWork; clock: Clock },
  input: { areaId: string },
): Promise<TwelveMonthCases> {
  const today = londonToday(deps.clock.now());
  return deps.uow.run(async (repos) => {
    const area = await repos.areas.get(input.areaId);
    if (!area) throw new DomainError('AREA_NOT_FOUND', 'There is no such MARAC area.');
    const found = await repos.actionChasing.lastHeardBetween(
      area.id,
      addMonths(today, -12 - MONTHS_EITHER_SIDE),
      addMonths(today, -12 + MONTHS_EITHER_SIDE),
    );
    const cases = found.map((c) => ({
      reference: c.reference,
      lastHeardOn: c.lastHeardOn,
      reachesOn: addMonths(c.lastHeardOn, 12),
      actions: c.actions,
      incompleteActions: c.incompleteActions,
      state: caseState(c),
    }));
    cases.sort(
      (a, b) => a.reachesOn.localeCompare(b.reachesOn) || a.reference.localeCompare(b.reference),
    );
    await repos.audit.record('cases.twelve-months.read', 'area', area.id);
    return { areaId: area.id, today, cases };
  });
}
