import type { LocalDate } from '#core/shared/local-date.js';
import { dueQuarterEnded } from '../crypto/retention-period.js';
import { caseDues, caseGroup, latest, meetingDues } from '../crypto/retention-rule.js';
import type { Queryable } from '../db/db.js';
import { replaceVictimTerms } from '../matching/victim-terms.js';

/*
 * Erasing what is past keeping, inside the caller's transaction: one group of cases, or one
 * meeting's own records. Each re-reads what it erases and checks it is still due (a case heard
 * again since the plan was made is left for a later purge). Every row goes, in the order the
 * foreign keys allow; the data keys go last, and the records' retention key is destroyed by the
 * purge once its quarter is over and nothing else uses it.
 */

const del = async (q: Queryable, sql: string, params: unknown[]) =>
  (await q.query(sql, params)).affectedRows;

export interface ErasedCases {
  caseIds: string[];
  referrals: number;
  /** Rows deleted besides the referrals and cases (research, notes, actions, index terms...). */
  rows: number;
  /** Every id erased (cases, referrals, actions), for `scrubErasedIds`. */
  ids: string[];
  /** The meetings the cases were listed for, whose views (and caches) change. */
  meetings: string[];
}

/** Erases the cases of one group, or returns null if they are no longer one group past keeping. */
export async function eraseCaseGroup(
  q: Queryable,
  caseIds: readonly string[],
  today: LocalDate,
): Promise<ErasedCases | null> {
  const cases = [...caseIds].sort();
  await q.query('SELECT id FROM marac_case WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [
    cases,
  ]);
  const group = (await caseGroup(q, cases[0]!)).sort();
  if (group.join() !== cases.join()) return null;
  const dues = await caseDues(q, group);
  if (dues.length === 0 || !dueQuarterEnded(latest(dues.map((d) => d.due)), today)) return null;

  const referralRows = await q.query<{ id: string; partnership_id: string }>(
    'SELECT id::text AS id, partnership_id::text AS partnership_id FROM referral WHERE case_id = ANY($1::uuid[])',
    [cases],
  );
  const referrals = referralRows.rows.map((r) => r.id);
  const actions = (
    await q.query<{ id: string }>(
      `SELECT id::text AS id FROM meeting_action
        WHERE referral_id = ANY($1::uuid[]) OR case_id = ANY($2::uuid[])`,
      [referrals, cases],
    )
  ).rows.map((r) => r.id);
  const R = [referrals];
  const A = [actions];
  const RC = [referrals, cases];
  const meetings = (
    await q.query<{ id: string }>(
      `SELECT meeting_id::text AS id FROM meeting_case
        WHERE referral_id = ANY($1::uuid[]) OR case_id = ANY($2::uuid[])
       UNION SELECT meeting_id::text FROM referral WHERE id = ANY($1::uuid[]) AND meeting_id IS NOT NULL
       ORDER BY 1`,
      RC,
    )
  ).rows.map((r) => r.id);
  let rows = 0;
  rows += await del(q, 'DELETE FROM action_reminder WHERE action_id = ANY($1::uuid[])', A);
  rows += await del(q, 'DELETE FROM action_review WHERE action_id = ANY($1::uuid[])', A);
  rows += await del(
    q,
    'DELETE FROM action_update WHERE action_id = ANY($1::uuid[]) OR case_id = ANY($2::uuid[])',
    [actions, cases],
  );
  rows += await del(
    q,
    'DELETE FROM meeting_correction WHERE case_id = ANY($1::uuid[]) OR record_id = ANY($2::text[])',
    [cases, [...referrals, ...actions]],
  );
  rows += await del(q, 'DELETE FROM meeting_action WHERE id = ANY($1::uuid[])', A);
  await q.query(
    'UPDATE meeting_run SET current_referral_id = NULL WHERE current_referral_id = ANY($1::uuid[])',
    R,
  );
  rows += await del(q, 'DELETE FROM research_opened_case WHERE referral_id = ANY($1::uuid[])', R);
  rows += await del(
    q,
    'DELETE FROM research WHERE referral_id = ANY($1::uuid[]) OR case_id = ANY($2::uuid[])',
    RC,
  );
  rows += await del(
    q,
    'DELETE FROM meeting_case WHERE referral_id = ANY($1::uuid[]) OR case_id = ANY($2::uuid[])',
    RC,
  );
  rows += await del(q, 'DELETE FROM agenda_late_case WHERE referral_id = ANY($1::uuid[])', R);
  await q.query(
    `UPDATE agenda_order SET referral_ids = ARRAY(
       SELECT x FROM unnest(referral_ids) AS x WHERE x <> ALL ($1::uuid[]))
      WHERE referral_ids && $1::uuid[]`,
    R,
  );
  rows += await del(q, 'DELETE FROM case_move WHERE referral_id = ANY($1::uuid[])', R);
  rows += await del(
    q,
    `DELETE FROM duplicate_candidate
      WHERE referral_id = ANY($1::uuid[]) OR candidate_referral_id = ANY($1::uuid[])`,
    R,
  );
  rows += await eraseVictimTerms(q, referralRows.rows);
  await del(q, 'DELETE FROM referral WHERE id = ANY($1::uuid[])', R);
  await q.query(
    `UPDATE marac_case SET repeat_of_case_id = NULL
      WHERE repeat_of_case_id = ANY($1::uuid[]) AND NOT (id = ANY($1::uuid[]))`,
    [cases],
  );
  await del(q, 'DELETE FROM marac_case WHERE id = ANY($1::uuid[])', [cases]);
  await del(q, 'DELETE FROM data_key WHERE owner = ANY($1::text[])', [
    cases.map((id) => `case:${id}`),
  ]);
  return {
    caseIds: cases,
    referrals: referrals.length,
    rows,
    ids: [...cases, ...referrals, ...actions],
    meetings,
  };
}

