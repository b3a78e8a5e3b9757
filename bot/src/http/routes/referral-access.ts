import type { Principal } from '../../auth/people.js';
import type { ReferralRecord } from '#core/ports/referrals.js';
import { repSitsOnMeeting } from '../../store/record-area.js';
import type { Services } from '../services.js';

/**
 * Who may read a referral in full: the area's coordinator or admin; its referrer; and, once it is
 * on a meeting, that meeting's chair and IDVA, and a rep only while their agency is on that
 * meeting's list (the area's agencies until the coordinator sets the list).
 */
export async function mayRead(
  s: Services,
  principal: Principal,
  referral: ReferralRecord,
): Promise<boolean> {
  // A draft is its referrer's own until it is submitted.
  if (referral.status === 'draft') return referral.referrerPersonId === principal.personId;
  const roles = principal.roles.filter((r) => r.areaId === referral.areaId).map((r) => r.role);
  if (roles.includes('coordinator') || roles.includes('admin')) return true;
  if (referral.referrerPersonId === principal.personId) return true;
  if (!referral.meetingId || referral.status !== 'accepted') return false;
  if (roles.includes('chair') || roles.includes('idva')) return true;
  if (!roles.includes('rep')) return false;
  return repSitsOnMeeting(s.db, {
    areaId: referral.areaId,
    personId: principal.personId,
    meetingId: referral.meetingId,
  });
}

export const isCoordinating = (principal: Principal, areaId: string) =>
  principal.roles.some(
    (r) => r.areaId === areaId && (r.role === 'coordinator' || r.role === 'admin'),
  );
