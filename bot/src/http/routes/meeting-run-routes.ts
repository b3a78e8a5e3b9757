import { z } from 'zod';
import { idSchema } from '#core/contracts/api.js';
import {
  addObserverBody,
  attendanceBody,
  attendeeSchema,
  confirmStatementBody,
  currentCaseBody,
  deferBody,
  deferredSchema,
  meetingRunSchema,
  meetingSettingsSchema,
  myMeetingsSchema,
  observerCandidatesSchema,
} from '#core/contracts/meeting-api.js';
import { addObserver, confirmStatement, setAttendance } from '#core/meeting-run/attendance.js';
import { closeMeeting } from '#core/meeting-run/close-meeting.js';
import { deferCase } from '#core/meeting-run/defer-case.js';
import { readMeetingSettings, setMeetingSettings } from '#core/meeting-run/meeting-settings.js';
import { storeSnapshots } from '#core/meeting-run/meeting-snapshot.js';
import { myMeetings } from '#core/meeting-run/my-meetings.js';
import { observerCandidates } from '#core/meeting-run/observer-candidates.js';
import { setCurrentCase } from '#core/meeting-run/set-current-case.js';
import type { Principal } from '../../auth/people.js';
import { route, type RouteDef } from '../route.js';
import { depsFor, type Services } from '../services.js';
import { areaOfArea, areaOfMeeting, meetingViewerOf } from './area-of.js';
import { keptMeetingViews } from './kept-meeting-views.js';

const meetingParams = z.strictObject({ meetingId: idSchema });
const caseParams = z.strictObject({ meetingId: idSchema, referralId: idSchema });

/**
 * The meeting's run (issue #10): settings, the view, the register and confirmations, the case
 * everyone is on, deferrals and the close. The policy lets in anyone with a role in the
 * meeting's area; the use cases decide by the seat on this meeting (404 for anyone off it) and
 * audit each refusal.
 */
