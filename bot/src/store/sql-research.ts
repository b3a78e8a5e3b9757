import {
  researchDraftSchema,
  researchSharingValues,
  type ResearchSharing,
} from '#core/contracts/research.js';
import { DEFAULT_REMINDER_DAYS, type ResearchSettings } from '#core/contracts/research-api.js';
import { nextStatus } from '#core/research/research-status.js';
import type {
  ResearchKey,
  ResearchRecord,
  ResearchRepo,
  ResearchStatusRecord,
} from '#core/ports/research.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { FieldRef } from '../crypto/field-cipher.js';
import type { Queryable } from '../db/db.js';
import { decryptPerson, type PersonRow } from './sql-people.js';

interface StatusRow {
  id: string;
  meeting_id: string;
  referral_id: string;
  agency_id: string;
  status: ResearchStatusRecord['status'];
  submitted_by: string | null;
  submitted_at: Date | string | null;
  updated_at: Date | string;
}

interface FullRow extends StatusRow {
  response: string | null;
  updated_by: string | null;
  case_id: string;
}

const STATUS_COLUMNS = `r.id, r.meeting_id, r.referral_id, r.agency_id, r.status, r.submitted_by,
  r.submitted_at, r.updated_at`;

/** What an agency knows of a family sits under the case's data key, like the referral itself. */
const responseRef = (caseId: string, rowId: string): FieldRef => ({
  keyOwner: `case:${caseId}`,
  table: 'research',
  column: 'response',
  rowId,
});

const toStatus = (r: StatusRow): ResearchStatusRecord => ({
  id: r.id,
  meetingId: r.meeting_id,
  referralId: r.referral_id,
  agencyId: r.agency_id,
  status: r.status,
  submittedBy: r.submitted_by,
  submittedAt: r.submitted_at === null ? null : new Date(r.submitted_at),
  updatedAt: new Date(r.updated_at),
});

