import type { Role } from '../contracts/api.js';
import type { ActionRecord } from '../ports/meeting-run.js';
import type { Repos } from '../ports/store.js';
import { DomainError } from '../shared/errors.js';

/** Who asks about one action: their id and their roles in the action's area. */
export interface ActionActor {
  personId: string;
  roles: readonly Role[];
}

/** How the person stands to the action: a rep of its owner agency, or the area's coordinator. */
export type ActionStanding = 'rep' | 'coordinator';

/** An action that is not theirs: the same answer whether it exists or not. */
const notYours = (): DomainError =>
  new DomainError('NOT_FOUND', 'There is no such action, or your agency does not own it.');

/**
 * The action, for its owner agency's core rep or deputy in its area, or for the area's
 * coordinator (who records an update an agency gives by phone or mail, on its behalf). Anyone
 * else, a rep of another agency included, is told there is no such action.
 */
export async function requireActionOwner(
  repos: Repos,
  actor: ActionActor,
  actionId: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ action: ActionRecord; standing: ActionStanding }> {
  const action = await repos.meetingActions.get(actionId, options);
  if (!action) throw notYours();
  if (await repos.actionUpdates.isRep(action.areaId, action.ownerAgencyId, actor.personId)) {
    return { action, standing: 'rep' };
  }
  if (actor.roles.includes('coordinator')) return { action, standing: 'coordinator' };
  throw notYours();
}
