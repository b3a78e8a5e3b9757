import type { TurnContext } from '@microsoft/agents-hosting';
import type { Principal } from '../auth/people.js';
import type { Services } from '../http/services.js';
import { principalOfActivity } from './teams-person.js';

/** Who is acting on a referral card, and where they may refer. */
export interface Offer {
  areas: { id: string; name: string }[];
  agencies: { id: string; name: string; areaId: string; areaName: string }[];
}
export interface Referrer {
  principal: Principal;
  offer: Offer;
}

const REFERRING = new Set(['coordinator', 'chair', 'rep', 'idva', 'admin']);
export const PERSONAL_ONLY =
  'Referrals hold personal data, so I only take them in our 1:1 chat. Open a chat with me and send "refer".';
const NOT_KNOWN_PERSON =
  'I cannot match your Teams account to a MARAC user. Sign in to the MARAC tab once, then try again.';
const NO_AREA = 'You do not hold a role in any MARAC area that takes referrals.';

async function offerFor(s: Services, principal: Principal): Promise<Offer> {
  const areas = new Map<string, string>();
  for (const r of principal.roles) if (REFERRING.has(r.role)) areas.set(r.areaId, r.areaName);
  const agencies: Offer['agencies'] = [];
  await s.uow.run(async (repos) => {
    for (const [areaId, areaName] of areas) {
      for (const a of await repos.areas.agencies(areaId))
        agencies.push({ id: a.id, name: a.name, areaId, areaName });
    }
  });
  return { areas: [...areas].map(([id, name]) => ({ id, name })), agencies };
}

/** The referrer, in a 1:1 chat only; otherwise the sentence that says why not. */
export async function referrerOf(s: Services, context: TurnContext): Promise<Referrer | string> {
  if (context.activity.conversation?.conversationType !== 'personal') return PERSONAL_ONLY;
  const principal = await principalOfActivity(s, context.activity);
  if (!principal) return NOT_KNOWN_PERSON;
  const offer = await offerFor(s, principal);
  if (offer.areas.length === 0) return NO_AREA;
  return { principal, offer };
}
