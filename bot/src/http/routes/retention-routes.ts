import { z } from 'zod';
import { idSchema } from '#core/contracts/api.js';
import { retentionSettingsSchema } from '#core/contracts/retention-api.js';
import { readRetentionSettings, setRetentionSettings } from '#core/retention/retention-settings.js';
import { route, type RouteDef } from '../route.js';
import { depsFor, type Services } from '../services.js';
import { areaOfArea } from './area-of.js';

/**
 * How long an area keeps case records after their last MARAC (issue #13): the information
 * sharing agreement's figure, set by the coordinator who works to it or an admin who keeps the
 * system; the purge erases by it every night.
 */
export function retentionRoutes(s: Services): RouteDef[] {
  const policy = { kind: 'area', roles: ['coordinator', 'admin'], areaOf: areaOfArea(s) } as const;
  const params = z.strictObject({ areaId: idSchema });
  return [
    route({
      method: 'get',
      path: '/areas/{areaId}/retention',
      summary: "How long the area keeps a case's records after its last MARAC, in months",
      tag: 'retention',
      policy,
      params,
      response: retentionSettingsSchema,
      handle: (ctx) => readRetentionSettings(depsFor(s, ctx), ctx.params),
    }),
    route({
      method: 'put',
      path: '/areas/{areaId}/retention',
      summary:
        "Set how long the area keeps a case's records after its last MARAC (12 to 1200 months), as its information sharing agreement says",
      tag: 'retention',
      policy,
      params,
      body: retentionSettingsSchema,
      response: retentionSettingsSchema,
      handle: (ctx) =>
        setRetentionSettings(depsFor(s, ctx), {
          areaId: ctx.params.areaId,
          settings: ctx.body,
        }),
    }),
  ];
}
