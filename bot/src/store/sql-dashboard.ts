import type { DashboardRepo } from '#core/ports/dashboard.js';
import type { Queryable } from '../db/db.js';

/*
 * The dashboard's reads: plain columns and counts only (dates, flags, ids, agency names). Dates
 * come back as text (`::text`), the same from pg and PGlite.
 */
export function sqlDashboard(q: Queryable): DashboardRepo {
  return {
    async heardCases(areaId, from, to) {
      const { rows } = await q.query<{
        meeting_date: string;
        referred_on: string;
        is_repeat: boolean;
      }>(
        `SELECT m.date::text AS meeting_date, r.referred_on::text AS referred_on, r.is_repeat
           FROM meeting_case mc
           JOIN meeting m ON m.id = mc.meeting_id
           JOIN referral r ON r.id = mc.referral_id
          WHERE m.area_id = $1 AND m.date BETWEEN $2 AND $3 AND mc.state = 'heard'
          ORDER BY m.date, mc.position`,
        [areaId, from, to],
      );
      return rows.map((r) => ({
        meetingDate: r.meeting_date,
        referredOn: r.referred_on,
        isRepeat: r.is_repeat,
      }));
    },

    async referralsByAgency(areaId, from, to) {
      const { rows } = await q.query<{
        agency_id: string;
        name: string;
        kind: string;
        count: number;
      }>(
        `SELECT a.id AS agency_id, a.name, a.kind, count(*)::int AS count
           FROM referral r
           JOIN agency a ON a.id = r.referrer_agency_id
          WHERE r.area_id = $1 AND r.referred_on BETWEEN $2 AND $3
            AND r.status <> 'draft' AND r.submitted_at IS NOT NULL
          GROUP BY a.id, a.name, a.kind`,
        [areaId, from, to],
      );
      return rows.map((r) => ({
        agencyId: r.agency_id,
        agencyName: r.name,
        agencyKind: r.kind,
        count: r.count,
      }));
    },

    async researchCells(areaId, from, to) {
      const { rows } = await q.query<{
        meeting_id: string;
        meeting_date: string;
        agency_id: string;
        name: string;
        submitted_at: Date | string | null;
      }>(
        `SELECT rs.meeting_id, m.date::text AS meeting_date, a.id AS agency_id, a.name,
                rs.submitted_at
           FROM research rs
           JOIN meeting m ON m.id = rs.meeting_id
           JOIN agency a ON a.id = rs.agency_id
          WHERE m.area_id = $1 AND m.date BETWEEN $2 AND $3 AND m.status <> 'cancelled'`,
        [areaId, from, to],
      );
      return rows.map((r) => ({
        meetingId: r.meeting_id,
        meetingDate: r.meeting_date,
        agencyId: r.agency_id,
        agencyName: r.name,
        submittedAt: r.submitted_at === null ? null : new Date(r.submitted_at),
      }));
    },

    async incompleteActions(areaId, now) {
      const { rows } = await q.query<{
        agency_id: string;
        name: string;
        incomplete: number;
        overdue: number;
      }>(
        `SELECT a.id AS agency_id, a.name, count(*)::int AS incomplete,
                count(*) FILTER (WHERE ma.due_at < $2)::int AS overdue
           FROM meeting_action ma
           JOIN agency a ON a.id = ma.owner_agency_id
          WHERE ma.area_id = $1 AND ma.status IN ('open', 'ongoing')
          GROUP BY a.id, a.name`,
        [areaId, now],
      );
      return rows.map((r) => ({
        agencyId: r.agency_id,
        agencyName: r.name,
        incomplete: r.incomplete,
        overdue: r.overdue,
      }));
    },

    async adultWomen(areaId) {
      const { rows } = await q.query<{ adult_women: number | null }>(
        'SELECT adult_women FROM area WHERE id = $1',
        [areaId],
      );
      return rows[0]?.adult_women ?? null;
    },

    async setAdultWomen(areaId, adultWomen) {
      await q.query('UPDATE area SET adult_women = $2, updated_at = now() WHERE id = $1', [
        areaId,
        adultWomen,
      ]);
    },
  };
}
