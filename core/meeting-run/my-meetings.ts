import { londonDateOf } from '../calendar/london-time.js';
import type { Role } from '../contracts/api.js';
import {
  MY_MEETINGS_DAYS_AHEAD,
  MY_MEETINGS_DAYS_BEFORE,
  type MyMeetings,
} from '../contracts/meeting-api.js';
import { addDays } from '../shared/local-date.js';
import { seatOf } from './meeting-seat.js';
import type { MeetingRunDeps } from './run-deps.js';

/**
 * The meetings the caller has a seat on, from yesterday to four weeks ahead (London dates),
 * soonest first: what the tab lists when it is opened without a meeting (and opens today's).
 */
export function myMeetings(
  deps: Pick<MeetingRunDeps, 'uow' | 'clock'>,
  input: { personId: string; roles: readonly { areaId: string; role: Role }[] },
): Promise<MyMeetings> {
  return deps.uow.run(async (repos) => {
    const today = londonDateOf(deps.clock.now());
    const range = {
      from: addDays(today, -MY_MEETINGS_DAYS_BEFORE),
      to: addDays(today, MY_MEETINGS_DAYS_AHEAD),
    };
    const meetings: MyMeetings['meetings'] = [];
    for (const areaId of new Set(input.roles.map((r) => r.areaId))) {
      const area = await repos.areas.get(areaId);
      if (!area) continue;
      const roles = input.roles.filter((r) => r.areaId === areaId).map((r) => r.role);
      for (const meeting of await repos.meetings.listForArea(areaId, range)) {
        if (meeting.status === 'cancelled') continue;
        const seat = await seatOf(repos, {
          meetingId: meeting.id,
          personId: input.personId,
          roles,
        });
        if (!seat) continue;
        const run = await repos.meetingRun.run(meeting.id);
        meetings.push({
          meetingId: meeting.id,
          areaName: area.name,
          date: meeting.date,
          startsAt: meeting.startsAt.toISOString(),
          state: run?.state ?? 'not-started',
        });
      }
    }
    return { meetings: meetings.sort((a, b) => a.startsAt.localeCompare(b.startsAt)) };
  });
}
