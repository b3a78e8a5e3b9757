import { z } from 'zod';
import type {
  ActionRecord,
  ActionReviewRecord,
  CorrectionRecord,
  MeetingActionsRepo,
} from '#core/ports/meeting-run.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { FieldRef } from '../crypto/field-cipher.js';
import type { Queryable } from '../db/db.js';

/*
 * The actions agreed at meetings, their review at later meetings, and the corrections made after
 * a meeting closed. Ids, states, due times and versions are plain (what the view, the review and
 * the chasing read); the words (who at the agency, what exactly, the risk) are one JSON document
 * sealed under the case's data key, as research is, and so are a correction's before and reason.
 */

interface ActionRow {
  id: string;
  meeting_id: string;
  referral_id: string;
  case_id: string;
  area_id: string;
  owner_agency_id: string;
  body: string;
  due_at: Date | string;
  urgent: ActionRecord['urgent'];
  status: ActionRecord['status'];
  created_by: string | null;
  created_at: Date | string;
  updated_by: string | null;
  updated_at: Date | string;
  version: number;
}

interface ReviewRow {
  meeting_id: string;
  action_id: string;
  outcome: ActionReviewRecord['outcome'];
  not_done_reason: ActionReviewRecord['notDoneReason'];
  new_due_at: Date | string | null;
  reviewed_by: string | null;
  reviewed_at: Date | string;
}

interface CorrectionRow {
  id: string;
  meeting_id: string;
  record_type: CorrectionRecord['recordType'];
  record_id: string;
  case_id: string;
  version: number;
  before: string;
  reason: string;
  corrected_by: string | null;
  corrected_at: Date | string;
}

const ACTION_COLUMNS = `a.id, a.meeting_id, a.referral_id, a.case_id, a.area_id, a.owner_agency_id,
  a.body, a.due_at, a.urgent, a.status, a.created_by, a.created_at, a.updated_by, a.updated_at,
  a.version`;

/** What is sealed of an action: the words typed at the meeting. */
const actionWordsSchema = z.strictObject({
  ownerPerson: z.string().nullable(),
  what: z.string(),
  risk: z.string(),
});

const sealRef = (caseId: string, table: string, column: string, rowId: string): FieldRef => ({
  keyOwner: `case:${caseId}`,
  table,
  column,
  rowId,
});

const instant = (value: Date | string): Date => new Date(value);

const toReview = (r: ReviewRow): ActionReviewRecord => ({
  meetingId: r.meeting_id,
  actionId: r.action_id,
  outcome: r.outcome,
  notDoneReason: r.not_done_reason,
  newDueAt: r.new_due_at === null ? null : instant(r.new_due_at),
  reviewedBy: r.reviewed_by,
  reviewedAt: instant(r.reviewed_at),
});

