import { z } from 'zod';
import { idSchema } from '#core/contracts/api.js';
import { recodeBody, recodedSchema, recodeListSchema } from '#core/contracts/recode-api.js';
import { listToRecode } from '#core/reporting/list-to-recode.js';
import { recodeReferral } from '#core/reporting/recode-referral.js';
import { route, type RouteDef } from '../route.js';
import { depsFor, type Services } from '../services.js';
import { areaOfArea, areaOfReferral } from './area-of.js';

/**
 * The coordinator's recode of ethnicity and sexuality written in words before the referral form
 * offered categories (issue #13). The coordinator only: the list shows the words the referrer
 * wrote, which the counts-only readers (the chair, an admin) never see, and the category given
 * is what the return counts, which the coordinator answers for.
 */
export function recodeRoutes(s: Services): RouteDef[] {
  return [
    route({
      method: 'get',
      path: '/areas/{areaId}/recode',
      summary:
        "The area's referrals whose ethnicity or sexuality is words naming no category of the return, with the words, to recode",
      tag: 'reporting',
      policy: { kind: 'area', roles: ['coordinator'], areaOf: areaOfArea(s) },
      params: z.strictObject({ areaId: idSchema }),
      response: recodeListSchema,
      handle: (ctx) => listToRecode(depsFor(s, ctx), { areaId: ctx.params.areaId }),
    }),
    route({
      method: 'put',
      path: '/referrals/{referralId}/equality',
      summary:
        "Give a referral's ethnicity or sexuality, written in words, the category they mean (the words are kept)",
      tag: 'reporting',
      policy: { kind: 'area', roles: ['coordinator'], areaOf: areaOfReferral(s) },
      params: z.strictObject({ referralId: idSchema }),
      body: recodeBody,
      response: recodedSchema,
      handle: (ctx) =>
        recodeReferral(depsFor(s, ctx), { referralId: ctx.params.referralId, ...ctx.body }),
    }),
  ];
}
