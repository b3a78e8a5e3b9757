import type { NotifyJob, UnitOfWork } from '#core/ports/store.js';
import { referralNotice } from './referral-notice.js';
import type { TeamsNotifier } from './teams-notifier.js';

/** Carries a `notify.referrer` outbox job to Teams. */
export async function notifyReferrer(
  deps: { uow: UnitOfWork; notifier: TeamsNotifier },
  job: Extract<NotifyJob, { kind: 'notify.referrer' }>,
): Promise<void> {
  const found = await deps.uow.run(async (repos) => {
    const referral = await repos.referrals.get(job.referralId);
    if (!referral) return null;
    const meeting = referral.meetingId ? await repos.meetings.get(referral.meetingId) : null;
    return {
      personId: referral.referrerPersonId,
      reference: referral.reference,
      meetingDate: meeting?.date ?? null,
    };
  });
  if (!found) return;
  await deps.notifier.send(found.personId, referralNotice({ ...found, status: job.status }));
}
