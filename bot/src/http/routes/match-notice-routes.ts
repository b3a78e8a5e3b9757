import { z } from 'zod';
import { idSchema } from '#core/contracts/api.js';
import { matchNoticeSchema } from '#core/contracts/referral.js';
import { matchNotices } from '../../audit/match-notices.js';
import { principalById } from '../../auth/people.js';
import { route, type RouteDef } from '../route.js';
import { depsFor, type Services } from '../services.js';

/**
 * Who was told that a referral they submitted likely matches a known victim, and when. Telling is
 * a disclosure, so the coordinator can see who learnt what; reading this list is itself audited.
 */
export function matchNoticeRoutes(s: Services): RouteDef[] {
  return [
    route({
      method: 'get',
      path: '/areas/{areaId}/match-notices',
      summary: 'Each time a referrer was told of a likely match: who, about which referral, when',
      tag: 'referrals',
      policy: {
        kind: 'area',
        roles: ['coordinator', 'admin'],
        areaOf: async (p) => p.areaId ?? null,
      },
      params: z.strictObject({ areaId: idSchema }),
      response: z.array(matchNoticeSchema),
      handle: async (ctx) => {
        await depsFor(s, ctx).uow.run((repos) =>
          repos.audit.record('referral.match-notices.read', 'area', ctx.params.areaId),
        );
        const rows = await matchNotices(s.db, ctx.params.areaId);
        const names = new Map<string, string | null>();
        for (const id of new Set(rows.map((r) => r.toldPersonId))) {
          if (id) names.set(id, (await principalById(s.db, s.crypto, id))?.name ?? null);
        }
        return rows.map((r) => ({
          ...r,
          toldName: r.toldPersonId ? (names.get(r.toldPersonId) ?? null) : null,
        }));
      },
    }),
  ];
}
