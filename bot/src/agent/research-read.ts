import type { AgencyResearch } from '#core/contracts/research-api.js';
import type { StoredResearchStatus } from '#core/contracts/research.js';
import type { ResearchDeps } from '#core/research/research-deps.js';
import { readAgencyResearch } from '#core/research/read-agency-research.js';
import { DomainError } from '#core/shared/errors.js';
import type { ResearchCaseView } from '../cards/research-types.js';
import { caseViewOf, promptViewOf } from './research-views.js';

/** The person acting on a research card: who they are, their Teams id, the turn's id. */
export interface ResearchActor {
  personId: string;
  /** The Teams user id (MRI) the per-user view's refresh names. */
  viewerId: string;
  deps: ResearchDeps;
}

export interface AgencyForm {
  form: AgencyResearch;
  statuses: Map<string, StoredResearchStatus>;
}

/**
 * The agency's research for the meeting, through the tab's own use case: it refuses (and audits)
 * anyone who is not the core rep or deputy of an agency on the meeting's list. The stored
 * statuses tell a late draft from a late submission.
 */
export async function readForm(
  actor: ResearchActor,
  at: { meetingId: string; agencyId: string },
): Promise<AgencyForm> {
  const form = await readAgencyResearch(actor.deps, { ...at, personId: actor.personId });
  const cells = await actor.deps.uow.run((repos) =>
    repos.research.statuses(at.meetingId, at.agencyId),
  );
  return { form, statuses: new Map(cells.map((c) => [c.referralId, c.status])) };
}

/** One case's per-user view; a case that is not on the meeting is refused. */
export function caseOf(actor: ResearchActor, read: AgencyForm, caseId: string) {
  const found = read.form.cases.find((c) => c.referralId === caseId);
  if (!found) throw new DomainError('NOT_FOUND', 'This case is not on this meeting\u2019s agenda.');
  return caseViewOf(read.form, found, viewFor(actor, read));
}

export const pickerOf = (actor: ResearchActor, read: AgencyForm) =>
  promptViewOf(read.form, viewFor(actor, read));

const viewFor = (actor: ResearchActor, read: AgencyForm) => ({
  viewerId: actor.viewerId,
  op: actor.deps.ids.newId(),
  statuses: read.statuses,
});

/** Opening a case tells its cell the prompt was seen (a cell already answered stays as it is). */
export async function recordSeen(
  actor: ResearchActor,
  view: Pick<ResearchCaseView, 'ids'> & { open: boolean },
): Promise<void> {
  if (!view.open) return;
  const { meetingId, agencyId, caseId } = view.ids;
  await actor.deps.uow.run((repos) =>
    repos.research.recordPromptEvent({ meetingId, agencyId, referralId: caseId }, 'prompt-seen', {
      id: actor.deps.ids.newId(),
      at: actor.deps.clock.now(),
    }),
  );
}