export function meetingRunRoutes(s: Services): RouteDef[] {
  const onMeeting = { kind: 'area', roles: 'any', areaOf: areaOfMeeting(s) } as const;
  const snapshots = s.meetingSnapshots ?? storeSnapshots(s.uow);
  // readMeetingRun's answer, each person's view kept (and serialised once) per snapshot.
  const readView = keptMeetingViews(snapshots, s.meetingWrites);

  const viewerOf = (principal: Principal | null, meetingId: string) =>
    meetingViewerOf(s, principal, meetingId);

  return [
    route({
      method: 'get',
      path: '/areas/{areaId}/meeting-settings',
      summary: 'The target time per case at the area meetings',
      tag: 'meeting',
      policy: { kind: 'area', roles: ['coordinator', 'admin'], areaOf: areaOfArea(s) },
      params: z.strictObject({ areaId: idSchema }),
      response: meetingSettingsSchema,
      handle: ({ params }) => readMeetingSettings(s, params),
    }),
    route({
      method: 'put',
      path: '/areas/{areaId}/meeting-settings',
      summary: 'Set the target time per case at the area meetings',
      tag: 'meeting',
      policy: { kind: 'area', roles: ['coordinator'], areaOf: areaOfArea(s) },
      params: z.strictObject({ areaId: idSchema }),
      body: meetingSettingsSchema,
      response: meetingSettingsSchema,
      handle: (ctx) =>
        setMeetingSettings(depsFor(s, ctx), { areaId: ctx.params.areaId, settings: ctx.body }),
    }),
    route({
      method: 'get',
      path: '/meetings/run/mine',
      summary: 'The meetings the caller sits on, from yesterday to four weeks ahead',
      tag: 'meeting',
      policy: { kind: 'signed-in' },
      response: myMeetingsSchema,
      handle: ({ principal }) =>
        myMeetings(s, {
          personId: principal!.personId,
          roles: principal!.roles.map((r) => ({ areaId: r.areaId, role: r.role })),
        }),
    }),
    route({
      method: 'get',
      path: '/meetings/{meetingId}/run',
      summary: 'The meeting view: register, running order, the current case (after confirming)',
      tag: 'meeting',
      policy: onMeeting,
      // Everyone on the meeting reads it in a loop while it runs.
      hot: true,
      params: meetingParams,
      response: meetingRunSchema,
      handle: async (ctx) => readView(await viewerOf(ctx.principal, ctx.params.meetingId)),
    }),
    route({
      method: 'put',
      path: '/meetings/{meetingId}/attendance/{personId}',
      summary: 'Record a person present or with apologies (version checked)',
      tag: 'meeting',
      policy: onMeeting,
      params: z.strictObject({ meetingId: idSchema, personId: idSchema }),
      body: attendanceBody,
      response: attendeeSchema,
      handle: async (ctx) =>
        setAttendance(depsFor(s, ctx), {
          viewer: await viewerOf(ctx.principal, ctx.params.meetingId),
          personId: ctx.params.personId,
          ...ctx.body,
        }),
    }),
    route({
      method: 'get',
      path: '/meetings/{meetingId}/observers',
      summary: 'The observers of the area who may be listed on the meeting',
      tag: 'meeting',
      policy: onMeeting,
      params: meetingParams,
      response: observerCandidatesSchema,
      handle: async (ctx) =>
        observerCandidates(s, {
          viewer: await viewerOf(ctx.principal, ctx.params.meetingId),
        }),
    }),
    route({
      method: 'post',
      path: '/meetings/{meetingId}/observers',
      summary: 'List an observer on the meeting (a person with the observer role in the area)',
      tag: 'meeting',
      policy: onMeeting,
      idempotent: true,
      params: meetingParams,
      body: addObserverBody,
      response: attendeeSchema,
      status: 201,
      handle: async (ctx) =>
        addObserver(depsFor(s, ctx), {
          viewer: await viewerOf(ctx.principal, ctx.params.meetingId),
          personId: ctx.body.personId,
        }),
    }),
    route({
      method: 'post',
      path: '/meetings/{meetingId}/confidentiality',
      summary: 'Confirm the confidentiality statement (the time is recorded once)',
      tag: 'meeting',
      policy: onMeeting,
      params: meetingParams,
      body: confirmStatementBody,
      response: attendeeSchema,
      handle: async (ctx) =>
        confirmStatement(depsFor(s, ctx), {
          viewer: await viewerOf(ctx.principal, ctx.params.meetingId),
        }),
    }),
    route({
      method: 'put',
      path: '/meetings/{meetingId}/run/current',
      summary: 'Move the meeting to a case, or to none; the first move starts the meeting',
      tag: 'meeting',
      policy: onMeeting,
      params: meetingParams,
      body: currentCaseBody,
      response: meetingRunSchema,
      handle: async (ctx) =>
        setCurrentCase(depsFor(s, ctx), {
          viewer: await viewerOf(ctx.principal, ctx.params.meetingId),
          referralId: ctx.body.referralId,
        }),
    }),
    route({
      method: 'post',
      path: '/meetings/{meetingId}/run/close',
      summary: 'Close the meeting: the end time is recorded and the record frozen',
      tag: 'meeting',
      policy: onMeeting,
      params: meetingParams,
      body: z.strictObject({}),
      response: meetingRunSchema,
      handle: async (ctx) => {
        const closed = await closeMeeting(depsFor(s, ctx), {
          viewer: await viewerOf(ctx.principal, ctx.params.meetingId),
        });
        // The close queued the action plan's copies (and their passwords): send them now.
        void s
          .drainOutbox()
          .catch(() => undefined)
          .then(() => s.drainDeliveries());
        return closed;
      },
    }),
    route({
      method: 'post',
      path: '/meetings/{meetingId}/run/cases/{referralId}/defer',
      summary: 'Defer a case to the next meeting of the area, with the reason',
      tag: 'meeting',
      policy: onMeeting,
      idempotent: true,
      auditInvalid: true,
      params: caseParams,
      body: deferBody,
      response: deferredSchema,
      handle: async (ctx) =>
        deferCase(depsFor(s, ctx), {
          viewer: await viewerOf(ctx.principal, ctx.params.meetingId),
          referralId: ctx.params.referralId,
          reason: ctx.body.reason,
        }),
    }),
  ];
}
