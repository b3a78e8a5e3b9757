import { casesInOrder } from '../agendas/agenda.js';
import type { MeetingRecord, Repos } from '../ports/store.js';

/** A case as the running order is built from it: plain columns only. */
export interface PlannedCase {
  referralId: string;
  reference: string;
  hasChildren: boolean;
}

/**
 * The order cases are heard in: cases involving children first (SafeLives), and within each
 * group the agenda's order, then any case it does not name (added since) by reference.
 */
export function runningOrder(
  cases: readonly PlannedCase[],
  agendaOrder: readonly string[],
): PlannedCase[] {
  const rank = new Map(agendaOrder.map((id, index) => [id, index]));
  const byAgenda = (a: PlannedCase, b: PlannedCase) => {
    const ra = rank.get(a.referralId);
    const rb = rank.get(b.referralId);
    if (ra !== undefined && rb !== undefined) return ra - rb;
    if (ra !== undefined) return -1;
    if (rb !== undefined) return 1;
    return a.reference.localeCompare(b.reference, 'en-GB', { numeric: true });
  };
  return [
    ...cases.filter((c) => c.hasChildren).sort(byAgenda),
    ...cases.filter((c) => !c.hasChildren).sort(byAgenda),
  ];
}

/**
 * The meeting's cases in the order they will be heard: the latest published agenda's order
 * (what every agency prepared from) if there is one, else the coordinator's order.
 */
export async function plannedCases(repos: Repos, meeting: MeetingRecord): Promise<PlannedCase[]> {
  const summaries = await repos.meetings.caseSummaries(meeting.id);
  const versions = await repos.agendas.versions(meeting.id, meeting.areaId);
  const latest = versions.reduce<(typeof versions)[number] | null>(
    (found, v) => (found === null || v.version > found.version ? v : found),
    null,
  );
  const agendaOrder = latest
    ? casesInOrder(latest.agenda).map((c) => c.referralId)
    : await repos.agendas.order(meeting.id);
  return runningOrder(
    summaries.map((s) => ({
      referralId: s.id,
      reference: s.reference,
      hasChildren: s.childrenCount > 0,
    })),
    agendaOrder,
  );
}
