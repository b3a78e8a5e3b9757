import { z } from 'zod';
import { idSchema } from '#core/contracts/api.js';
import {
  actionPlanSchema,
  circulateBody,
  minutesBody,
  minutesSchema,
  resendCopyBody,
} from '#core/contracts/document-api.js';
import {
  circulateMinutes,
  readActionPlan,
  readMinutes,
  resendCopy,
  writeMinutes,
} from '#core/after-meeting/documents.js';
import { route, type RouteDef } from '../route.js';
import { depsFor, type Services } from '../services.js';
import { areaOfMeeting, meetingViewerOf } from './area-of.js';
import type { MeetingViewer } from '#core/meeting-run/meeting-seat.js';

const meetingParams = z.strictObject({ meetingId: idSchema });

/**
 * After the meeting (issue #11): the action plan and the minutes. The policy lets in anyone with a
 * role in the meeting's area; the use cases decide by the seat on this meeting (404 for anyone off
 * it, 403 for a seat without the right) and audit each read and refusal.
 */
export function documentRoutes(s: Services): RouteDef[] {
  const onMeeting = { kind: 'area', roles: 'any', areaOf: areaOfMeeting(s) } as const;
  const viewerOf = (ctx: {
    principal: Parameters<typeof meetingViewerOf>[1];
    params: { meetingId: string };
  }) => meetingViewerOf(s, ctx.principal, ctx.params.meetingId);
  /** `POST .../action-plan/resend`, `.../minutes/resend`: an agency's failed copy, again. */
  const resendRoute = <T>(
    kind: 'action-plan' | 'minutes',
    response: z.ZodType<T>,
    read: (deps: ReturnType<typeof depsFor>, input: { viewer: MeetingViewer }) => Promise<T>,
  ) =>
    route({
      method: 'post',
      path: `/meetings/{meetingId}/${kind}/resend`,
      summary: `Send an agency's failed copy of the ${kind === 'minutes' ? 'circulated minutes' : 'action plan'} again (coordinator; Sent Items is asked first)`,
      tag: 'after-meeting',
      policy: onMeeting,
      idempotent: true,
      params: meetingParams,
      body: resendCopyBody,
      response,
      handle: async (ctx) => {
        const viewer = await viewerOf(ctx);
        await resendCopy(depsFor(s, ctx), { viewer, kind, ...ctx.body });
        void s.drainDeliveries();
        return read(depsFor(s, ctx), { viewer });
      },
    });
  return [
    route({
      method: 'get',
      path: '/meetings/{meetingId}/action-plan',
      summary:
        "The action plan: the whole with each agency's delivery (coordinator, chair), or a rep's agency's part",
      tag: 'after-meeting',
      policy: onMeeting,
      params: meetingParams,
      response: actionPlanSchema,
      handle: async (ctx) => readActionPlan(depsFor(s, ctx), { viewer: await viewerOf(ctx) }),
    }),
    route({
      method: 'get',
      path: '/meetings/{meetingId}/minutes',
      summary: 'The minutes: draft, approved or circulated, with the due date (coordinator, chair)',
      tag: 'after-meeting',
      policy: onMeeting,
      params: meetingParams,
      response: minutesSchema,
      handle: async (ctx) => readMinutes(depsFor(s, ctx), { viewer: await viewerOf(ctx) }),
    }),
    route({
      method: 'put',
      path: '/meetings/{meetingId}/minutes',
      summary: "Save the minutes' sections or approve them (coordinator; version checked)",
      tag: 'after-meeting',
      policy: onMeeting,
      params: meetingParams,
      body: minutesBody,
      response: minutesSchema,
      handle: async (ctx) =>
        writeMinutes(depsFor(s, ctx), { viewer: await viewerOf(ctx), body: ctx.body }),
    }),
    route({
      method: 'post',
      path: '/meetings/{meetingId}/minutes/circulate',
      summary:
        'Circulate approved minutes to every agency on the meeting, in its mode (coordinator)',
      tag: 'after-meeting',
      policy: onMeeting,
      idempotent: true,
      params: meetingParams,
      body: circulateBody,
      response: minutesSchema,
      handle: async (ctx) => {
        const minutes = await circulateMinutes(depsFor(s, ctx), {
          viewer: await viewerOf(ctx),
          version: ctx.body.version,
        });
        // Passwords go by the bot (outbox); the copies by the delivery workers.
        void s
          .drainOutbox()
          .catch(() => undefined)
          .then(() => s.drainDeliveries());
        return minutes;
      },
    }),
    resendRoute('action-plan', actionPlanSchema, readActionPlan),
    resendRoute('minutes', minutesSchema, readMinutes),
  ];
}
