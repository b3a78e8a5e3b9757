import { z } from 'zod';
import {
  cancelMeetingBody,
  idSchema,
  meetingSchema,
  moveMeetingBody,
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
import { meetingView } from '#core/scheduling/meeting-view.js';
import { previewView } from '#core/scheduling/preview-view.js';
import { route, type RouteDef } from '../route.js';
import { depsFor, type Services } from '../services.js';
import { areaOfMeeting } from './area-of.js';

const meetingParams = z.strictObject({ meetingId: idSchema });

export function meetingRoutes(s: Services): RouteDef[] {
  const coordinating = {
    kind: 'area',
    roles: ['coordinator', 'admin'],
    areaOf: areaOfMeeting(s),
  } as const;
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
      summary: 'Cancel one meeting of the series',
      tag: 'meetings',
      policy: coordinating,
      idempotent: true,
      params: meetingParams,
      body: cancelMeetingBody,
      response: meetingSchema,
      handle: async (ctx) => {
        const { params, body } = ctx;
        const cancelled = await cancelMeeting(depsFor(s, ctx), {
          meetingId: params.meetingId,
          reason: body.reason,
        });
        await s.drainOutbox();
        return view(cancelled);
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
