import type { Role } from '#core/contracts/api.js';
import type { Principal } from '../../auth/people.js';
import { areaOfMeetingId, areaOfReferralId } from '../../store/record-area.js';
import type { Services } from '../services.js';

/** Finders for the area a record belongs to, used by route policies. */
export const areaOfArea = (_s: Services) => async (params: Record<string, string>) =>
  params.areaId ?? null;

export const areaOfMeeting = (s: Services) => (params: Record<string, string>) =>
  params.meetingId ? areaOfMeetingId(s.db, params.meetingId) : Promise.resolve(null);

export const areaOfReferral = (s: Services) => (params: Record<string, string>) =>
  params.referralId ? areaOfReferralId(s.db, params.referralId) : Promise.resolve(null);

/**
 * The caller as the meeting and research use cases take them: who they are, and their roles in
 * the meeting's area (the use cases then decide by their seat on the meeting itself).
 */
export async function meetingViewerOf(
  s: Services,
  principal: Principal | null,
  meetingId: string,
): Promise<{ meetingId: string; personId: string; roles: Role[] }> {
  const areaId = await areaOfMeetingId(s.db, meetingId);
  const roles = principal!.roles.filter((r) => r.areaId === areaId).map((r) => r.role);
  return { meetingId, personId: principal!.personId, roles };
}
