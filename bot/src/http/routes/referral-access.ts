import type { Principal } from '../../auth/people.js';
import type { ReferralRecord } from '#core/ports/referrals.js';
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
  const onList = await s.db.query(
    `SELECT 1 FROM area_agency aa
      WHERE aa.area_id = $1 AND (aa.core_rep_id = $2 OR aa.deputy_rep_id = $2)
        AND (aa.agency_id IN (SELECT agency_id FROM meeting_agency WHERE meeting_id = $3)
             OR NOT EXISTS (SELECT 1 FROM meeting_agency WHERE meeting_id = $3))`,
    [referral.areaId, principal.personId, referral.meetingId],
  );
  return onList.rows.length > 0;
}

export const isCoordinating = (principal: Principal, areaId: string) =>
  principal.roles.some(
    (r) => r.areaId === areaId && (r.role === 'coordinator' || r.role === 'admin'),
  );
