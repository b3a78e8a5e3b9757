import type { AdaptiveCard } from '../cards/card-types.js';
import { draftsCard, referralsCard, type ReferralLine } from '../cards/list-cards.js';
import type { Services } from '../http/services.js';
import type { Referrer } from './referral-actor.js';

/** "My drafts": the person's drafts by reference and the day they were started. */
export async function draftsView(s: Services, who: Referrer, op: string): Promise<AdaptiveCard> {
  const mine = await s.uow.run((repos) => repos.referrals.byReferrer(who.principal.personId));
  const drafts = mine
    .filter((r) => r.status === 'draft')
    .map((r) => ({ id: r.id, reference: r.reference, savedOn: r.referredOn }));
  return draftsCard({ drafts, op });
}

/**
 * "My referrals": each sent referral's status, the meeting date once accepted, and the
 * coordinator's note (needs information, declined). Reading them is audited as any read is.
 */
export async function referralsView(s: Services, who: Referrer): Promise<AdaptiveCard> {
  const lines: ReferralLine[] = await s.uow
    .as({ actorId: who.principal.personId, correlationId: 'bot' })
    .run(async (repos) => {
      const sent = (await repos.referrals.byReferrer(who.principal.personId)).filter(
        (r) => r.status !== 'draft',
      );
      const out: ReferralLine[] = [];
      for (const item of sent.slice(0, 10)) {
        const meeting =
          item.meetingId && item.status === 'accepted'
            ? await repos.meetings.get(item.meetingId)
            : null;
        const full =
          item.status === 'needs-information' || item.status === 'declined'
            ? await repos.referrals.get(item.id)
            : null;
        out.push({
          reference: item.reference,
          status: item.status,
          meetingDate: meeting?.date ?? null,
          note: full?.decisionNote ?? null,
        });
      }
      await repos.audit.record('referral.list-mine', 'person', who.principal.personId);
      return out;
    });
  return referralsCard(lines);
}
