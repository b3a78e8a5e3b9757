import { z } from 'zod';
import { idSchema } from '#core/contracts/api.js';
import { seatOf, type MeetingViewer } from '#core/meeting-run/meeting-seat.js';
import { meetingTopic } from '#core/meeting-run/record-deps.js';
import { DomainError } from '#core/shared/errors.js';
import { rolesOf, type AreaRole } from '../../auth/people.js';
import { areaOfMeetingId } from '../../store/record-area.js';
import { route, type RouteDef } from '../route.js';
import { depsFor, type Services } from '../services.js';
import type { LiveStreamOptions } from '../sse.js';

const meetingParams = z.strictObject({ meetingId: idSchema });
const eventsQuery = z.strictObject({
  lastEventId: z
    .string()
    .regex(/^\d{1,15}$/, 'give the id of the last event you had, a whole number such as 42')
    .optional(),
});

/**
 * `GET /meetings/{meetingId}/run/events`: the meeting's live events for anyone with a seat on
 * it, confirmed or not (an event carries ids only; what they point at is read through the
 * routes that check the statement). Off the meeting: 404, as if it did not exist.
 */
export function meetingLiveRoutes(s: Services): RouteDef[] {
  const viewerOf = async (meetingId: string, personId: string, roles: readonly AreaRole[]) => {
    const areaId = await areaOfMeetingId(s.db, meetingId);
    const viewer: MeetingViewer = {
      meetingId,
      personId,
      roles: roles.filter((r) => r.areaId === areaId).map((r) => r.role),
    };
    return viewer;
  };
  const seated = async (viewer: MeetingViewer) =>
    (await s.uow.run((repos) => seatOf(repos, viewer))) !== null;
  return [
    route({
      method: 'get',
      path: '/meetings/{meetingId}/run/events',
      summary: "The meeting's live events (server-sent events), for anyone on the meeting",
      tag: 'meeting run',
      policy: { kind: 'signed-in' },
      stream: true,
      params: meetingParams,
      query: eventsQuery,
      response: z.custom<LiveStreamOptions>(),
      handle: async (ctx) => {
        const { params } = ctx;
        const { personId, roles } = ctx.principal!;
        if (!(await seated(await viewerOf(params.meetingId, personId, roles)))) {
          // Refused as the meeting's other routes refuse: audited, by the meeting's id only.
          await depsFor(s, ctx).uow.run((repos) =>
            repos.audit.record('meeting.events.refused', 'meeting', params.meetingId),
          );
          throw new DomainError(
            'MEETING_NOT_FOUND',
            'There is no such meeting, or you are not on it.',
          );
        }
        return {
          topic: meetingTopic(params.meetingId),
          live: s.live,
          // Their roles as they are now: a coordinator who is one no longer loses the seat too.
          stillAllowed: async () =>
            seated(await viewerOf(params.meetingId, personId, await rolesOf(s.db, personId))),
        };
      },
    }),
  ];
}
