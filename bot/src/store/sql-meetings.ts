import type { MeetingRecord, MeetingsRepo, SeriesRecord, SeriesRepo } from '#core/ports/store.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { FieldRef } from '../crypto/field-cipher.js';
import type { Queryable } from '../db/db.js';
import { refileMeeting } from './refile-keys.js';

interface MeetingRow {
  id: string;
  area_id: string;
  series_id: string | null;
  pattern_date: string;
  date: string;
  start_time: string;
  starts_at: Date | string;
  ends_at: Date | string;
  status: MeetingRecord['status'];
  moved_from: string | null;
  change_reason: string | null;
}

const reasonRef = (areaId: string, meetingId: string): FieldRef => ({
  keyOwner: `area:${areaId}`,
  table: 'meeting',
  column: 'change_reason',
  rowId: meetingId,
});

const toMeeting = (row: MeetingRow): MeetingRecord => ({
  id: row.id,
  areaId: row.area_id,
  seriesId: row.series_id,
  patternDate: row.pattern_date,
  date: row.date,
  startTime: row.start_time,
  startsAt: new Date(row.starts_at),
  endsAt: new Date(row.ends_at),
  status: row.status,
  movedFrom: row.moved_from,
  changeReason: row.change_reason,
});

const COLUMNS =
  'id, area_id, series_id, pattern_date, date, start_time, starts_at, ends_at, status, moved_from, change_reason';

const params = (m: MeetingRecord, reason: string | null) => [
  m.id,
  m.areaId,
  m.seriesId,
  m.patternDate,
  m.date,
  m.startTime,
  m.startsAt.toISOString(),
  m.endsAt.toISOString(),
  m.status,
  m.movedFrom,
  reason,
];