export function sqlMeetingActions(q: Queryable, crypto: AppCrypto): MeetingActionsRepo {
  async function toAction(row: ActionRow): Promise<ActionRecord> {
    const ref = sealRef(row.case_id, 'meeting_action', 'body', row.id);
    const words = actionWordsSchema.parse(
      JSON.parse(await crypto.cipher.decrypt(ref, row.body, q)),
    );
    return {
      id: row.id,
      meetingId: row.meeting_id,
      referralId: row.referral_id,
      caseId: row.case_id,
      areaId: row.area_id,
      ownerAgencyId: row.owner_agency_id,
      ...words,
      dueAt: instant(row.due_at),
      urgent: row.urgent,
      status: row.status,
      createdBy: row.created_by,
      createdAt: instant(row.created_at),
      updatedBy: row.updated_by,
      updatedAt: instant(row.updated_at),
      version: row.version,
    };
  }

  const sealWords = (action: ActionRecord): Promise<string> =>
    crypto.cipher.encrypt(
      sealRef(action.caseId, 'meeting_action', 'body', action.id),
      JSON.stringify({ ownerPerson: action.ownerPerson, what: action.what, risk: action.risk }),
      q,
    );

  return {
    async get(actionId, options) {
      // Locked for a versioned write: a second writer waits, then reads the version the first
      // saved and is refused, instead of both passing the check and the last one winning.
      const found = await q.query<ActionRow>(
        `SELECT ${ACTION_COLUMNS} FROM meeting_action a WHERE a.id = $1
         ${options?.forUpdate ? 'FOR UPDATE' : ''}`,
        [actionId],
      );
      const row = found.rows[0];
      return row ? toAction(row) : null;
    },

    async forMeeting(meetingId, referralId) {
      const found = await q.query<ActionRow>(
        `SELECT ${ACTION_COLUMNS} FROM meeting_action a
          WHERE a.meeting_id = $1 AND ($2::uuid IS NULL OR a.referral_id = $2)
          ORDER BY a.created_at, a.id`,
        [meetingId, referralId ?? null],
      );
      return Promise.all(found.rows.map(toAction));
    },

    async incompleteBefore(areaId, meetingId) {
      // An action this meeting reviewed stays on its list (as done, or not done) so the review
      // reads as it was given; others only while still open or ongoing.
      const found = await q.query<
        ActionRow & { meeting_date: string } & { [K in keyof ReviewRow as `r_${K}`]: ReviewRow[K] }
      >(
        `SELECT ${ACTION_COLUMNS}, to_char(m.date, 'YYYY-MM-DD') AS meeting_date,
                r.meeting_id AS r_meeting_id, r.action_id AS r_action_id, r.outcome AS r_outcome,
                r.not_done_reason AS r_not_done_reason, r.new_due_at AS r_new_due_at,
                r.reviewed_by AS r_reviewed_by, r.reviewed_at AS r_reviewed_at
           FROM meeting_action a
           JOIN meeting m ON m.id = a.meeting_id
           JOIN meeting this ON this.id = $2
           LEFT JOIN action_review r ON r.action_id = a.id AND r.meeting_id = this.id
          WHERE a.area_id = $1 AND m.starts_at < this.starts_at
            AND (a.status IN ('open', 'ongoing') OR r.action_id IS NOT NULL)
          ORDER BY m.starts_at, a.created_at, a.id`,
        [areaId, meetingId],
      );
      return Promise.all(
        found.rows.map(async (row) => ({
          action: await toAction(row),
          meetingDate: row.meeting_date,
          review:
            row.r_action_id === null
              ? null
              : toReview({
                  meeting_id: row.r_meeting_id,
                  action_id: row.r_action_id,
                  outcome: row.r_outcome,
                  not_done_reason: row.r_not_done_reason,
                  new_due_at: row.r_new_due_at,
                  reviewed_by: row.r_reviewed_by,
                  reviewed_at: row.r_reviewed_at,
                }),
        })),
      );
    },

    async insert(action) {
      await q.query(
        `INSERT INTO meeting_action (id, meeting_id, referral_id, case_id, area_id, owner_agency_id,
                                     body, due_at, urgent, status, created_by, created_at,
                                     updated_by, updated_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          action.id,
          action.meetingId,
          action.referralId,
          action.caseId,
          action.areaId,
          action.ownerAgencyId,
          await sealWords(action),
          action.dueAt,
          action.urgent,
          action.status,
          action.createdBy,
          action.createdAt,
          action.updatedBy,
          action.updatedAt,
          action.version,
        ],
      );
    },

    async save(action) {
      await q.query(
        `UPDATE meeting_action SET owner_agency_id = $2, body = $3, due_at = $4, urgent = $5,
                status = $6, updated_by = $7, updated_at = $8, version = $9
          WHERE id = $1`,
        [
          action.id,
          action.ownerAgencyId,
          await sealWords(action),
          action.dueAt,
          action.urgent,
          action.status,
          action.updatedBy,
          action.updatedAt,
          action.version,
        ],
      );
    },

    async saveReview(review) {
      await q.query(
        `INSERT INTO action_review (meeting_id, action_id, outcome, not_done_reason, new_due_at,
                                    reviewed_by, reviewed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (meeting_id, action_id) DO UPDATE SET outcome = EXCLUDED.outcome,
           not_done_reason = EXCLUDED.not_done_reason, new_due_at = EXCLUDED.new_due_at,
           reviewed_by = EXCLUDED.reviewed_by, reviewed_at = EXCLUDED.reviewed_at`,
        [
          review.meetingId,
          review.actionId,
          review.outcome,
          review.notDoneReason,
          review.newDueAt,
          review.reviewedBy,
          review.reviewedAt,
        ],
      );
    },

    async addCorrection(correction: CorrectionRecord) {
      const seal = (column: string, text: string) =>
        crypto.cipher.encrypt(
          sealRef(correction.caseId, 'meeting_correction', column, correction.id),
          text,
          q,
        );
      await q.query(
        `INSERT INTO meeting_correction (id, meeting_id, record_type, record_id, case_id, version,
                                         before, reason, corrected_by, corrected_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          correction.id,
          correction.meetingId,
          correction.recordType,
          correction.recordId,
          correction.caseId,
          correction.version,
          await seal('before', correction.before),
          await seal('reason', correction.reason),
          correction.correctedBy,
          correction.correctedAt,
        ],
      );
    },

    async corrections(meetingId, recordType, recordId) {
      const found = await q.query<CorrectionRow>(
        `SELECT id, meeting_id, record_type, record_id, case_id, version, before, reason,
                corrected_by, corrected_at
           FROM meeting_correction
          WHERE meeting_id = $1 AND record_type = $2 AND record_id = $3
          ORDER BY corrected_at, version`,
        [meetingId, recordType, recordId],
      );
      return Promise.all(
        found.rows.map(async (row) => {
          const open = (column: string, text: string) =>
            crypto.cipher.decrypt(
              sealRef(row.case_id, 'meeting_correction', column, row.id),
              text,
              q,
            );
          return {
            id: row.id,
            meetingId: row.meeting_id,
            recordType: row.record_type,
            recordId: row.record_id,
            caseId: row.case_id,
            version: row.version,
            before: await open('before', row.before),
            reason: await open('reason', row.reason),
            correctedBy: row.corrected_by,
            correctedAt: instant(row.corrected_at),
          };
        }),
      );
    },
  };
}
