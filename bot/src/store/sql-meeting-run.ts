import {
  DEFAULT_CASE_TARGET_MINUTES,
  type Attendance,
  type CaseState,
  type Seat,
} from '#core/contracts/meeting-api.js';
import type {
  AttendanceRecord,
  CaseNotesRecord,
  MeetingRunRepo,
  RunCaseRecord,
  RunRecord,
} from '#core/ports/meeting-run.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { FieldRef } from '../crypto/field-cipher.js';
import type { Queryable } from '../db/db.js';
import { decryptPerson, type PersonRow } from './sql-people.js';

type Instant = Date | string;
const toDate = (value: Instant): Date => (value instanceof Date ? value : new Date(value));
const toDateOrNull = (value: Instant | null): Date | null =>
  value === null ? null : toDate(value);

interface RunRow {
  meeting_id: string;
  state: RunRecord['state'];
  started_at: Instant;
  started_by: string | null;
  current_referral_id: string | null;
  closed_at: Instant | null;
  closed_by: string | null;
  version: number;
}

interface AttendanceRow {
  meeting_id: string;
  person_id: string;
  seat: Seat;
  agency_id: string | null;
  attendance: Attendance | null;
  info_sent_in_advance: boolean;
  confirmed_at: Instant | null;
  recorded_by: string | null;
  updated_at: Instant;
  version: number;
}

interface CaseRow {
  meeting_id: string;
  referral_id: string;
  case_id: string;
  position: number;
  reference: string;
  has_children: boolean;
  state: CaseState;
  current_since: Instant | null;
  seconds_spent: number;
  deferred_to: string | null;
}

interface NotesRow {
  case_id: string;
  notes: string | null;
  notes_version: number;
  notes_updated_by: string | null;
  notes_updated_at: Instant | null;
}

const toRun = (r: RunRow): RunRecord => ({
  meetingId: r.meeting_id,
  state: r.state,
  startedAt: toDate(r.started_at),
  startedBy: r.started_by,
  currentReferralId: r.current_referral_id,
  closedAt: toDateOrNull(r.closed_at),
  closedBy: r.closed_by,
  version: r.version,
});

const toAttendance = (r: AttendanceRow): AttendanceRecord => ({
  meetingId: r.meeting_id,
  personId: r.person_id,
  seat: r.seat,
  agencyId: r.agency_id,
  attendance: r.attendance,
  infoSentInAdvance: r.info_sent_in_advance,
  confirmedAt: toDateOrNull(r.confirmed_at),
  recordedBy: r.recorded_by,
  updatedAt: toDate(r.updated_at),
  version: r.version,
});

const toCase = (r: CaseRow): RunCaseRecord => ({
  meetingId: r.meeting_id,
  referralId: r.referral_id,
  caseId: r.case_id,
  position: r.position,
  reference: r.reference,
  hasChildren: r.has_children,
  state: r.state,
  currentSince: toDateOrNull(r.current_since),
  secondsSpent: r.seconds_spent,
  deferredTo: r.deferred_to,
});

// Keys the per-meeting advisory locks apart from the live events' and the migrations' locks.
const MEETING_LOCK = 727_203;

const CASE_COLUMNS = `meeting_id, referral_id, case_id, position, reference, has_children, state,
  current_since, seconds_spent, deferred_to`;

/**
 * What is said at the meeting about a family sits under the case's data key, bound to the one
 * meeting and referral it was said at (a copy moved to another row does not open).
 */
const caseTextRef = (
  column: 'defer_reason' | 'notes',
  caseId: string,
  meetingId: string,
  referralId: string,
): FieldRef => ({
  keyOwner: `case:${caseId}`,
  table: 'meeting_case',
  column,
  rowId: `${meetingId}:${referralId}`,
});

const EMPTY_NOTES: CaseNotesRecord = {
  facts: '',
  opinion: '',
  riskSummary: '',
  version: 0,
  updatedBy: null,
  updatedAt: null,
};

/** The sealed notes document: three strings, read back defensively (a missing part is ""). */
function parseNotes(json: string): Pick<CaseNotesRecord, 'facts' | 'opinion' | 'riskSummary'> {
  const raw = JSON.parse(json) as Partial<Record<'facts' | 'opinion' | 'riskSummary', unknown>>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return { facts: text(raw.facts), opinion: text(raw.opinion), riskSummary: text(raw.riskSummary) };
}

