import type { LocalDate } from '#core/shared/local-date.js';
import type { Queryable } from '../db/db.js';

/*
 * When records fall due for erasure, in one place: the key placement (which period's key wraps
 * a new data key), the re-filing of keys when a case is heard again, and the purge all read it.
 *
 * A case falls due `area.retention_months` after its last MARAC. Its dates are every date it is
 * tied to (each referral's date, and the date of every meeting it was listed for, heard at,
 * deferred from or moved to, cancelled or not), each plus the retention of the area it was in;
 * the case falls due on the latest. Counting every meeting keeps a rule the erasure relies on:
 * a meeting's agenda and minutes (due on its date plus its area's retention) never outlive a
 * case they name.
 *
 * Cases tied together are kept and erased together, on the latest due date of any of them:
 * a repeat (`repeat_of_case_id`), and a referral merged into another case, whose research,
 * notes and actions stay sealed under the data key of the case it came from.
 */

/** `$1` filters by case ids; without ids, every case. */
const match = (column: string, filtered: boolean) =>
  filtered ? `${column} = ANY($1::uuid[])` : 'true';

function caseDatesSql(filtered: boolean): string {
  const f = (column: string) => match(column, filtered);
  return `
WITH dated (case_id, on_date, area_id) AS (
  SELECT c.id, c.last_referred_on, c.area_id FROM marac_case c WHERE ${f('c.id')}
  UNION ALL SELECT r.case_id, r.referred_on, r.area_id FROM referral r WHERE ${f('r.case_id')}
  UNION ALL SELECT r.case_id, m.date, m.area_id
    FROM referral r JOIN meeting m ON m.id = r.meeting_id WHERE ${f('r.case_id')}
  UNION ALL SELECT r.case_id, m.date, m.area_id FROM meeting_case x
    JOIN referral r ON r.id = x.referral_id JOIN meeting m ON m.id = x.meeting_id WHERE ${f('r.case_id')}
  UNION ALL SELECT x.case_id, m.date, m.area_id
    FROM meeting_case x JOIN meeting m ON m.id = x.meeting_id WHERE ${f('x.case_id')}
  UNION ALL SELECT x.case_id, m.date, m.area_id
    FROM research x JOIN meeting m ON m.id = x.meeting_id WHERE ${f('x.case_id')}
  UNION ALL SELECT x.case_id, m.date, m.area_id
    FROM meeting_action x JOIN meeting m ON m.id = x.meeting_id WHERE ${f('x.case_id')}
  UNION ALL SELECT r.case_id, m.date, m.area_id FROM case_move x
    JOIN referral r ON r.id = x.referral_id
    JOIN meeting m ON m.id = x.from_meeting_id OR m.id = x.to_meeting_id WHERE ${f('r.case_id')}
  UNION ALL SELECT r.case_id, m.date, m.area_id FROM agenda_late_case x
    JOIN referral r ON r.id = x.referral_id JOIN meeting m ON m.id = x.meeting_id WHERE ${f('r.case_id')}
)
SELECT d.case_id::text AS case_id, c.area_id::text AS area_id, c.partnership_id::text AS partnership_id,
       to_char(max(d.on_date + make_interval(months => a.retention_months)), 'YYYY-MM-DD') AS due
  FROM dated d JOIN area a ON a.id = d.area_id JOIN marac_case c ON c.id = d.case_id
 GROUP BY d.case_id, c.area_id, c.partnership_id`;
}

