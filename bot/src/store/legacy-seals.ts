import type { AppCrypto } from '../crypto/app-crypto.js';
import { FieldDecryptionError } from '../crypto/field-cipher.js';
import type { Db, Queryable } from '../db/db.js';
import { areaRef, meetingRef } from './sql-agenda-copies.js';

/*
 * Before migration 021 a meeting's agendas, late reasons, action plans, minutes and the
 * passwords of their copies were sealed under the area's data key, which lives as long as the
 * area: erasing them could not defeat a backup. They are now sealed under the meeting's key
 * (filed under a retention period like a case's). This re-seals what an older version wrote,
 * once, at start and before a purge, like the matching re-index: the store holds a few hundred
 * meetings' documents, and each table is one transaction. A run cut short starts again (a row
 * already under the meeting's key is left as it is).
 */

interface Sealed {
  table: string;
  column: string;
  /** id: the row id as the associated data has it; value: the column. */
  select: string;
  update: string;
}

const FIELDS: Sealed[] = [
  ...['content', 'changes'].map((column) => ({
    table: 'agenda_version',
    column,
    select: `SELECT v.id::text AS row_id, v.meeting_id::text AS meeting_id, m.area_id::text AS area_id,
                    v.${column} AS value
               FROM agenda_version v JOIN meeting m ON m.id = v.meeting_id`,
    update: `UPDATE agenda_version SET ${column} = $2 WHERE id::text = $1`,
  })),
  {
    table: 'agenda_late_case',
    column: 'reason',
    select: `SELECT l.meeting_id::text || ':' || l.referral_id::text AS row_id,
                    l.meeting_id::text AS meeting_id, m.area_id::text AS area_id, l.reason AS value
               FROM agenda_late_case l JOIN meeting m ON m.id = l.meeting_id`,
    update: `UPDATE agenda_late_case SET reason = $2
              WHERE meeting_id::text || ':' || referral_id::text = $1`,
  },
  {
    table: 'meeting_document',
    column: 'content',
    select: `SELECT d.id::text AS row_id, d.meeting_id::text AS meeting_id, d.area_id::text AS area_id,
                    d.content AS value FROM meeting_document d`,
    update: 'UPDATE meeting_document SET content = $2 WHERE id::text = $1',
  },
  {
    table: 'mail_delivery',
    column: 'secret',
    select: `SELECT d.message_id AS row_id, m.id::text AS meeting_id, m.area_id::text AS area_id,
                    d.secret AS value
               FROM mail_delivery d
               LEFT JOIN agenda_version v ON d.purpose = 'agenda' AND v.id = d.subject_id
               LEFT JOIN meeting_document md ON d.purpose <> 'agenda' AND md.id = d.subject_id
               JOIN meeting m ON m.id = coalesce(v.meeting_id, md.meeting_id)
              WHERE d.secret IS NOT NULL`,
    update: 'UPDATE mail_delivery SET secret = $2 WHERE message_id = $1',
  },
];

/** Re-seals legacy rows under their meeting's key; returns how many it re-sealed. */
export async function resealMeetingRecords(db: Db, crypto: AppCrypto): Promise<number> {
  const state = await db.query<{ meeting_keys: boolean }>(
    'SELECT meeting_keys FROM retention_state',
  );
  if (state.rows[0]?.meeting_keys) return 0;
  let resealed = 0;
  for (const field of FIELDS) {
    resealed += await db.transaction((tx) => resealField(tx, crypto, field));
  }
  await db.query('UPDATE retention_state SET meeting_keys = true');
  return resealed;
}

async function resealField(q: Queryable, crypto: AppCrypto, field: Sealed): Promise<number> {
  const rows = await q.query<{
    row_id: string;
    meeting_id: string;
    area_id: string;
    value: string;
  }>(field.select);
  let count = 0;
  for (const row of rows.rows) {
    const now = meetingRef(row.meeting_id, field.table, field.column, row.row_id);
    if (await opens(q, crypto, now, row.value)) continue;
    const before = areaRef(row.area_id, field.table, field.column, row.row_id);
    const plain = await crypto.cipher.decrypt(before, row.value, q);
    await q.query(field.update, [row.row_id, await crypto.cipher.encrypt(now, plain, q)]);
    count += 1;
  }
  return count;
}

async function opens(
  q: Queryable,
  crypto: AppCrypto,
  ref: ReturnType<typeof meetingRef>,
  value: string,
): Promise<boolean> {
  try {
    await crypto.cipher.decrypt(ref, value, q);
    return true;
  } catch (error) {
    if (error instanceof FieldDecryptionError) return false;
    throw error;
  }
}
