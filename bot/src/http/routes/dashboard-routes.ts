import { z } from 'zod';
import { idSchema } from '#core/contracts/api.js';
import {
  areaDashboardSchema,
  areaPopulationSchema,
  dashboardQuerySchema,
} from '#core/contracts/dashboard-api.js';
import { readAreaDashboard, setAreaPopulation } from '#core/reporting/area-dashboard.js';
import { route, type RouteDef } from '../route.js';
import { depsFor, type Services } from '../services.js';
import { areaOfArea } from './area-of.js';

/**
 * The area dashboard (issue #13): counts and rates only, no case and no person. The coordinator,
 * the chair (who reports to the partnership board) and an admin read it; the coordinator or an
 * admin sets the population it is measured against.
 */
export function dashboardRoutes(s: Services): RouteDef[] {
  const params = z.strictObject({ areaId: idSchema });
  return [
    route({
      method: 'get',
      path: '/areas/{areaId}/dashboard',
      summary:
        "The area's dashboard over the months before today: volume, repeats, referrals by agency, cases per meeting, research on time, overdue actions, days to meeting",
      tag: 'reporting',
      policy: { kind: 'area', roles: ['coordinator', 'chair', 'admin'], areaOf: areaOfArea(s) },
      params,
      query: dashboardQuerySchema,
      response: areaDashboardSchema,
      handle: (ctx) =>
        readAreaDashboard(depsFor(s, ctx), { areaId: ctx.params.areaId, months: ctx.query.months }),
    }),
    route({
      method: 'put',
      path: '/areas/{areaId}/population',
      summary:
        'Set the number of women aged 16 or over in the area, which the volume of cases is measured against (null clears it)',
      tag: 'reporting',
      policy: { kind: 'area', roles: ['coordinator', 'admin'], areaOf: areaOfArea(s) },
      params,
      body: areaPopulationSchema,
      response: areaPopulationSchema,
      handle: (ctx) =>
        setAreaPopulation(depsFor(s, ctx), { areaId: ctx.params.areaId, ...ctx.body }),
    }),
  ];
}
