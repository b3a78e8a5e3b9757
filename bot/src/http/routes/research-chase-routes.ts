import { z } from 'zod';
import { idSchema } from '#core/contracts/api.js';
import { chaseResultSchema } from '#core/contracts/research-api.js';
import { chaseAgency } from '#core/research/chase-agency.js';
import { route, type RouteDef } from '../route.js';
import { depsFor, type Services } from '../services.js';
import { areaOfMeeting } from './area-of.js';

/**
 * The coordinator chases one agency's research now. Only the coordinator: they run the
 * meeting's research and answer to the chair for what is missing; an admin keeps the system,
 * not the meeting. Its own file so that it sits beside, not inside, the research routes.
 */
export function researchChaseRoutes(s: Services): RouteDef[] {
  return [
    route({
      method: 'post',
      path: '/meetings/{meetingId}/research/agencies/{agencyId}/chase',
      summary:
        "Remind an agency's reps now of the cases they have still to answer (counts and dates only)",
      tag: 'research',
      policy: { kind: 'area', roles: ['coordinator'], areaOf: areaOfMeeting(s) },
      idempotent: true,
      params: z.strictObject({ meetingId: idSchema, agencyId: idSchema }),
      body: z.strictObject({}),
      response: chaseResultSchema,
      handle: async (ctx) => {
        const result = await chaseAgency(depsFor(s, ctx), ctx.params);
        void s.drainOutbox();
        return result;
      },
    }),
  ];
}
