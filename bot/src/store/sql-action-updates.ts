import type { ActionUpdateRecord, ActionUpdatesRepo } from '#core/ports/action-updates.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { FieldRef } from '../crypto/field-cipher.js';
import type { Queryable } from '../db/db.js';

/*
 * What action owners record after the meeting (issue #11): one row per update, the note or
 * reason sealed under the case's data key (as the action's own words are); ids, the outcome,
 * times and the version it produced plain. Who owns an action is read from the area's reps.
 */

interface UpdateRow {
  id: string;
  action_id: string;
  case_id: string;
  outcome: ActionUpdateRecord['outcome'];
  words: string;
  previous_due_at: Date | string;
  new_due_at: Date | string | null;
  agency_id: string;
  updated_by: string | null;
  updated_at: Date | string;
  version: number;
}

const wordsRef = (caseId: string, rowId: string): FieldRef => ({
  keyOwner: `case:${caseId}`,
  table: 'action_update',
  column: 'words',
  rowId,
});

const instant = (value: Date | string): Date => new Date(value);

export function sqlActionUpdates(q: Queryable, crypto: AppCrypto): ActionUpdatesRepo {
  return {
    async insert(update) {
      await q.query(
        `INSERT INTO action_update (id, action_id, case_id, outcome, words, previous_due_at,
                                    new_due_at, agency_id, updated_by, updated_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          update.id,
          update.actionId,
          update.caseId,
          update.outcome,
          await crypto.cipher.encrypt(wordsRef(update.caseId, update.id), update.words, q),
          update.previousDueAt,
          update.newDueAt,
          update.agencyId,
          update.updatedBy,
          update.updatedAt,
          update.version,
        ],
      );
    },

    async forActions(actionIds) {
      if (actionIds.length === 0) return [];
      const found = await q.query<UpdateRow>(
        `SELECT id, action_id, case_id, outcome, words, previous_due_at, new_due_at, agency_id,
                updated_by, updated_at, version
           FROM action_update WHERE action_id = ANY($1::uuid[])
          ORDER BY updated_at, version`,
        [actionIds],
      );
      const out: ActionUpdateRecord[] = [];
      // One after another: the decryptions share the transaction's one connection.
      for (const row of found.rows) {
        out.push({
          id: row.id,
          actionId: row.action_id,
          caseId: row.case_id,
          outcome: row.outcome,
          words: await crypto.cipher.decrypt(wordsRef(row.case_id, row.id), row.words, q),
          previousDueAt: instant(row.previous_due_at),
          newDueAt: row.new_due_at === null ? null : instant(row.new_due_at),
          agencyId: row.agency_id,
          updatedBy: row.updated_by,
          updatedAt: instant(row.updated_at),
          version: row.version,
        });
      }
      return out;
    },

    async repIds(areaId, agencyId) {
      const found = await q.query<{ core_rep_id: string | null; deputy_rep_id: string | null }>(
        'SELECT core_rep_id, deputy_rep_id FROM area_agency WHERE area_id = $1 AND agency_id = $2',
        [areaId, agencyId],
      );
      const row = found.rows[0];
      if (!row) return [];
      return [row.core_rep_id, row.deputy_rep_id].filter((id): id is string => id !== null);
    },

    async isRep(areaId, agencyId, personId) {
      const found = await q.query(
        `SELECT 1 FROM area_agency WHERE area_id = $1 AND agency_id = $2
            AND (core_rep_id = $3 OR deputy_rep_id = $3)`,
        [areaId, agencyId, personId],
      );
      return found.rows.length > 0;
    },

    async ownedByRep(personId, since) {
      const found = await q.query<{ id: string; meeting_date: string }>(
        `SELECT a.id, to_char(m.date, 'YYYY-MM-DD') AS meeting_date
           FROM meeting_action a
           JOIN area_agency aa ON aa.area_id = a.area_id AND aa.agency_id = a.owner_agency_id
           JOIN meeting m ON m.id = a.meeting_id
          WHERE (aa.core_rep_id = $1 OR aa.deputy_rep_id = $1)
            AND (a.status IN ('open', 'ongoing') OR a.updated_at >= $2)
          ORDER BY a.due_at, a.id`,
        [personId, since],
      );
      return found.rows.map((row) => ({ actionId: row.id, meetingDate: row.meeting_date }));
    },
  };
}
