import { z } from 'zod';
import { idSchema } from '#core/contracts/api.js';
import {
  actionBody,
  caseNotesBody,
  caseNotesSchema,
  meetingActionSchema,
  reviewBody,
  reviewItemSchema,
  runCaseDetailSchema,
  updateActionBody,
} from '#core/contracts/meeting-api.js';
import { readRunCase } from '#core/meeting-run/read-run-case.js';
import { recordAction } from '#core/meeting-run/record-action.js';
import { reviewAction } from '#core/meeting-run/review-action.js';
import { saveCaseNotes } from '#core/meeting-run/save-case-notes.js';
import { updateAction } from '#core/meeting-run/update-action.js';
import type { Principal } from '../../auth/people.js';
import { route, type RouteDef } from '../route.js';
import { depsFor, type Services } from '../services.js';
import { areaOfMeeting, meetingViewerOf } from './area-of.js';

const caseParams = z.strictObject({ meetingId: idSchema, referralId: idSchema });
const actionParams = z.strictObject({ meetingId: idSchema, actionId: idSchema });

/**
 * What the meeting records case by case (issue #10): one case as a person at the meeting reads
 * it, its notes, its actions, and the review of earlier meetings' actions. The use cases decide
 * on the meeting itself (a seat on it, the statement confirmed, the chair or coordinator for
 * writes) and audit each refusal.
 */
export function meetingRecordRoutes(s: Services): RouteDef[] {
  const areaOf = areaOfMeeting(s);
  // Anyone with a role in the area gets as far as the use case, which decides on the meeting:
  // someone with no seat on it is told it does not exist (404), as the meeting's other routes do.
  const onMeeting = { kind: 'area', roles: 'any', areaOf } as const;

  const viewerOf = (principal: Principal | null, meetingId: string) =>
    meetingViewerOf(s, principal, meetingId);

  return [
    route({
      method: 'get',
      path: '/meetings/{meetingId}/run/cases/{referralId}',
      summary:
        'One case in the meeting: summary, research as the area allows, notes, actions (audited)',
      tag: 'meeting',
      policy: onMeeting,
      params: caseParams,
      response: runCaseDetailSchema,
      handle: async (ctx) =>
        readRunCase(depsFor(s, ctx), {
          ...(await viewerOf(ctx.principal, ctx.params.meetingId)),
          referralId: ctx.params.referralId,
        }),
    }),
    route({
      method: 'put',
      path: '/meetings/{meetingId}/run/cases/{referralId}/notes',
      summary: "Save a case's notes: facts, opinion and the risk summary, from the version read",
      tag: 'meeting',
      policy: onMeeting,
      auditInvalid: true,
      params: caseParams,
      body: caseNotesBody,
      response: caseNotesSchema,
      handle: async (ctx) =>
        saveCaseNotes(depsFor(s, ctx), {
          ...(await viewerOf(ctx.principal, ctx.params.meetingId)),
          referralId: ctx.params.referralId,
          notes: ctx.body,
        }),
    }),
    route({
      method: 'post',
      path: '/meetings/{meetingId}/run/cases/{referralId}/actions',
      summary: 'Record an action agreed on a case: owner agency, what, due when, the risk',
      tag: 'meeting',
      policy: onMeeting,
      idempotent: true,
      auditInvalid: true,
      status: 201,
      params: caseParams,
      body: actionBody,
      response: meetingActionSchema,
      handle: async (ctx) =>
        recordAction(depsFor(s, ctx), {
          ...(await viewerOf(ctx.principal, ctx.params.meetingId)),
          referralId: ctx.params.referralId,
          action: ctx.body,
        }),
    }),
    route({
      method: 'put',
      path: '/meetings/{meetingId}/run/actions/{actionId}',
      summary: 'Change an action agreed at this meeting, from the version read',
      tag: 'meeting',
      policy: onMeeting,
      auditInvalid: true,
      params: actionParams,
      body: updateActionBody,
      response: meetingActionSchema,
      handle: async (ctx) =>
        updateAction(depsFor(s, ctx), {
          ...(await viewerOf(ctx.principal, ctx.params.meetingId)),
          actionId: ctx.params.actionId,
          action: ctx.body,
        }),
    }),
    route({
      method: 'put',
      path: '/meetings/{meetingId}/run/review/{actionId}',
      summary: "Review an earlier meeting's incomplete action: done, ongoing or not done",
      tag: 'meeting',
      policy: onMeeting,
      auditInvalid: true,
      params: actionParams,
      body: reviewBody,
      response: reviewItemSchema,
      handle: async (ctx) =>
        reviewAction(depsFor(s, ctx), {
          ...(await viewerOf(ctx.principal, ctx.params.meetingId)),
          actionId: ctx.params.actionId,
          review: ctx.body,
        }),
    }),
  ];
}
