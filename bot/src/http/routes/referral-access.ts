import type { Principal } from '../../auth/people.js';
import type { ReferralRecord } from '#core/ports/referrals.js';
import { memberSitsOnMeeting, repSitsOnMeeting } from '../../store/record-area.js';
import type { Services } from '../services.js';

/**
 * Who may read a referral in full: the area's coordinator or admin; its referrer; and, once it is
 * on a meeting, that meeting's chairs and IDVAs, and a rep only while their agency is on that
 * meeting's list (the area's agencies, chairs and IDVAs until the coordinator sets the list).
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
  return sitsOnMeeting(s, principal, { areaId: referral.areaId, meetingId: referral.meetingId });
}

/**
 * Whether the person sits on the meeting: its chair or an IDVA named on it, or a rep of an agency
 * on its list (every agency, chair and IDVA of the area until the coordinator sets the list).
 */
export async function sitsOnMeeting(
  s: Services,
  principal: Principal,
  meeting: { areaId: string; meetingId: string },
): Promise<boolean> {
  const roles = principal.roles.filter((r) => r.areaId === meeting.areaId).map((r) => r.role);
  const asMember = (['chair', 'idva'] as const).filter((r) => roles.includes(r));
  const { personId } = principal;
  if (
    asMember.length > 0 &&
    (await memberSitsOnMeeting(s.db, { personId, meetingId: meeting.meetingId, roles: asMember }))
  )
    return true;
  if (!roles.includes('rep')) return false;
  return repSitsOnMeeting(s.db, { ...meeting, personId });
}

export const isCoordinating = (principal: Principal, areaId: string) =>
  principal.roles.some(
    (r) => r.areaId === areaId && (r.role === 'coordinator' || r.role === 'admin'),
  );
