import { z } from 'zod';
import { idSchema } from '#core/contracts/api.js';
import { dataReturnQuery, dataReturnSchema } from '#core/contracts/data-return-api.js';
import { readDataReturn } from '#core/reporting/read-data-return.js';
import { route, type RouteDef } from '../route.js';
import { depsFor, type Services } from '../services.js';
import { areaOfArea } from './area-of.js';

/**
 * The quarterly SafeLives MARAC data return (issue #13). The coordinator, who makes the return,
 * and an admin, who keeps the system for the partnership; the case references behind each
 * figure (the drill-down) go to the coordinator only: an admin reads the counts.
 */
export function dataReturnRoutes(s: Services): RouteDef[] {
  return [
    route({
      method: 'get',
      path: '/areas/{areaId}/data-return',
      summary:
        "The area's quarterly SafeLives MARAC data return (?quarter=2027-Q1): each meeting of the quarter and the totals, with the case references behind each figure for the coordinator",
      tag: 'reporting',
      policy: { kind: 'area', roles: ['coordinator', 'admin'], areaOf: areaOfArea(s) },
      params: z.strictObject({ areaId: idSchema }),
      query: dataReturnQuery,
      response: dataReturnSchema,
      handle: (ctx) => {
        const { areaId } = ctx.params;
        const coordinator = ctx.principal!.roles.some(
          (r) => r.areaId === areaId && r.role === 'coordinator',
        );
        return readDataReturn(depsFor(s, ctx), {
          areaId,
          quarter: ctx.query.quarter,
          references: coordinator,
        });
      },
    }),
  ];
}