export function sqlResearch(q: Queryable, crypto: AppCrypto): ResearchRepo {
  /** The referral's case now: a save seals under it (and records it for reading back). */
  async function caseOf(referralId: string): Promise<string> {
    const found = await q.query<{ case_id: string }>('SELECT case_id FROM referral WHERE id = $1', [
      referralId,
    ]);
    const caseId = found.rows[0]?.case_id;
    if (!caseId) throw new Error(`No referral ${referralId} for research`);
    return caseId;
  }

  return {
    async get(key: ResearchKey) {
      const found = await q.query<FullRow>(
        `SELECT ${STATUS_COLUMNS}, r.response, r.updated_by, r.case_id FROM research r
          WHERE r.meeting_id = $1 AND r.referral_id = $2 AND r.agency_id = $3`,
        [key.meetingId, key.referralId, key.agencyId],
      );
      const row = found.rows[0];
      if (!row) return null;
      const text =
        row.response === null
          ? null
          : await crypto.cipher.decrypt(responseRef(row.case_id, row.id), row.response, q);
      return {
        ...toStatus(row),
        response: text === null ? null : researchDraftSchema.parse(JSON.parse(text)),
        updatedBy: row.updated_by,
      };
    },

    async statuses(meetingId, agencyId) {
      const found = await q.query<StatusRow>(
        `SELECT ${STATUS_COLUMNS} FROM research r
          WHERE r.meeting_id = $1 AND ($2::uuid IS NULL OR r.agency_id = $2)
          ORDER BY r.referral_id, r.agency_id`,
        [meetingId, agencyId ?? null],
      );
      return found.rows.map(toStatus);
    },

    async save(record: ResearchRecord) {
      const caseId = await caseOf(record.referralId);
      const sealed =
        record.response === null
          ? null
          : await crypto.cipher.encrypt(
              responseRef(caseId, record.id),
              JSON.stringify(record.response),
              q,
            );
      await q.query(
        `INSERT INTO research (id, meeting_id, referral_id, agency_id, status, response,
                               submitted_by, submitted_at, updated_by, updated_at, case_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, response = EXCLUDED.response,
           case_id = EXCLUDED.case_id,
           submitted_by = EXCLUDED.submitted_by, submitted_at = EXCLUDED.submitted_at,
           updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
        [
          record.id,
          record.meetingId,
          record.referralId,
          record.agencyId,
          record.status,
          sealed,
          record.submittedBy,
          record.submittedAt,
          record.updatedBy,
          record.updatedAt,
          caseId,
        ],
      );
    },

    async sharing(areaId) {
      const found = await q.query<{ research_sharing: ResearchSharing }>(
        'SELECT research_sharing FROM area WHERE id = $1',
        [areaId],
      );
      const value = found.rows[0]?.research_sharing;
      // The column's CHECK allows only these; anything else reads as the narrowest setting.
      return value && researchSharingValues.includes(value) ? value : 'status-only';
    },

    async setSharing(areaId, sharing) {
      await q.query('UPDATE area SET research_sharing = $2, updated_at = now() WHERE id = $1', [
        areaId,
        sharing,
      ]);
    },

    async openedCases(meetingId) {
      const found = await q.query<{ referral_id: string }>(
        'SELECT referral_id FROM research_opened_case WHERE meeting_id = $1',
        [meetingId],
      );
      return new Set(found.rows.map((r) => r.referral_id));
    },

    async openCase(input) {
      await q.query(
        `INSERT INTO research_opened_case (meeting_id, referral_id, opened_by, opened_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT (meeting_id, referral_id) DO NOTHING`,
        [input.meetingId, input.referralId, input.openedBy, input.at],
      );
    },

    async settings(areaId) {
      const found = await q.query<{
        research_sharing: ResearchSharing;
        research_deputies: ResearchSettings['deputies'];
        research_reminder_days: number[] | null;
      }>(
        'SELECT research_sharing, research_deputies, research_reminder_days FROM area WHERE id = $1',
        [areaId],
      );
      const row = found.rows[0];
      const sharing = row?.research_sharing;
      return {
        sharing: sharing && researchSharingValues.includes(sharing) ? sharing : 'status-only',
        deputies: row?.research_deputies === 'when-core-absent' ? 'when-core-absent' : 'always',
        reminderDays: row?.research_reminder_days ?? [...DEFAULT_REMINDER_DAYS],
      };
    },

    async setSettings(areaId, settings) {
      await q.query(
        `UPDATE area SET research_sharing = $2, research_deputies = $3,
           research_reminder_days = $4::integer[], updated_at = now() WHERE id = $1`,
        [areaId, settings.sharing, settings.deputies, settings.reminderDays],
      );
    },

    async recordPromptEvent(key, event, input) {
      const found = await q.query<{ id: string; status: ResearchStatusRecord['status'] }>(
        `SELECT id, status FROM research
          WHERE meeting_id = $1 AND referral_id = $2 AND agency_id = $3 FOR UPDATE`,
        [key.meetingId, key.referralId, key.agencyId],
      );
      const row = found.rows[0];
      const next = nextStatus(row?.status ?? 'not-sent', event);
      if (!next || next === (row?.status ?? 'not-sent')) return;
      if (row) {
        await q.query('UPDATE research SET status = $2, updated_at = $3 WHERE id = $1', [
          row.id,
          next,
          input.at,
        ]);
        return;
      }
      await q.query(
        `INSERT INTO research (id, meeting_id, referral_id, agency_id, status, updated_at, case_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (meeting_id, referral_id, agency_id) DO NOTHING`,
        [
          input.id,
          key.meetingId,
          key.referralId,
          key.agencyId,
          next,
          input.at,
          await caseOf(key.referralId),
        ],
      );
    },

    async personNames(personIds) {
      const names = new Map<string, string>();
      const ids = [...new Set(personIds)];
      if (ids.length === 0) return names;
      const found = await q.query<PersonRow>(
        'SELECT id, partnership_id, name, email FROM person WHERE id = ANY($1::uuid[])',
        [ids],
      );
      for (const row of found.rows) names.set(row.id, (await decryptPerson(q, crypto, row)).name);
      return names;
    },

    async recordPromptSent(input) {
      // The state machine's `prompt-sent` (research-status.ts): not-sent (or no row) -> sent;
      // every other status is left alone. One statement for a picker's twenty cases.
      await q.query(
        `INSERT INTO research (id, meeting_id, referral_id, agency_id, status, updated_at, case_id)
         SELECT gen_random_uuid(), $1, r.id, $2, 'sent', $3, r.case_id
           FROM referral r WHERE r.id = ANY($4::uuid[])
         ON CONFLICT (meeting_id, referral_id, agency_id) DO UPDATE
           SET status = 'sent', updated_at = EXCLUDED.updated_at
           WHERE research.status = 'not-sent'`,
        [input.meetingId, input.agencyId, input.at, input.referralIds],
      );
    },

    async coreRepsAbsent(meetingId) {
      const found = await q.query<{ agency_id: string }>(
        'SELECT agency_id FROM research_core_rep_absent WHERE meeting_id = $1',
        [meetingId],
      );
      return new Set(found.rows.map((r) => r.agency_id));
    },

    async setCoreRepAbsent(input) {
      if (!input.absent) {
        await q.query(
          'DELETE FROM research_core_rep_absent WHERE meeting_id = $1 AND agency_id = $2',
          [input.meetingId, input.agencyId],
        );
        return;
      }
      await q.query(
        `INSERT INTO research_core_rep_absent (meeting_id, agency_id, marked_by, marked_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT (meeting_id, agency_id) DO NOTHING`,
        [input.meetingId, input.agencyId, input.markedBy, input.at],
      );
    },
  };
}

/** Case references by referral id: what a prompt card shows of each case (no one's name). */
export async function caseReferences(
  q: Queryable,
  referralIds: readonly string[],
): Promise<Map<string, string>> {
  const found = await q.query<{ id: string; reference: string }>(
    'SELECT id, reference FROM referral WHERE id = ANY($1::uuid[])',
    [referralIds],
  );
  return new Map(found.rows.map((r) => [r.id, r.reference]));
}
