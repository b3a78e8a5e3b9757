import { z } from 'zod';
import { idSchema } from '#core/contracts/api.js';
import {
  actionReminderSettingsSchema,
  overdueActionsSchema,
  twelveMonthCasesSchema,
} from '#core/contracts/chasing-api.js';
import {
  readActionReminderSettings,
  setActionReminderSettings,
} from '#core/chasing/action-reminder-settings.js';
import { readOverdueActions } from '#core/chasing/read-overdue-actions.js';
import { readTwelveMonthCases } from '#core/chasing/read-twelve-month-cases.js';
import { route, type RouteDef } from '../route.js';
import { depsFor, type Services } from '../services.js';
import { areaOfArea } from './area-of.js';

/**
 * What the coordinator chases after the meeting (issue #11): the area's overdue actions, and
 * the cases reaching 12 months since their last MARAC. The coordinator, who chases, and the
 * chair, who answers for the actions at the next meeting; not an admin (who keeps the system,
 * not the meetings) nor the reps (who see their own agency's actions in My actions).
 */
export function chasingRoutes(s: Services): RouteDef[] {
  const policy = { kind: 'area', roles: ['coordinator', 'chair'], areaOf: areaOfArea(s) } as const;
  const params = z.strictObject({ areaId: idSchema });
  return [
    route({
      method: 'get',
      path: '/areas/{areaId}/action-reminder-settings',
      summary:
        "When the area's action owners are reminded: working days before the due day, the due morning for short-notice actions, and how often once overdue",
      tag: 'chasing',
      // As the research settings: the coordinator, and an admin who keeps the system reads them.
      policy: { kind: 'area', roles: ['coordinator', 'admin'], areaOf: areaOfArea(s) },
      params,
      response: actionReminderSettingsSchema,
      handle: (ctx) => readActionReminderSettings(depsFor(s, ctx), ctx.params),
    }),
    route({
      method: 'put',
      path: '/areas/{areaId}/action-reminder-settings',
      summary: "Set when the area's action owners are reminded, as its protocol says",
      tag: 'chasing',
      policy: { kind: 'area', roles: ['coordinator'], areaOf: areaOfArea(s) },
      params,
      body: actionReminderSettingsSchema,
      response: actionReminderSettingsSchema,
      handle: (ctx) =>
        setActionReminderSettings(depsFor(s, ctx), {
          areaId: ctx.params.areaId,
          settings: ctx.body,
        }),
    }),
    route({
      method: 'get',
      path: '/areas/{areaId}/actions/overdue',
      summary:
        "The area's overdue actions (incomplete and past their due time), most overdue first: agency, case reference, action, due time and days overdue",
      tag: 'chasing',
      policy,
      params,
      response: overdueActionsSchema,
      handle: (ctx) => readOverdueActions(depsFor(s, ctx), ctx.params),
    }),
    route({
      method: 'get',
      path: '/areas/{areaId}/cases/twelve-months',
      summary:
        "The area's cases reaching 12 months since their last MARAC (within a month either side of today), with whether each is open or closed",
      tag: 'chasing',
      policy,
      params,
      response: twelveMonthCasesSchema,
      handle: (ctx) => readTwelveMonthCases(depsFor(s, ctx), ctx.params),
    }),
  ];
}
