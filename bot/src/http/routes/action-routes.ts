import { z } from 'zod';
import { readCaseNote } from '#core/actions/case-note.js';
import { readMyActions } from '#core/actions/my-actions.js';
import { updateActionOutcome } from '#core/actions/update-action-outcome.js';
import {
  actionOutcomeBody,
  caseNoteSchema,
  myActionsSchema,
  ownedActionSchema,
} from '#core/contracts/action-api.js';
import { idSchema } from '#core/contracts/api.js';
import type { Principal } from '../../auth/people.js';
import type { Queryable } from '../../db/db.js';
import { route, type RouteDef } from '../route.js';
import { depsFor, type Services } from '../services.js';

const actionParams = z.strictObject({ actionId: idSchema });

/** The area an action belongs to (null when there is no such action). */
async function areaOfActionId(q: Queryable, actionId: string): Promise<string | null> {
  const found = await q.query<{ area_id: string }>(
    'SELECT area_id FROM meeting_action WHERE id = $1',
    [actionId],
  );
  return found.rows[0]?.area_id ?? null;
}

/**
 * Action owners after the meeting (issue #11): their list, the three outcomes, and the case note
 * for their own case system. Anyone with a role in the action's area gets as far as the use
 * case, which decides by the action itself: its owner agency's core rep or deputy, or the area's
 * coordinator on the agency's behalf; anyone else is told there is no such action (404).
 */
export function actionRoutes(s: Services): RouteDef[] {
  const areaOf = (params: Record<string, string>) =>
    params.actionId && idSchema.safeParse(params.actionId).success
      ? areaOfActionId(s.db, params.actionId)
      : Promise.resolve(null);
  const ofAction = { kind: 'area', roles: 'any', areaOf } as const;

  /** The caller and their roles in the action's area. */
  const actorOf = async (principal: Principal | null, actionId: string) => {
    const areaId = await areaOfActionId(s.db, actionId);
    return {
      personId: principal!.personId,
      roles: principal!.roles.filter((r) => r.areaId === areaId).map((r) => r.role),
    };
  };

  return [
    route({
      method: 'get',
      path: '/actions/mine',
      summary: "The actions owned by the caller's agencies: incomplete first, then recently ended",
      tag: 'actions',
      policy: { kind: 'signed-in' },
      response: myActionsSchema,
      handle: (ctx) => readMyActions(depsFor(s, ctx), { personId: ctx.principal!.personId }),
    }),
    route({
      method: 'post',
      path: '/actions/{actionId}/update',
      summary: 'Say what happened to an action: done (note), a new due time (reason), or cannot',
      tag: 'actions',
      policy: ofAction,
      idempotent: true,
      auditInvalid: true,
      params: actionParams,
      body: actionOutcomeBody,
      response: ownedActionSchema,
      handle: async (ctx) =>
        updateActionOutcome(depsFor(s, ctx), {
          ...(await actorOf(ctx.principal, ctx.params.actionId)),
          actionId: ctx.params.actionId,
          outcome: ctx.body,
        }),
    }),
    route({
      method: 'get',
      path: '/actions/{actionId}/case-note',
      summary: "The agency's MARAC case note for the action's case, to paste into its own system",
      tag: 'actions',
      policy: ofAction,
      params: actionParams,
      response: caseNoteSchema,
      handle: async (ctx) =>
        readCaseNote(depsFor(s, ctx), {
          ...(await actorOf(ctx.principal, ctx.params.actionId)),
          actionId: ctx.params.actionId,
        }),
    }),
  ];
}
