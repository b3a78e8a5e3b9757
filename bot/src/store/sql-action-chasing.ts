import type {
  ActionChasingRepo,
  ActionChasingSettings,
  ChasedAction,
} from '#core/ports/chasing.js';
import type { Queryable } from '../db/db.js';

/*
 * Chasing reads plain columns only (ids, states, due times, references): the sweep that raises
 * reminders runs every hour over every area and never needs a family's words, so it never opens
 * a sealed column.
 */

interface ChasedRow {
  id: string;
  meeting_id: string;
  referral_id: string;
  area_id: string;
  owner_agency_id: string;
  reference: string;
  due_at: Date | string;
  created_at: Date | string;
  updated_at: Date | string;
  status: ChasedAction['status'];
}

const SELECT_CHASED = `
  SELECT a.id, a.meeting_id, a.referral_id, a.area_id, a.owner_agency_id,
         COALESCE(mc.reference, r.reference) AS reference, a.due_at, a.created_at,
         a.updated_at, a.status
    FROM meeting_action a
    JOIN referral r ON r.id = a.referral_id
    LEFT JOIN meeting_case mc ON mc.meeting_id = a.meeting_id AND mc.referral_id = a.referral_id`;

const toChased = (row: ChasedRow): ChasedAction => ({
  id: row.id,
  meetingId: row.meeting_id,
  referralId: row.referral_id,
  areaId: row.area_id,
  ownerAgencyId: row.owner_agency_id,
  reference: row.reference,
  dueAt: new Date(row.due_at),
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
  status: row.status,
});

export const DEFAULT_ACTION_CHASING: ActionChasingSettings = {
  daysBefore: 2,
  shortNoticeHours: 72,
  overdueEveryDays: 7,
};

export function sqlActionChasing(q: Queryable): ActionChasingRepo {
  return {
    async settings(areaId) {
      const found = await q.query<{
        action_reminder_days_before: number;
        action_short_notice_hours: number;
        action_overdue_every_days: number;
      }>(
        `SELECT action_reminder_days_before, action_short_notice_hours, action_overdue_every_days
           FROM area WHERE id = $1`,
        [areaId],
      );
      const row = found.rows[0];
      if (!row) return { ...DEFAULT_ACTION_CHASING };
      return {
        daysBefore: row.action_reminder_days_before,
        shortNoticeHours: row.action_short_notice_hours,
        overdueEveryDays: row.action_overdue_every_days,
      };
    },

    async setSettings(areaId, settings) {
      await q.query(
        `UPDATE area SET action_reminder_days_before = $2, action_short_notice_hours = $3,
                         action_overdue_every_days = $4
          WHERE id = $1`,
        [areaId, settings.daysBefore, settings.shortNoticeHours, settings.overdueEveryDays],
      );
    },

    async incomplete(areaId) {
      const found = await q.query<ChasedRow>(
        `${SELECT_CHASED}
          WHERE a.area_id = $1 AND a.status IN ('open', 'ongoing')
          ORDER BY a.due_at, a.id`,
        [areaId],
      );
      return found.rows.map(toChased);
    },

    async overdue(areaId, now) {
      const found = await q.query<ChasedRow>(
        `${SELECT_CHASED}
          WHERE a.area_id = $1 AND a.status IN ('open', 'ongoing') AND a.due_at < $2
          ORDER BY a.due_at, a.id`,
        [areaId, now],
      );
      return found.rows.map(toChased);
    },

    async action(actionId) {
      const found = await q.query<ChasedRow>(`${SELECT_CHASED} WHERE a.id = $1`, [actionId]);
      const row = found.rows[0];
      return row ? toChased(row) : null;
    },

    async agencyReps(areaId, agencyId) {
      const found = await q.query<{ core_rep_id: string | null; deputy_rep_id: string | null }>(
        'SELECT core_rep_id, deputy_rep_id FROM area_agency WHERE area_id = $1 AND agency_id = $2',
        [areaId, agencyId],
      );
      const row = found.rows[0];
      return row ? [row.core_rep_id, row.deputy_rep_id].filter((id): id is string => !!id) : [];
    },

    async markRaised({ actionId, dueAt, reminder, personId, at }) {
      const inserted = await q.query(
        `INSERT INTO action_reminder (action_id, due_at, reminder, person_id, raised_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (action_id, due_at, reminder, person_id) DO NOTHING
         RETURNING action_id`,
        [actionId, dueAt, reminder, personId, at],
      );
      return inserted.rows.length === 1;
    },

    async lastHeardBetween(areaId, from, to) {
      // The last meeting that heard each case: its latest accepted referral's meeting, held
      // (not cancelled) and on or before `to`.
      const found = await q.query<{
        case_id: string;
        reference: string;
        date: string;
        actions: string | number;
        incomplete: string | number;
      }>(
        `SELECT last.case_id, last.reference, last.date,
                (SELECT count(*) FROM meeting_action a WHERE a.case_id = last.case_id) AS actions,
                (SELECT count(*) FROM meeting_action a
                  WHERE a.case_id = last.case_id AND a.status IN ('open', 'ongoing')) AS incomplete
           FROM (SELECT DISTINCT ON (r.case_id) r.case_id, r.reference,
                        to_char(m.date, 'YYYY-MM-DD') AS date
                   FROM referral r JOIN meeting m ON m.id = r.meeting_id
                  WHERE r.area_id = $1 AND r.status = 'accepted' AND m.status <> 'cancelled'
                  ORDER BY r.case_id, m.date DESC) last
          WHERE last.date >= $2 AND last.date <= $3
          ORDER BY last.date, last.reference`,
        [areaId, from, to],
      );
      return found.rows.map((r) => ({
        caseId: r.case_id,
        reference: r.reference,
        lastHeardOn: r.date,
        actions: Number(r.actions),
        incompleteActions: Number(r.incomplete),
      }));
    },
  };
}
