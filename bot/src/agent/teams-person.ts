import type { Activity } from '@microsoft/agents-activity';
import {
  personIdByEmail,
  personIdByEntraId,
  principalById,
  type Principal,
} from '../auth/people.js';
import type { Services } from '../http/services.js';

/**
 * The Microsoft 365 Agents Playground's mock users (.m365agentsplayground.yml, kept in step with
 * it): their Entra object ids to the demo people's addresses, core reps of six agencies. The playground sends `from.aadObjectId` from that file with
 * its own tenant id; no such person is bound in the store, so local mode maps them here. Used only
 * when the development sign-in is on (never in production: config refuses that combination).
 */
export const PLAYGROUND_USERS: Readonly<Record<string, string>> = {
  '7d3c1b2a-0000-4000-8000-000000000004': 'dana.whitcombe@police.example',
  '7d3c1b2a-0000-4000-8000-000000000005': 'priya.ellingham@childrens.example',
  '7d3c1b2a-0000-4000-8000-000000000007': 'morwenna.tate@idva.example',
  '7d3c1b2a-0000-4000-8000-000000000008': 'fenella.quayle@adults.example',
  '7d3c1b2a-0000-4000-8000-000000000009': 'anjali.storey@health.example',
  '7d3c1b2a-0000-4000-8000-000000000010': 'harriet.nwosu@housing.example',
};

/** The Entra tenant the activity comes from, as Teams names it. */
export function tenantOf(activity: Activity): string | undefined {
  const channelTenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant
    ?.id;
  return (
    activity.conversation?.tenantId ??
    (typeof channelTenant === 'string' ? channelTenant : undefined)
  );
}

/**
 * The person speaking: by Entra tenant and object id (bound at their first sign-in to the tab),
 * or, in local mode only, a playground mock user mapped by address.
 */
export async function principalOfActivity(
  s: Services,
  activity: Activity,
): Promise<Principal | null> {
  const objectId = activity.from?.aadObjectId;
  const tenantId = tenantOf(activity);
  if (objectId && tenantId) {
    const id = await personIdByEntraId(s.db, tenantId, objectId);
    if (id) return principalById(s.db, s.crypto, id);
  }
  if (s.config.devSignIn && objectId) {
    const email = PLAYGROUND_USERS[objectId];
    const id = email ? await personIdByEmail(s.db, s.crypto, email) : null;
    if (id) return principalById(s.db, s.crypto, id);
  }
  return null;
}