export function sqlMeetings(q: Queryable, crypto: AppCrypto): MeetingsRepo {
  // The reason is encrypted: a coordinator's words about a change can name people.
  const sealed = (m: MeetingRecord) =>
    crypto.cipher
      .encryptNullable(reasonRef(m.areaId, m.id), m.changeReason, q)
      .then((r) => r ?? null);
  const opened = async (row: MeetingRow) => ({
    ...toMeeting(row),
    changeReason:
      (await crypto.cipher.decryptNullable(reasonRef(row.area_id, row.id), row.change_reason, q)) ??
      null,
  });
  const all = async (rows: MeetingRow[]) => {
    const out: MeetingRecord[] = [];
    for (const row of rows) out.push(await opened(row));
    return out;
  };
  return {
    async get(id) {
      const result = await q.query<MeetingRow>(`SELECT ${COLUMNS} FROM meeting WHERE id = $1`, [
        id,
      ]);
      return result.rows[0] ? opened(result.rows[0]) : null;
    },
    async listForArea(areaId, range) {
      const result = await q.query<MeetingRow>(
        `SELECT ${COLUMNS} FROM meeting WHERE area_id = $1
           AND ($2::date IS NULL OR date >= $2::date) AND ($3::date IS NULL OR date <= $3::date)
         ORDER BY date, start_time`,
        [areaId, range.from ?? null, range.to ?? null],
      );
      return all(result.rows);
    },
    async listForSeries(seriesId) {
      const result = await q.query<MeetingRow>(
        `SELECT ${COLUMNS} FROM meeting WHERE series_id = $1 ORDER BY pattern_date`,
        [seriesId],
      );
      return all(result.rows);
    },
    async insertMany(meetings) {
      for (const meeting of meetings) {
        await q.query(
          `INSERT INTO meeting (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          params(meeting, await sealed(meeting)),
        );
      }
    },
    async recordCalendar(meetingId, calendarRef, joinUrl) {
      await q.query(
        'UPDATE meeting SET calendar_ref = $2, join_url = $3, updated_at = now() WHERE id = $1',
        [meetingId, calendarRef, joinUrl],
      );
    },
    async caseIds(meetingId) {
      const result = await q.query<{ id: string }>(
        `SELECT id FROM referral WHERE meeting_id = $1 AND status = 'accepted'
          ORDER BY decided_at NULLS FIRST, reference`,
        [meetingId],
      );
      return result.rows.map((r) => r.id);
    },
    async caseSummaries(meetingId) {
      const result = await q.query<{ id: string; reference: string; children_count: number }>(
        `SELECT id, reference, children_count FROM referral
          WHERE meeting_id = $1 AND status = 'accepted' ORDER BY decided_at NULLS FIRST, reference`,
        [meetingId],
      );
      return result.rows.map((r) => ({
        id: r.id,
        reference: r.reference,
        childrenCount: r.children_count,
      }));
    },
    async caseCounts(areaId) {
      const result = await q.query<{ meeting_id: string; n: number }>(
        `SELECT meeting_id, count(*)::int AS n FROM referral
          WHERE area_id = $1 AND status = 'accepted' AND meeting_id IS NOT NULL GROUP BY meeting_id`,
        [areaId],
      );
      return new Map(result.rows.map((r) => [r.meeting_id, r.n]));
    },
    async recordCaseMove(move) {
      const reason = await crypto.cipher.encrypt(
        { keyOwner: `case:${move.caseId}`, table: 'case_move', column: 'reason', rowId: move.id },
        move.reason,
        q,
      );
      await q.query(
        `INSERT INTO case_move (id, referral_id, from_meeting_id, to_meeting_id, reason, moved_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          move.id,
          move.referralId,
          move.fromMeetingId,
          move.toMeetingId,
          reason,
          move.movedAt.toISOString(),
        ],
      );
    },
    async update(m) {
      await q.query(
        `UPDATE meeting SET date = $5, start_time = $6, starts_at = $7, ends_at = $8, status = $9,
           moved_from = $10, change_reason = $11, updated_at = now()
         WHERE id = $1 AND area_id = $2 AND series_id IS NOT DISTINCT FROM $3 AND pattern_date = $4`,
        params(m, await sealed(m)),
      );
      // A meeting moved to another date moves when its records, and its cases', fall due.
      await refileMeeting(q, crypto, m.id);
    },
  };
}

interface SeriesRow {
  id: string;
  area_id: string;
  first_date: string;
  until: string;
  sequence: number;
  calendar_status: SeriesRecord['calendarStatus'];
  calendar_ref: string | null;
  join_url: string | null;
}

const toSeries = (row: SeriesRow): SeriesRecord => ({
  id: row.id,
  areaId: row.area_id,
  firstDate: row.first_date,
  until: row.until,
  sequence: row.sequence,
  calendarStatus: row.calendar_status,
  calendarRef: row.calendar_ref,
  joinUrl: row.join_url,
});

const SERIES_COLUMNS =
  'id, area_id, first_date, until, sequence, calendar_status, calendar_ref, join_url';

export function sqlSeries(q: Queryable): SeriesRepo {
  const one = async (where: string, value: string) => {
    const result = await q.query<SeriesRow>(
      `SELECT ${SERIES_COLUMNS} FROM meeting_series WHERE ${where} = $1`,
      [value],
    );
    return result.rows[0] ? toSeries(result.rows[0]) : null;
  };
  return {
    get: (id) => one('id', id),
    forArea: (areaId) => one('area_id', areaId),
    async insert(s) {
      await q.query(
        `INSERT INTO meeting_series (${SERIES_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          s.id,
          s.areaId,
          s.firstDate,
          s.until,
          s.sequence,
          s.calendarStatus,
          s.calendarRef,
          s.joinUrl,
        ],
      );
    },
    async nextSequence(id) {
      const result = await q.query<{ sequence: number }>(
        'UPDATE meeting_series SET sequence = sequence + 1, updated_at = now() WHERE id = $1 RETURNING sequence',
        [id],
      );
      return result.rows[0]!.sequence;
    },
    async recordCalendar(id, r) {
      await q.query(
        `UPDATE meeting_series SET calendar_status = $2, calendar_ref = $3, join_url = $4, updated_at = now()
          WHERE id = $1`,
        [id, r.calendarStatus, r.calendarRef, r.joinUrl],
      );
    },
  };
}
