import type { ReferralRecord } from '../ports/referrals.js';
import { DomainError } from '../shared/errors.js';
import { londonToday } from './area-calendar.js';
import type { SchedulingDeps } from './deps.js';
import { comingMeetingOf, moveCase } from './move-cases.js';

export interface MoveReferralInput {
  referralId: string;
  meetingId: string;
  /** Kept in the app for the coordinator; the referrer is told only the new date. */
  reason: string;
}

/**
 * Moves an accepted case to another coming meeting of its area. Asking again for the meeting the
 * case is already on changes nothing and writes nothing, so a repeated request is harmless.
 */
export async function moveReferral(
  deps: SchedulingDeps,
  input: MoveReferralInput,
): Promise<ReferralRecord> {
  const today = londonToday(deps.clock.now());
  return deps.uow.run(async (repos) => {
    const referral = await repos.referrals.get(input.referralId);
    if (!referral) throw new DomainError('NOT_FOUND', 'There is no such referral.');
    if (referral.status !== 'accepted' || !referral.meetingId) {
      throw new DomainError(
        'CONFLICT',
        'Only an accepted case can be moved to another meeting. Accept the referral first.',
      );
    }
    if (referral.meetingId === input.meetingId) return referral;
    const to = await comingMeetingOf(repos, {
      areaId: referral.areaId,
      meetingId: input.meetingId,
      today,
      field: 'meetingId',
      label: 'Meeting to move the case to',
    });
    return moveCase(deps, repos, { referral, to, reason: input.reason });
  });
}
