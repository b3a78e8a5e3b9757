import type { LocalDate } from '#core/shared/local-date.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import { areaPeriod, dueQuarterEnded } from '../crypto/retention-period.js';
import {
  caseDues,
  caseLinks,
  latest,
  meetingDues,
  type MeetingDue,
} from '../crypto/retention-rule.js';
import type { Db, Queryable } from '../db/db.js';

/*
 * What the purge reads before it changes anything: every group of cases (a case and those tied
 * to it) with the date it falls due, every meeting with records of its own, and which of them
 * are past keeping. The dry run prints this; the purge erases what it lists, re-checking each
 * group and meeting in its own transaction.
 */

export interface CaseGroupDue {
  caseIds: string[];
  /** The latest due date of its cases. */
  due: LocalDate;
  /** Each member's area, for the period its key goes under. */
  areaOf: Map<string, string>;
}

export interface RetentionPlan {
  groups: CaseGroupDue[];
  meetings: MeetingDue[];
  /** Groups and meetings whose due date's quarter has ended by `today`. */
  dueGroups: CaseGroupDue[];
  dueMeetings: MeetingDue[];
}

export async function planRetention(q: Queryable, today: LocalDate): Promise<RetentionPlan> {
  const dues = await caseDues(q, null);
  const parent = new Map(dues.map((d) => [d.caseId, d.caseId]));
  const root = (id: string): string => {
    let at = id;
    while (parent.get(at) !== at) at = parent.get(at) ?? at;
    parent.set(id, at);
    return at;
  };
  for (const [a, b] of await caseLinks(q, null)) {
    if (parent.has(a) && parent.has(b)) parent.set(root(a), root(b));
  }
  const byRoot = new Map<string, CaseGroupDue>();
  for (const d of dues) {
    const key = root(d.caseId);
    const group: CaseGroupDue = byRoot.get(key) ?? {
      caseIds: [],
      due: d.due,
      areaOf: new Map<string, string>(),
    };
    group.caseIds.push(d.caseId);
    group.due = latest([group.due, d.due]);
    group.areaOf.set(d.caseId, d.areaId);
    byRoot.set(key, group);
  }
  const groups = [...byRoot.values()].map((g) => ({ ...g, caseIds: g.caseIds.sort() }));
  const meetings = await meetingDues(q, null);
  return {
    groups,
    meetings,
    dueGroups: groups.filter((g) => dueQuarterEnded(g.due, today)),
    dueMeetings: meetings.filter((m) => dueQuarterEnded(m.due, today)),
  };
}

/** The period each case and meeting data key should be under, by owner, as `plan` has it. */
export function plannedPeriods(plan: RetentionPlan, today: LocalDate): Map<string, string> {
  const periods = new Map<string, string>();
  for (const group of plan.groups)
    for (const id of group.caseIds)
      periods.set(`case:${id}`, areaPeriod(group.areaOf.get(id)!, group.due, today));
  for (const m of plan.meetings)
    periods.set(`meeting:${m.meetingId}`, areaPeriod(m.areaId, m.due, today));
  return periods;
}

/** The case and meeting data keys not under the period `plan` says they fall due in. */
export async function staleOwners(
  q: Queryable,
  plan: RetentionPlan,
  today: LocalDate,
): Promise<string[]> {
  const wanted = plannedPeriods(plan, today);
  const rows = await q.query<{ owner: string; period: string | null }>(
    `SELECT owner, period FROM data_key WHERE owner LIKE 'case:%' OR owner LIKE 'meeting:%'`,
  );
  return rows.rows
    .filter((r) => wanted.has(r.owner) && wanted.get(r.owner) !== r.period)
    .map((r) => r.owner);
}

/**
 * Moves every case and meeting data key that is not under the period it now falls due in (an
 * area's retention changed; a key from before migration 021, under the key-encryption key),
 * a batch per transaction; each move works its period out again in its transaction. Returns
 * how many moved.
 */
export async function refileAll(
  db: Db,
  crypto: AppCrypto,
  plan: RetentionPlan,
  today: LocalDate,
): Promise<number> {
  const stale = await staleOwners(db, plan, today);
  let moved = 0;
  for (let i = 0; i < stale.length; i += 100) {
    const batch = stale.slice(i, i + 100);
    moved += await db.transaction(async (tx) => {
      let n = 0;
      for (const owner of batch) if (await crypto.cipher.refile(tx, owner)) n += 1;
      return n;
    });
  }
  return moved;
}
