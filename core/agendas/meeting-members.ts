import type { MeetingAgencies } from '../contracts/agenda-api.js';
import type { AreaRecord, MeetingRecord, Repos } from '../ports/store.js';
import type { SchedulingDeps } from '../scheduling/deps.js';
import { londonToday } from '../scheduling/area-calendar.js';
import { DomainError } from '../shared/errors.js';
import { openAgendaMeeting } from './agenda-meeting.js';

/** Who sits on a meeting, with every agency, chair and IDVA of the area to choose from. */
export async function meetingMembersView(
  repos: Repos,
  meeting: MeetingRecord,
  area: AreaRecord,
): Promise<MeetingAgencies> {
  const members = await repos.agendas.members(meeting.id, area.id);
  const agencies = await repos.areas.agencies(area.id);
  const people = async (role: 'chair' | 'idva', on: string[]) =>
    (await repos.agendas.areaMembers(area.id, role)).map((p) => ({
      id: p.id,
      name: p.name,
      onMeeting: on.includes(p.id),
    }));
  return {
    meetingId: meeting.id,
    isDefault: members.isDefault,
    agencies: agencies.map((a) => ({
      id: a.id,
      name: a.name,
      onMeeting: members.agencyIds.includes(a.id),
      mode: a.deliveryMode,
    })),
    chairs: await people('chair', members.chairIds),
    idvas: await people('idva', members.idvaIds),
  };
}

const unknownIn = (ids: readonly string[], known: readonly { id: string }[]) =>
  ids.filter((id) => !known.some((k) => k.id === id));

/**
 * Sets who sits on a meeting: the agencies that receive its agenda and whose reps read its
 * cases, and the chairs and IDVAs who read them. Each must belong to the meeting's area.
 */
export async function setMeetingMembers(
  deps: SchedulingDeps,
  input: { meetingId: string; agencyIds: string[]; chairIds: string[]; idvaIds: string[] },
): Promise<MeetingAgencies> {
  const today = londonToday(deps.clock.now());
  return deps.uow.run(async (repos) => {
    const { meeting, area } = await openAgendaMeeting(repos, input.meetingId, today);
    const problems: { path: string; message: string }[] = [];
    const check = (field: string, words: string, ids: string[], known: { id: string }[]) => {
      if (new Set(ids).size !== ids.length)
        problems.push({
          path: `body.${field}`,
          message: `${words}: each can be chosen only once.`,
        });
      if (unknownIn(ids, known).length > 0)
        problems.push({
          path: `body.${field}`,
          message: `${words}: choose from the ${words.toLowerCase()} of ${area.name}.`,
        });
    };
    check('agencyIds', 'Agencies', input.agencyIds, await repos.areas.agencies(area.id));
    check('chairIds', 'Chairs', input.chairIds, await repos.agendas.areaMembers(area.id, 'chair'));
    check('idvaIds', 'IDVAs', input.idvaIds, await repos.agendas.areaMembers(area.id, 'idva'));
    if (problems.length > 0) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'Who sits on this meeting: some choices are not of this area. Reload the page and choose again.',
        problems,
      );
    }
    await repos.agendas.setMembers(meeting.id, input);
    await repos.audit.record('meeting.members', 'meeting', meeting.id);
    return meetingMembersView(repos, meeting, area);
  });
}
