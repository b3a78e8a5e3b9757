import type {
  ActionRecord,
  ActionReviewRecord,
  CorrectionRecord,
} from '#core/ports/meeting-run.js';
import type { ResearchRecord } from '#core/ports/research.js';
import type { SubjectAccessRepo } from '#core/ports/subject-access.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Queryable } from '../db/db.js';
import { sqlMeetingActions } from './sql-meeting-actions.js';
import { openDocument } from './sql-meeting-documents.js';
import { sqlMeetingRun } from './sql-meeting-run.js';
import { sqlResearch } from './sql-research.js';

/*
 * A case's records for subject access (issue #13): listed by id here, then read through the
 * repositories that own them (research, the meeting's run and actions, the documents), so each
 * is decrypted exactly as its other reads decrypt it.
 */

type Instant = Date | string;
const instant = (value: Instant): Date => new Date(value);
const ids = (values: readonly string[]) => [...new Set(values)];

export type CaseRecordReads = Pick<
  SubjectAccessRepo,
  | 'research'
  | 'runCases'
  | 'actions'
  | 'actionReviews'
  | 'corrections'
  | 'caseMoves'
  | 'areaMeetings'
  | 'documents'
>;

export function sqlCaseRecords(q: Queryable, crypto: AppCrypto): CaseRecordReads {
  const research = sqlResearch(q, crypto);
  const run = sqlMeetingRun(q, crypto);
  const actions = sqlMeetingActions(q, crypto);
  return {
    async research(referralIds) {
      // Cells a rep has written in (a draft or an answer); prompts alone hold nothing of the case.
      const found = await q.query<{ meeting_id: string; referral_id: string; agency_id: string }>(
        `SELECT meeting_id, referral_id, agency_id FROM research
          WHERE referral_id = ANY($1::uuid[]) AND (response IS NOT NULL OR submitted_at IS NOT NULL)
          ORDER BY coalesce(submitted_at, updated_at), id`,
        [ids(referralIds)],
      );
      const records: ResearchRecord[] = [];
      for (const key of found.rows) {
        const record = await research.get({
          meetingId: key.meeting_id,
          referralId: key.referral_id,
          agencyId: key.agency_id,
        });
        if (record) records.push(record);
      }
      return records;
    },

    async runCases(referralIds) {
      const found = await q.query<{ meeting_id: string; referral_id: string; state: string }>(
        `SELECT c.meeting_id, c.referral_id, c.state FROM meeting_case c
           JOIN meeting m ON m.id = c.meeting_id
          WHERE c.referral_id = ANY($1::uuid[]) ORDER BY m.starts_at, c.position`,
        [ids(referralIds)],
      );
      const cases = [];
      for (const row of found.rows) {
        cases.push({
          meetingId: row.meeting_id,
          referralId: row.referral_id,
          state: row.state,
          notes: await run.notes(row.meeting_id, row.referral_id),
          deferReason: await run.deferReason(row.meeting_id, row.referral_id),
        });
      }
      return cases;
    },

    async actions(referralIds) {
      const found = await q.query<{ meeting_id: string; referral_id: string }>(
        `SELECT DISTINCT a.meeting_id, a.referral_id, m.starts_at FROM meeting_action a
           JOIN meeting m ON m.id = a.meeting_id
          WHERE a.referral_id = ANY($1::uuid[]) ORDER BY m.starts_at`,
        [ids(referralIds)],
      );
      const records: ActionRecord[] = [];
      for (const row of found.rows)
        records.push(...(await actions.forMeeting(row.meeting_id, row.referral_id)));
      return records;
    },

    async actionReviews(actionIds) {
      if (actionIds.length === 0) return [];
      const found = await q.query<{
        meeting_id: string;
        action_id: string;
        outcome: ActionReviewRecord['outcome'];
        not_done_reason: ActionReviewRecord['notDoneReason'];
        new_due_at: Instant | null;
        reviewed_by: string | null;
        reviewed_at: Instant;
      }>(
        `SELECT meeting_id, action_id, outcome, not_done_reason, new_due_at, reviewed_by, reviewed_at
           FROM action_review WHERE action_id = ANY($1::uuid[]) ORDER BY reviewed_at`,
        [ids(actionIds)],
      );
      return found.rows.map((r) => ({
        meetingId: r.meeting_id,
        actionId: r.action_id,
        outcome: r.outcome,
        notDoneReason: r.not_done_reason,
        newDueAt: r.new_due_at === null ? null : instant(r.new_due_at),
        reviewedBy: r.reviewed_by,
        reviewedAt: instant(r.reviewed_at),
      }));
    },

    async corrections(referralIds, actionIds) {
      const found = await q.query<{
        meeting_id: string;
        record_type: CorrectionRecord['recordType'];
        record_id: string;
      }>(
        `SELECT DISTINCT meeting_id, record_type, record_id FROM meeting_correction
          WHERE (record_type = 'notes' AND record_id = ANY($1::text[]))
             OR (record_type = 'action' AND record_id = ANY($2::text[]))`,
        [ids(referralIds), ids(actionIds)],
      );
      const records: CorrectionRecord[] = [];
      for (const row of found.rows)
        records.push(
          ...(await actions.corrections(row.meeting_id, row.record_type, row.record_id)),
        );
      return records.sort((a, b) => a.correctedAt.getTime() - b.correctedAt.getTime());
    },

    async caseMoves(referralIds) {
      const found = await q.query<{
        id: string;
        referral_id: string;
        case_id: string;
        from_meeting_id: string;
        to_meeting_id: string;
        reason: string;
        moved_at: Instant;
      }>(
        `SELECT m.id, m.referral_id, r.case_id, m.from_meeting_id, m.to_meeting_id, m.reason, m.moved_at
           FROM case_move m JOIN referral r ON r.id = m.referral_id
          WHERE m.referral_id = ANY($1::uuid[]) ORDER BY m.moved_at`,
        [ids(referralIds)],
      );
      const moves = [];
      for (const row of found.rows) {
        // Sealed under the case the referral was in when it moved; a merge since moves it on.
        const ref = {
          keyOwner: `case:${row.case_id}`,
          table: 'case_move',
          column: 'reason',
          rowId: row.id,
        };
        const reason = await crypto.cipher
          .decrypt(ref, row.reason, q)
          .catch(() => 'Kept under the key of a case this referral was merged out of: not read.');
        moves.push({
          referralId: row.referral_id,
          fromMeetingId: row.from_meeting_id,
          toMeetingId: row.to_meeting_id,
          reason,
          movedAt: instant(row.moved_at),
        });
      }
      return moves;
    },

    async areaMeetings(areaIds, since) {
      if (areaIds.length === 0) return [];
      const found = await q.query<{ id: string; area_id: string; date: string }>(
        `SELECT id, area_id, to_char(date, 'YYYY-MM-DD') AS date FROM meeting
          WHERE area_id = ANY($1::uuid[]) AND date >= $2::date ORDER BY date, id`,
        [ids(areaIds), since],
      );
      return found.rows.map((r) => ({ id: r.id, areaId: r.area_id, date: r.date }));
    },

    async documents(meetingId) {
      const found = await q.query<Parameters<typeof openDocument>[2]>(
        'SELECT * FROM meeting_document WHERE meeting_id = $1 ORDER BY kind, number',
        [meetingId],
      );
      return Promise.all(found.rows.map((row) => openDocument(q, crypto, row)));
    },
  };
}