export function sqlMeetingRun(q: Queryable, crypto: AppCrypto): MeetingRunRepo {
  /**
   * The case a running-order row was written under. Both its sealed columns use that one key
   * (the row records it), so the reason and the notes always open together.
   */
  async function rowCase(meetingId: string, referralId: string): Promise<string> {
    const found = await q.query<{ case_id: string }>(
      'SELECT case_id FROM meeting_case WHERE meeting_id = $1 AND referral_id = $2',
      [meetingId, referralId],
    );
    const caseId = found.rows[0]?.case_id;
    if (!caseId) throw new Error(`No case ${referralId} on the running order of ${meetingId}`);
    return caseId;
  }

  return {
    async lock(meetingId) {
      await q.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MEETING_LOCK, meetingId]);
    },

    async run(meetingId) {
      const found = await q.query<RunRow>(
        `SELECT meeting_id, state, started_at, started_by, current_referral_id, closed_at,
                closed_by, version
           FROM meeting_run WHERE meeting_id = $1`,
        [meetingId],
      );
      const row = found.rows[0];
      return row ? toRun(row) : null;
    },

    async saveRun(run) {
      await q.query(
        `INSERT INTO meeting_run (meeting_id, state, started_at, started_by, current_referral_id,
                                  closed_at, closed_by, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (meeting_id) DO UPDATE SET state = EXCLUDED.state,
           current_referral_id = EXCLUDED.current_referral_id, closed_at = EXCLUDED.closed_at,
           closed_by = EXCLUDED.closed_by, version = EXCLUDED.version`,
        [
          run.meetingId,
          run.state,
          run.startedAt,
          run.startedBy,
          run.currentReferralId,
          run.closedAt,
          run.closedBy,
          run.version,
        ],
      );
    },

    async attendance(meetingId) {
      const found = await q.query<AttendanceRow>(
        'SELECT * FROM meeting_attendance WHERE meeting_id = $1 ORDER BY person_id',
        [meetingId],
      );
      return found.rows.map(toAttendance);
    },

    async attendanceOf(meetingId, personId) {
      const found = await q.query<AttendanceRow>(
        'SELECT * FROM meeting_attendance WHERE meeting_id = $1 AND person_id = $2',
        [meetingId, personId],
      );
      const row = found.rows[0];
      return row ? toAttendance(row) : null;
    },

    async saveAttendance(record) {
      await q.query(
        `INSERT INTO meeting_attendance (meeting_id, person_id, seat, agency_id, attendance,
           info_sent_in_advance, confirmed_at, recorded_by, updated_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (meeting_id, person_id) DO UPDATE SET seat = EXCLUDED.seat,
           agency_id = EXCLUDED.agency_id, attendance = EXCLUDED.attendance,
           info_sent_in_advance = EXCLUDED.info_sent_in_advance,
           confirmed_at = EXCLUDED.confirmed_at, recorded_by = EXCLUDED.recorded_by,
           updated_at = EXCLUDED.updated_at, version = EXCLUDED.version`,
        [
          record.meetingId,
          record.personId,
          record.seat,
          record.agencyId,
          record.attendance,
          record.infoSentInAdvance,
          record.confirmedAt,
          record.recordedBy,
          record.updatedAt,
          record.version,
        ],
      );
    },

    async cases(meetingId) {
      const found = await q.query<CaseRow>(
        `SELECT ${CASE_COLUMNS} FROM meeting_case WHERE meeting_id = $1 ORDER BY position`,
        [meetingId],
      );
      return found.rows.map(toCase);
    },

    async insertCases(cases) {
      for (const c of cases) {
        await q.query(
          `INSERT INTO meeting_case (${CASE_COLUMNS})
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            c.meetingId,
            c.referralId,
            c.caseId,
            c.position,
            c.reference,
            c.hasChildren,
            c.state,
            c.currentSince,
            c.secondsSpent,
            c.deferredTo,
          ],
        );
      }
    },

    async saveCase(c) {
      await q.query(
        `UPDATE meeting_case SET state = $3, current_since = $4, seconds_spent = $5,
           deferred_to = $6, position = $7
         WHERE meeting_id = $1 AND referral_id = $2`,
        [
          c.meetingId,
          c.referralId,
          c.state,
          c.currentSince,
          c.secondsSpent,
          c.deferredTo,
          c.position,
        ],
      );
    },

    async deferReason(meetingId, referralId) {
      const found = await q.query<{ case_id: string; defer_reason: string | null }>(
        `SELECT case_id, defer_reason FROM meeting_case
          WHERE meeting_id = $1 AND referral_id = $2`,
        [meetingId, referralId],
      );
      const row = found.rows[0];
      if (!row?.defer_reason) return null;
      return crypto.cipher.decrypt(
        caseTextRef('defer_reason', row.case_id, meetingId, referralId),
        row.defer_reason,
        q,
      );
    },

    async setDeferReason({ meetingId, referralId, reason }) {
      const caseId = await rowCase(meetingId, referralId);
      const sealed = await crypto.cipher.encrypt(
        caseTextRef('defer_reason', caseId, meetingId, referralId),
        reason,
        q,
      );
      await q.query(
        'UPDATE meeting_case SET defer_reason = $3 WHERE meeting_id = $1 AND referral_id = $2',
        [meetingId, referralId, sealed],
      );
    },

    async notes(meetingId, referralId) {
      const found = await q.query<NotesRow>(
        `SELECT case_id, notes, notes_version, notes_updated_by, notes_updated_at
           FROM meeting_case WHERE meeting_id = $1 AND referral_id = $2`,
        [meetingId, referralId],
      );
      const row = found.rows[0];
      if (!row) return EMPTY_NOTES;
      const text =
        row.notes === null
          ? null
          : await crypto.cipher.decrypt(
              caseTextRef('notes', row.case_id, meetingId, referralId),
              row.notes,
              q,
            );
      return {
        ...(text === null ? EMPTY_NOTES : parseNotes(text)),
        version: row.notes_version,
        updatedBy: row.notes_updated_by,
        updatedAt: toDateOrNull(row.notes_updated_at),
      };
    },

    async saveNotes(meetingId, referralId, _caseId, notes) {
      const caseId = await rowCase(meetingId, referralId);
      const sealed = await crypto.cipher.encrypt(
        caseTextRef('notes', caseId, meetingId, referralId),
        JSON.stringify({
          facts: notes.facts,
          opinion: notes.opinion,
          riskSummary: notes.riskSummary,
        }),
        q,
      );
      await q.query(
        `UPDATE meeting_case SET notes = $3, notes_version = $4, notes_updated_by = $5,
           notes_updated_at = $6
         WHERE meeting_id = $1 AND referral_id = $2`,
        [meetingId, referralId, sealed, notes.version, notes.updatedBy, notes.updatedAt],
      );
    },

    async areaPeople(areaId, role) {
      const found = await q.query<PersonRow>(
        `SELECT p.id, p.partnership_id, p.name, p.email FROM area_role r
           JOIN person p ON p.id = r.person_id WHERE r.area_id = $1 AND r.role = $2`,
        [areaId, role],
      );
      const people = await Promise.all(found.rows.map((row) => decryptPerson(q, crypto, row)));
      return people
        .map((p) => ({ id: p.id, name: p.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    },

    async names(personIds) {
      if (personIds.length === 0) return new Map();
      const found = await q.query<PersonRow>(
        'SELECT id, partnership_id, name, email FROM person WHERE id = ANY($1::uuid[])',
        [[...personIds]],
      );
      const people = await Promise.all(found.rows.map((row) => decryptPerson(q, crypto, row)));
      return new Map(people.map((p) => [p.id, p.name]));
    },

    async caseTargetMinutes(areaId) {
      const found = await q.query<{ case_target_minutes: number }>(
        'SELECT case_target_minutes FROM area WHERE id = $1',
        [areaId],
      );
      return found.rows[0]?.case_target_minutes ?? DEFAULT_CASE_TARGET_MINUTES;
    },

    async setCaseTargetMinutes(areaId, minutes) {
      await q.query('UPDATE area SET case_target_minutes = $2, updated_at = now() WHERE id = $1', [
        areaId,
        minutes,
      ]);
    },
  };
}
