import type { SentReferralRecord } from '../ports/referrals.js';
import type { Repos } from '../ports/store.js';

interface Orderable {
  id: string;
  reference: string;
  childrenCount: number;
}

/**
 * Cases as the agenda hears them: the coordinator's order first, the rest by reference, then
 * cases with children before adult cases (the SafeLives groups; `build-agenda.ts` orders the
 * agenda itself the same way). Research follows the agenda so a rep works down the same list
 * the chair will.
 */
async function inAgendaOrder<T extends Orderable>(
  repos: Repos,
  meetingId: string,
  cases: readonly T[],
): Promise<T[]> {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const order = (await repos.agendas.order(meetingId)).filter((id) => byId.has(id));
  const rest = cases
    .filter((c) => !order.includes(c.id))
    .sort((a, b) => a.reference.localeCompare(b.reference, 'en-GB', { numeric: true }));
  const ordered = [...order.map((id) => byId.get(id)!), ...rest];
  return [
    ...ordered.filter((c) => c.childrenCount > 0),
    ...ordered.filter((c) => c.childrenCount === 0),
  ];
}

/** A meeting's cases in agenda order, whole (decrypted): for a view of who each is about. */
export async function meetingCases(repos: Repos, meetingId: string): Promise<SentReferralRecord[]> {
  const cases: SentReferralRecord[] = [];
  for (const id of await repos.meetings.caseIds(meetingId)) {
    const referral = await repos.referrals.get(id);
    if (referral && referral.status === 'accepted') cases.push(referral);
  }
  return inAgendaOrder(repos, meetingId, cases);
}

/** A meeting's cases in agenda order by reference only: nothing decrypted (the matrix, prompts). */
export async function meetingCaseRefs(
  repos: Repos,
  meetingId: string,
): Promise<{ id: string; reference: string }[]> {
  return inAgendaOrder(repos, meetingId, await repos.meetings.caseSummaries(meetingId));
}