/**
 * Jobs, live events and card operations hold ids, never content; those that name an erased
 * case, referral or action go too, so no row of an erased case is left. One pass over each
 * table after a purge's erasures (a pass per case would read the outbox once per case).
 */
export async function scrubErasedIds(q: Queryable, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const naming = (table: string, column: string) => `
    DELETE FROM ${table} WHERE ctid IN (
      SELECT t.ctid FROM ${table} t
       CROSS JOIN LATERAL jsonb_path_query(t.${column}, 'strict $.**') AS v(value)
       JOIN unnest($1::text[]) AS erased(id) ON erased.id = v.value #>> '{}'
      WHERE jsonb_typeof(v.value) = 'string')`;
  let rows = 0;
  rows += await del(q, naming('outbox', 'payload'), [ids]);
  rows += await del(q, naming('live_event', 'ids'), [ids]);
  rows += await del(q, naming('card_operations', 'outcome'), [ids]);
  return rows;
}

/**
 * The blind index terms of erased victims: an HMAC of a name matches a known person, so the
 * terms go, and so do the counts of name words no referral holds any more.
 */
async function eraseVictimTerms(
  q: Queryable,
  referrals: { id: string; partnership_id: string }[],
): Promise<number> {
  const counted = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM victim_term WHERE referral_id = ANY($1::uuid[])',
    [referrals.map((r) => r.id)],
  );
  for (const r of referrals) await replaceVictimTerms(q, r.id, r.partnership_id, []);
  const partnerships = [...new Set(referrals.map((r) => r.partnership_id))];
  const zero = await del(
    q,
    `DELETE FROM victim_term_count
      WHERE partnership_id = ANY($1::uuid[]) AND term <> '' AND referrals <= 0`,
    [partnerships],
  );
  return counted.rows[0]!.n + zero;
}

export interface ErasedMeeting {
  meetingId: string;
  /** Agenda versions, action plans and minutes. */
  documents: number;
  /** The Message-IDs of their copies, whose local outbox files go too. */
  messageIds: string[];
}

/** Erases a meeting's own records, or returns null if they are not past keeping. */
export async function eraseMeetingRecords(
  q: Queryable,
  meetingId: string,
  today: LocalDate,
): Promise<ErasedMeeting | null> {
  await q.query('SELECT id FROM meeting WHERE id = $1 FOR UPDATE', [meetingId]);
  const [meeting] = await meetingDues(q, [meetingId]);
  if (!meeting || !dueQuarterEnded(meeting.due, today)) return null;
  const subjects = (
    await q.query<{ id: string }>(
      `SELECT id::text AS id FROM agenda_version WHERE meeting_id = $1
       UNION ALL SELECT id::text FROM meeting_document WHERE meeting_id = $1`,
      [meetingId],
    )
  ).rows.map((r) => r.id);
  const copies = await q.query<{ id: string; message_id: string }>(
    'DELETE FROM mail_delivery WHERE subject_id = ANY($1::uuid[]) RETURNING id::text AS id, message_id',
    [subjects],
  );
  await del(q, `DELETE FROM outbox WHERE payload->>'deliveryId' = ANY($1::text[])`, [
    copies.rows.map((r) => r.id),
  ]);
  let documents = 0;
  documents += await del(q, 'DELETE FROM agenda_version WHERE meeting_id = $1', [meetingId]);
  documents += await del(q, 'DELETE FROM meeting_document WHERE meeting_id = $1', [meetingId]);
  await del(q, 'DELETE FROM agenda_late_case WHERE meeting_id = $1', [meetingId]);
  await del(q, 'DELETE FROM agenda_order WHERE meeting_id = $1', [meetingId]);
  // A coordinator's reason for moving or cancelling it can name people: it goes with the rest.
  await q.query('UPDATE meeting SET change_reason = NULL WHERE id = $1', [meetingId]);
  await del(q, 'DELETE FROM data_key WHERE owner = $1', [`meeting:${meetingId}`]);
  return { meetingId, documents, messageIds: copies.rows.map((r) => r.message_id) };
}