function caseLinksSql(filtered: boolean): string {
  const either = (a: string, b: string) =>
    filtered ? `(${match(a, true)} OR ${match(b, true)})` : 'true';
  const moved = (table: string) => `
  UNION SELECT x.case_id::text, r.case_id::text FROM ${table} x JOIN referral r ON r.id = x.referral_id
   WHERE x.case_id <> r.case_id AND ${either('x.case_id', 'r.case_id')}`;
  return `
SELECT c.id::text AS a, c.repeat_of_case_id::text AS b FROM marac_case c
 WHERE c.repeat_of_case_id IS NOT NULL AND ${either('c.id', 'c.repeat_of_case_id')}
${moved('research')}${moved('meeting_case')}${moved('meeting_action')}
UNION SELECT u.case_id::text, x.case_id::text FROM action_update u JOIN meeting_action x ON x.id = u.action_id
 WHERE u.case_id <> x.case_id AND ${either('u.case_id', 'x.case_id')}`;
}

export interface CaseDue {
  caseId: string;
  areaId: string;
  partnershipId: string;
  /** The case's own due date, before it is joined with the cases tied to it. */
  due: LocalDate;
}

/** Each case's own due date; `caseIds` null for every case. */
export async function caseDues(q: Queryable, caseIds: string[] | null): Promise<CaseDue[]> {
  if (caseIds?.length === 0) return [];
  const found = await q.query<{
    case_id: string;
    area_id: string;
    partnership_id: string;
    due: string;
  }>(caseDatesSql(caseIds !== null), caseIds ? [caseIds] : []);
  return found.rows.map((r) => ({
    caseId: r.case_id,
    areaId: r.area_id,
    partnershipId: r.partnership_id,
    due: r.due,
  }));
}

/** Pairs of cases tied together (repeats and merges); `caseIds` null for every pair. */
export async function caseLinks(
  q: Queryable,
  caseIds: string[] | null,
): Promise<[string, string][]> {
  if (caseIds?.length === 0) return [];
  const found = await q.query<{ a: string; b: string }>(
    caseLinksSql(caseIds !== null),
    caseIds ? [caseIds] : [],
  );
  return found.rows.map((r) => [r.a, r.b]);
}

/** The case and every case tied to it, however indirectly. */
export async function caseGroup(q: Queryable, caseId: string): Promise<string[]> {
  const group = new Set([caseId]);
  let frontier = [caseId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const [a, b] of await caseLinks(q, frontier)) {
      for (const id of [a, b]) {
        if (!group.has(id)) {
          group.add(id);
          next.push(id);
        }
      }
    }
    frontier = next;
  }
  return [...group];
}

/** The latest of several due dates. */
export const latest = (dates: LocalDate[]): LocalDate => dates.reduce((a, b) => (b > a ? b : a));

export interface MeetingDue {
  meetingId: string;
  areaId: string;
  due: LocalDate;
}

/**
 * A meeting's own records (agenda versions, action plan, minutes, their copies, the reason it
 * was moved or cancelled) fall due on the meeting's date plus its area's retention;
 * `meetingIds` null for every meeting that has any.
 */
export async function meetingDues(
  q: Queryable,
  meetingIds: string[] | null,
): Promise<MeetingDue[]> {
  if (meetingIds?.length === 0) return [];
  const found = await q.query<{ id: string; area_id: string; due: string }>(
    `SELECT m.id::text AS id, m.area_id::text AS area_id,
            to_char(m.date + make_interval(months => a.retention_months), 'YYYY-MM-DD') AS due
       FROM meeting m JOIN area a ON a.id = m.area_id
      WHERE ${
        meetingIds
          ? 'm.id = ANY($1::uuid[])'
          : `EXISTS (SELECT 1 FROM agenda_version v WHERE v.meeting_id = m.id)
          OR EXISTS (SELECT 1 FROM meeting_document d WHERE d.meeting_id = m.id)
          OR EXISTS (SELECT 1 FROM agenda_late_case l WHERE l.meeting_id = m.id)
          OR EXISTS (SELECT 1 FROM data_key k WHERE k.owner = 'meeting:' || m.id::text)
          OR m.change_reason IS NOT NULL`
      }`,
    meetingIds ? [meetingIds] : [],
  );
  return found.rows.map((r) => ({ meetingId: r.id, areaId: r.area_id, due: r.due }));
}
