import type { Db } from '../db/db.js';

/** The action recorded when a referrer is told that a likely match exists. */
export const MATCH_NOTICE_ACTION = 'referral.match-notice';

export interface MatchNoticeRow {
  referralId: string;
  reference: string;
  toldPersonId: string | null;
  at: string;
}

/**
 * Every time a referrer in the area was told a likely match exists, newest first: telling is
 * itself a disclosure (that the victim may be known), so the coordinator sees who learnt it and
 * when. Read from the audit log, where the notice is recorded with the submission.
 */
export async function matchNotices(db: Db, areaId: string, limit = 500): Promise<MatchNoticeRow[]> {
  const found = await db.query<{
    record_id: string;
    reference: string;
    actor_id: string | null;
    at: Date | string;
  }>(
    `SELECT l.record_id, r.reference, l.actor_id, l.at
       FROM audit_log l JOIN referral r ON r.id::text = l.record_id
      WHERE l.action = $1 AND l.outcome = 'ok' AND r.area_id = $2
      ORDER BY l.id DESC LIMIT $3`,
    [MATCH_NOTICE_ACTION, areaId, limit],
  );
  return found.rows.map((row) => ({
    referralId: row.record_id,
    reference: row.reference,
    toldPersonId: row.actor_id,
    at: new Date(row.at).toISOString(),
  }));
}
