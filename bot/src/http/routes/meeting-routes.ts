import { z } from 'zod';
import {
  cancelMeetingBody,
  idSchema,
  meetingCaseSchema,
  meetingSchema,
  moveMeetingBody,
  movedReferralSchema,
  moveReferralBody,
  previewMeetingSchema,
  schedulePreviewBody,
} from '#core/contracts/api.js';
import { WorkingCalendar } from '#core/calendar/working-days.js';
import { defaultProtocol } from '#core/meetings/protocol.js';
import { planMeetings } from '#core/meetings/schedule.js';
import type { MeetingRecord } from '#core/ports/store.js';
import { londonToday } from '#core/scheduling/area-calendar.js';
import { cancelMeeting, moveMeeting } from '#core/scheduling/change-meeting.js';
import { checkMeetingDates } from '#core/shared/date-bounds.js';
import { meetingCases } from '#core/scheduling/meeting-cases.js';
import { meetingView } from '#core/scheduling/meeting-view.js';
import { moveReferral } from '#core/scheduling/move-referral.js';
import { previewView } from '#core/scheduling/preview-view.js';
import { route, type RouteDef } from '../route.js';
import { depsFor, type Services } from '../services.js';
import { areaOfMeeting, areaOfReferral as areaOfReferralIn } from './area-of.js';

const meetingParams = z.strictObject({ meetingId: idSchema });
const referralParams = z.strictObject({ referralId: idSchema });

export function meetingRoutes(s: Services): RouteDef[] {
  const coordinating = {
    kind: 'area',
    roles: ['coordinator', 'admin'],
    areaOf: areaOfMeeting(s),
  } as const;
  const areaOfReferral = areaOfReferralIn(s);
  const view = (meeting: MeetingRecord) =>
    s.uow.run(async (repos) => meetingView(meeting, (await repos.areas.get(meeting.areaId))!));
  return [
    route({
      method: 'get',
      path: '/meetings/{meetingId}',
      summary: 'One meeting with its deadlines',
      tag: 'meetings',
      policy: { kind: 'area', roles: 'any', areaOf: areaOfMeeting(s) },
      params: meetingParams,
      response: meetingSchema,
      handle: async ({ params }) => {
        const meeting = await s.uow.run((repos) => repos.meetings.get(params.meetingId));
        return view(meeting!);
      },
    }),
    route({
      method: 'get',
      path: '/meetings/{meetingId}/cases',
      summary: 'The accepted cases on a meeting, for the coordinator (read is audited)',
      tag: 'meetings',
      policy: coordinating,
      params: meetingParams,
      response: z.array(meetingCaseSchema),
      handle: (ctx) =>
        depsFor(s, ctx).uow.run(async (repos) => {
          const cases = await meetingCases(repos, ctx.params.meetingId);
          await repos.audit.record('meeting.cases.read', 'meeting', ctx.params.meetingId);
          return cases;
        }),
    }),
    route({
      method: 'post',
      path: '/meetings/{meetingId}/move',
      summary: 'Move one meeting to another working day or time',
      tag: 'meetings',
      policy: coordinating,
      idempotent: true,
      params: meetingParams,
      body: moveMeetingBody,
      response: meetingSchema,
      handle: async (ctx) => {
        const { params, body } = ctx;
        checkMeetingDates({ date: body.date }, londonToday(s.clock.now()));
        const moved = await moveMeeting(depsFor(s, ctx), { meetingId: params.meetingId, ...body });
        await s.drainOutbox();
        return view(moved);
      },
    }),
    route({
      method: 'post',
      path: '/meetings/{meetingId}/cancel',
      summary:
        'Cancel one meeting of the series, moving its cases to the next meeting or a chosen one',
      tag: 'meetings',
      policy: coordinating,
      idempotent: true,
      params: meetingParams,
      body: cancelMeetingBody,
      response: meetingSchema,
      handle: async (ctx) => {
        const { params, body } = ctx;
        const { meeting } = await cancelMeeting(depsFor(s, ctx), {
          meetingId: params.meetingId,
          ...body,
        });
        await s.drainOutbox();
        return view(meeting);
      },
    }),
    // Moving a case to the meeting it is already on writes nothing, so a plain retry is
    // harmless too; the key makes a retried request get the first answer.
    route({
      method: 'post',
      path: '/referrals/{referralId}/move',
      summary: 'Move an accepted case to another coming meeting of its area; the referrer is told',
      tag: 'meetings',
      policy: { kind: 'area', roles: ['coordinator', 'admin'], areaOf: areaOfReferral },
      params: referralParams,
      idempotent: true,
      body: moveReferralBody,
      response: movedReferralSchema,
      handle: async (ctx) => {
        const moved = await moveReferral(depsFor(s, ctx), {
          referralId: ctx.params.referralId,
          ...ctx.body,
        });
        await s.drainOutbox();
        const meeting = await s.uow.run((repos) => repos.meetings.get(moved.meetingId!));
        return { referralId: moved.id, meetingId: meeting!.id, meetingDate: meeting!.date };
      },
    }),
    route({
      method: 'post',
      path: '/schedule/preview',
      summary: 'Preview meetings and deadlines for a cadence before creating a series',
      tag: 'meetings',
      policy: { kind: 'signed-in' },
      body: schedulePreviewBody,
      response: z.array(previewMeetingSchema),
      handle: async ({ body }) => {
        const protocol = { ...defaultProtocol, ...body.protocol, cadence: body.cadence };
        const cal = new WorkingCalendar({ region: protocol.region });
        const { meetings } = planMeetings({ protocol, start: body.start, count: body.count, cal });
        return meetings.map(previewView);
      },
    }),
  ];
}
