import type { AdaptiveCard } from '../cards/card-types.js';
import { dashPageCard, type Answer } from '../cards/dash-page-card.js';
import { detailsCard } from '../cards/details-card.js';
import { reviewCard } from '../cards/review-card.js';
import { noticeCard, receiptCard, welcomeCard } from '../cards/status-cards.js';
import type { Services } from '../http/services.js';
import type { CardOutcome } from '../store/sql-card-operations.js';
import { detailsValues } from './details-form.js';
import type { Referrer } from './referral-actor.js';
import { draftOf, ownDraft, PAGE_SIZE, questionSetFor, stepsFor } from './referral-drafts.js';
import { draftsView, referralsView } from './referral-lists.js';
import { reviewOf } from './referral-review.js';

/** What a step refused, to show on the same card again: the problems and what was typed. */
export interface Refusal {
  errors: string[];
  values?: Record<string, string>;
}

export const EXPIRED =
  'This card has expired. Send "my drafts" to carry on with a draft, or "refer" to start again.';

/**
 * The card for an outcome, built afresh from the server's copy of the draft, with a new
 * operation id in every button. The same outcome always gives the same card, so a second click
 * on one card shows what the first click showed.
 */
export async function cardFor(
  s: Services,
  who: Referrer,
  outcome: CardOutcome,
  refusal: Refusal | null = null,
): Promise<AdaptiveCard> {
  const op = s.ids.newId();
  const referral = await ownDraft(s, who, outcome.referralId);
  const data = { op, ...(referral ? { referralId: referral.id } : {}), step: outcome.show };
  const errors = refusal?.errors ?? [];
  switch (outcome.show) {
    case 'welcome':
      return welcomeCard(op);
    case 'drafts':
      return draftsView(s, who, op);
    case 'referrals':
      return referralsView(s, who);
    case 'submitted':
    case 'cancelled':
      return endCard(s, who, outcome);
  }
  if (outcome.referralId && !referral) return noticeCard(EXPIRED);
  const draft = draftOf(referral);
  const set = await questionSetFor(s, draft?.areaId ?? who.offer.areas[0]!.id);
  const totalSteps = stepsFor(set).length;
  if (outcome.show === 'details') {
    const values = refusal?.values ?? (draft ? detailsValues(draft) : {});
    return detailsCard({
      ...who.offer,
      values,
      asWritten: referral?.asWritten,
      errors,
      totalSteps,
      data,
    });
  }
  const page = /^dash-(\d+)$/.exec(outcome.show);
  if (page && draft) {
    const answers =
      (draft.riskAssessment?.kind === 'dash' ? draft.riskAssessment.answers : null) ?? {};
    return dashPageCard({
      set,
      page: Number(page[1]),
      pageSize: PAGE_SIZE,
      answers: answers as Record<string, Answer | undefined>,
      ...(refusal?.values ? { values: refusal.values } : {}),
      errors,
      totalSteps,
      data,
    });
  }
  if (outcome.show === 'review' && draft) {
    const review = await reviewOf(s, who.offer, draft, set, errors, referral?.asWritten);
    return reviewCard({ ...review, totalSteps, data });
  }
  return noticeCard(EXPIRED);
}

/** Once sent or cancelled, the card left in the chat holds a reference and a status only. */
async function endCard(s: Services, who: Referrer, outcome: CardOutcome): Promise<AdaptiveCard> {
  const referral = outcome.referralId
    ? await s.uow.run((repos) => repos.referrals.get(outcome.referralId!))
    : null;
  const mine = referral && referral.referrerPersonId === who.principal.personId ? referral : null;
  if (outcome.show === 'submitted' && mine) {
    return receiptCard({ title: 'Referral sent', reference: mine.reference, status: mine.status });
  }
  if (mine) {
    return receiptCard({
      title: 'Stopped for now',
      reference: mine.reference,
      status: mine.status,
      note: 'Your draft is kept. Send "my drafts" to carry on with it.',
    });
  }
  return noticeCard('Cancelled. Nothing was saved.');
}
