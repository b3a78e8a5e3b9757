import type { Role } from '../contracts/api.js';
import type { MeetingRecord, Repos } from '../ports/store.js';
import type { ResearchReader } from './read-rules.js';

/**
 * Who the person is to this meeting's research, from the store: the agencies on the meeting's
 * list they rep, whether they chair it, whether they sit on it at all. `roles` are the caller's
 * roles in the meeting's area, as the route's authentication found them.
 */
export async function researchReaderFor(
  repos: Repos,
  meeting: MeetingRecord,
  person: { personId: string; roles: readonly Role[] },
): Promise<ResearchReader> {
  const reps = await repos.agendas.recipients(meeting.id, meeting.areaId);
  const members = await repos.agendas.members(meeting.id, meeting.areaId);
  const repOfAgencies = person.roles.includes('rep')
    ? reps.filter((r) => r.personId === person.personId).map((r) => r.agencyId)
    : [];
  const chairsMeeting =
    person.roles.includes('chair') && members.chairIds.includes(person.personId);
  const idvaOnMeeting = person.roles.includes('idva') && members.idvaIds.includes(person.personId);
  return {
    roles: person.roles,
    repOfAgencies,
    chairsMeeting,
    sitsOnMeeting: repOfAgencies.length > 0 || chairsMeeting || idvaOnMeeting,
  };
}
