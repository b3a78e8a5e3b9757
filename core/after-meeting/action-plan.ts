import type { PlanCase } from '../contracts/document-api.js';
import type { ActionRecord, RunCaseRecord } from '../ports/meeting-run.js';

/*
 * The action plan (issue #11): per case, the actions agreed (what, the owner agency and person,
 * the due time, whether urgent) and nothing else of the case: no names, notes or risks. Each
 * agency receives only the cases in which it owns an action.
 */

/** The plan from the meeting's record: cases in running order, each with its actions by due time. */
export function buildActionPlan(input: {
  cases: readonly RunCaseRecord[];
  actions: readonly ActionRecord[];
  agencyNames: ReadonlyMap<string, string>;
}): PlanCase[] {
  const byCase = new Map<string, ActionRecord[]>();
  for (const action of input.actions) {
    byCase.set(action.referralId, [...(byCase.get(action.referralId) ?? []), action]);
  }
  return [...input.cases]
    .sort((a, b) => a.position - b.position)
    .filter((c) => byCase.has(c.referralId))
    .map((c) => ({
      referralId: c.referralId,
      reference: c.reference,
      actions: byCase
        .get(c.referralId)!
        .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id))
        .map((a) => ({
          what: a.what,
          ownerAgencyId: a.ownerAgencyId,
          ownerAgency: input.agencyNames.get(a.ownerAgencyId) ?? 'An agency no longer listed',
          ownerPerson: a.ownerPerson,
          dueAt: a.dueAt.toISOString(),
          urgent: a.urgent,
        })),
    }));
}

/** The cases in which the agency owns at least one action: its copy of the plan. */
export function agencyPart(cases: readonly PlanCase[], agencyId: string): PlanCase[] {
  return cases.filter((c) => c.actions.some((a) => a.ownerAgencyId === agencyId));
}

/** The agencies the plan goes to: each owner of an action, once. */
export function planAgencies(cases: readonly PlanCase[]): string[] {
  return [...new Set(cases.flatMap((c) => c.actions.map((a) => a.ownerAgencyId)))];
}
