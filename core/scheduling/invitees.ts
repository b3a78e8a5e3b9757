import type { CalendarAttendee } from '../ports/calendar.js';
import type { AreaRecord, Repos } from '../ports/store.js';

/** Roles invited to every MARAC of the area besides the agencies' reps. */
const INVITED_ROLES = ['chair', 'idva'] as const;

/**
 * Who a MARAC invitation goes to: every agency's core rep and (unless the area's protocol leaves
 * them out) deputy, the chair, and the IDVA service. Each person once, in a stable order, so a
 * re-issued series only changes when the people do.
 */
export async function meetingInvitees(
  repos: Repos,
  area: Pick<AreaRecord, 'id' | 'protocol'>,
): Promise<CalendarAttendee[]> {
  const deputies = area.protocol.inviteDeputies !== false;
  const reps = (await repos.areas.agencies(area.id)).flatMap((agency) => [
    ...(agency.coreRep ? [agency.coreRep] : []),
    ...(deputies && agency.deputyRep ? [agency.deputyRep] : []),
  ]);
  const staff = await repos.areas.peopleInRoles(area.id, INVITED_ROLES);
  const byEmail = new Map<string, CalendarAttendee>();
  for (const person of [...reps, ...staff]) {
    const key = person.email.trim().toLowerCase();
    if (!byEmail.has(key)) byEmail.set(key, { name: person.name, email: person.email });
  }
  return [...byEmail.values()].sort((a, b) => a.email.localeCompare(b.email));
}
