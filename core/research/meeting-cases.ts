import type { SentReferralRecord } from '../ports/referrals.js';
import type { Repos } from '../ports/store.js';

/**
 * A meeting's cases as the agenda hears them: the coordinator's order first, the rest by
 * reference, then cases with children before adult cases (the SafeLives groups). Research
 * follows the agenda so a rep works down the same list the chair will.
 */
export async function meetingCases(repos: Repos, meetingId: string): Promise<SentReferralRecord[]> {
  const cases: SentReferralRecord[] = [];
  for (const id of await repos.meetings.caseIds(meetingId)) {
    const referral = await repos.referrals.get(id);
    if (referral && referral.status === 'accepted') cases.push(referral);
  }
  const byId = new Map(cases.map((c) => [c.id, c]));
  const order = (await repos.agendas.order(meetingId)).filter((id) => byId.has(id));
  const rest = cases
    .filter((c) => !order.includes(c.id))
    .sort((a, b) => a.reference.localeCompare(b.reference, 'en-GB', { numeric: true }));
  const ordered = [...order.map((id) => byId.get(id)!), ...rest];
  const withChildren = (c: SentReferralRecord) => c.form.children.length > 0;
  return [...ordered.filter(withChildren), ...ordered.filter((c) => !withChildren(c))];
}
