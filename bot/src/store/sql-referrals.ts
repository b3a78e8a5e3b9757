import { referralDraftSchema, referralFormSchema } from '#core/contracts/referral.js';
import type {
  EqualityRecord,
  MyReferral,
  QueueItem,
  ReferralRecord,
  ReferralsRepo,
} from '#core/ports/referrals.js';
import { readStoredForm, storedForm } from '#core/referrals/stored-form.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { FieldRef } from '../crypto/field-cipher.js';
import { findCandidates } from '../matching/find-candidates.js';
import { replaceVictimTerms, victimTerms } from '../matching/victim-terms.js';
import type { Queryable } from '../db/db.js';
import { refileCases } from './refile-keys.js';
import { decryptPerson, type PersonRow } from './sql-people.js';

interface ReferralRow {
  id: string;
  reference: string;
  case_id: string;
  area_id: string;
  partnership_id: string;
  referrer_person_id: string;
  referrer_agency_id: string | null;
  status: ReferralRecord['status'];
  form: string;
  question_set: string | null;
  score: number | null;
  band: ReferralRecord['band'];
  criteria: string[];
  is_repeat: boolean;
  mappa_lead: boolean;
  children_count: number;
  meeting_id: string | null;
  referred_on: string;
  submitted_at: Date | string | null;
  decided_at: Date | string | null;
  decision_note: string | null;
  mappa_link_note: string | null;
}

/** Every personal field of a referral sits under its case's data key. */
const ref = (r: { id: string; case_id: string }, column: string): FieldRef => ({
  keyOwner: `case:${r.case_id}`,
  table: 'referral',
  column,
  rowId: r.id,
});

const COLUMNS = `id, reference, case_id, area_id, partnership_id, referrer_person_id, referrer_agency_id, status,
  form, question_set, score, band, criteria, is_repeat, mappa_lead, children_count, meeting_id, referred_on,
  submitted_at, decided_at, decision_note, mappa_link_note`;

const asDate = (v: Date | string | null) => (v === null ? null : new Date(v));
// Open referrals and cases already heard or accepted; drafts are still the referrer's own.
const MATCHED_STATUSES = ['submitted', 'needs-information', 'accepted'];

const QUEUE_SELECT = `SELECT r.id, r.reference, r.status, r.band, r.score, r.criteria, r.is_repeat, r.mappa_lead,
    r.children_count, r.referrer_agency_id, r.meeting_id, r.referred_on, r.case_id, r.form,
    (SELECT count(*)::int FROM duplicate_candidate d WHERE d.referral_id = r.id AND d.status = 'open') AS open_duplicates
  FROM referral r`;

/** A row of QUEUE_SELECT. */
type Row = Pick<
  ReferralRow,
  | 'id'
  | 'reference'
  | 'status'
  | 'band'
  | 'score'
  | 'criteria'
  | 'is_repeat'
  | 'mappa_lead'
  | 'children_count'
  | 'referrer_agency_id'
  | 'meeting_id'
  | 'referred_on'
  | 'case_id'
  | 'form'
> & { open_duplicates: number };
const toQueueItem = (r: Row): QueueItem => ({
  id: r.id,
  reference: r.reference,
  status: r.status,
  band: r.band,
  score: r.score,
  criteria: r.criteria,
  isRepeat: r.is_repeat,
  mappaLead: r.mappa_lead,
  childrenCount: r.children_count,
  referrerAgencyId: r.referrer_agency_id,
  meetingId: r.meeting_id,
  referredOn: r.referred_on,
  openDuplicates: r.open_duplicates,
});

export function sqlReferrals(q: Queryable, crypto: AppCrypto): ReferralsRepo {
  const { cipher, indexer } = crypto;
  async function toRecord(row: ReferralRow): Promise<ReferralRecord> {
    // The words written before the form offered categories come apart from the form (stored-form.ts).
    const { form: stored, asWritten } = readStoredForm(
      JSON.parse(await cipher.decrypt(ref(row, 'form'), row.form, q)),
    );
    // A draft holds whatever was typed; every other state holds a complete form.
    const typed =
      row.status === 'draft'
        ? {
            status: 'draft' as const,
            referrerAgencyId: row.referrer_agency_id,
            form: referralDraftSchema.parse(stored),
          }
        : {
            status: row.status,
            referrerAgencyId: row.referrer_agency_id!,
            form: referralFormSchema.parse(stored),
          };
    return {
      ...typed,
      ...(asWritten ? { asWritten } : {}),
      id: row.id,
      reference: row.reference,
      caseId: row.case_id,
      areaId: row.area_id,
      partnershipId: row.partnership_id,
      referrerPersonId: row.referrer_person_id,
      questionSet: row.question_set,
      score: row.score,
      band: row.band,
      criteria: row.criteria,
      isRepeat: row.is_repeat,
      mappaLead: row.mappa_lead,
      childrenCount: row.children_count,
      meetingId: row.meeting_id,
      referredOn: row.referred_on,
      submittedAt: asDate(row.submitted_at),
      decidedAt: asDate(row.decided_at),
      decisionNote: await cipher.decryptNullable(ref(row, 'decision_note'), row.decision_note, q),
      mappaLinkNote: await cipher.decryptNullable(
        ref(row, 'mappa_link_note'),
        row.mappa_link_note,
        q,
      ),
    };
  }
  async function sealed(r: ReferralRecord) {
    const row = { id: r.id, case_id: r.caseId };
    return [
      r.id,
      r.reference,
      r.caseId,
      r.areaId,
      r.partnershipId,
      r.referrerPersonId,
      r.referrerAgencyId,
      r.status,
      await cipher.encrypt(ref(row, 'form'), JSON.stringify(storedForm(r.form, r.asWritten)), q),
      r.questionSet,
      r.score,
      r.band,
      r.criteria,
      r.isRepeat,
      r.mappaLead,
      r.childrenCount,
      r.meetingId,
      r.referredOn,
      r.submittedAt?.toISOString() ?? null,
      r.decidedAt?.toISOString() ?? null,
      await cipher.encryptNullable(ref(row, 'decision_note'), r.decisionNote ?? null, q),
      await cipher.encryptNullable(ref(row, 'mappa_link_note'), r.mappaLinkNote ?? null, q),
    ];
  }
  /** The victim's name from a row's encrypted form (a draft's may be blank). */
  async function victimName(row: Pick<Row, 'id' | 'case_id' | 'form'>): Promise<string | null> {
    const form = JSON.parse(await cipher.decrypt(ref(row, 'form'), row.form, q)) as {
      victim?: { name?: string };
    };
    return form.victim?.name?.trim() || null;
  }
  // A draft is matched against nothing and nothing is matched against it: it has no terms.
  const writeTerms = (r: ReferralRecord) =>
    replaceVictimTerms(
      q,
      r.id,
      r.partnershipId,
      r.status === 'draft' ? [] : victimTerms(indexer, r.form.victim),
    );

  return {
    async nextReference(areaId, year) {
      const next = await q.query<{ last: number; code: string | null }>(
        `INSERT INTO referral_sequence (partnership_id, year, last)
           SELECT partnership_id, $2, 1 FROM area WHERE id = $1
         ON CONFLICT (partnership_id, year) DO UPDATE SET last = referral_sequence.last + 1
         RETURNING last, (SELECT code FROM area WHERE id = $1) AS code`,
        [areaId, year],
      );
      const { last, code } = next.rows[0]!;
      return `${code ?? 'MARAC'}-${year}-${String(last).padStart(4, '0')}`;
    },
    async insert(r) {
      const placeholders = Array.from({ length: 22 }, (_, i) => `$${i + 1}`).join(', ');
      await q.query(`INSERT INTO referral (${COLUMNS}) VALUES (${placeholders})`, await sealed(r));
      await writeTerms(r);
      await refileCases(q, crypto, [r.caseId]);
    },
    async update(r) {
      // A merge moves the referral to another case; a new meeting moves when the case falls due.
      const before = await q.query<{ case_id: string }>(
        'SELECT case_id::text AS case_id FROM referral WHERE id = $1',
        [r.id],
      );
      await q.query(
        `UPDATE referral SET case_id = $3, referrer_agency_id = $7, status = $8, form = $9, question_set = $10, score = $11, band = $12,
           criteria = $13, is_repeat = $14, mappa_lead = $15, children_count = $16, meeting_id = $17,
           referred_on = $18, submitted_at = $19, decided_at = $20, decision_note = $21, mappa_link_note = $22,
           updated_at = now()
         WHERE id = $1 AND reference = $2 AND area_id = $4 AND partnership_id = $5 AND referrer_person_id = $6`,
        await sealed(r),
      );
      await writeTerms(r);
      await refileCases(q, crypto, [r.caseId, ...before.rows.map((row) => row.case_id)]);
    },
    async get(id) {
      const found = await q.query<ReferralRow>(`SELECT ${COLUMNS} FROM referral WHERE id = $1`, [
        id,
      ]);
      return found.rows[0] ? toRecord(found.rows[0]) : null;
    },
    async newCase(c) {
      await q.query(
        `INSERT INTO marac_case (id, partnership_id, area_id, repeat_of_case_id, first_referred_on, last_referred_on)
         VALUES ($1, $2, $3, $4, $5, $5)`,
        [c.id, c.partnershipId, c.areaId, c.repeatOf, c.referredOn],
      );
    },
    async touchCase(caseId, referredOn) {
      await q.query(
        'UPDATE marac_case SET last_referred_on = greatest(last_referred_on, $2::date) WHERE id = $1',
        [caseId, referredOn],
      );
      await refileCases(q, crypto, [caseId]);
    },
    async findVictimMatches(input) {
      const matches = await findCandidates(q, {
        partnershipId: input.partnershipId,
        terms: victimTerms(indexer, input.victim),
        sinceDate: input.since,
        statuses: MATCHED_STATUSES,
        ...(input.excludeReferralId ? { excludeReferralId: input.excludeReferralId } : {}),
      });
      return matches.map(({ evidence: _evidence, weight: _weight, ...match }) => match);
    },
    async recordCandidates(referralId, matches) {
      for (const m of matches) {
        await q.query(
          `INSERT INTO duplicate_candidate (referral_id, candidate_referral_id, confidence, level) VALUES ($1, $2, $3, $4)
           ON CONFLICT (referral_id, candidate_referral_id) DO UPDATE SET confidence = excluded.confidence, level = excluded.level`,
          [referralId, m.referralId, m.confidence, m.level],
        );
      }
    },
    async decideCandidate(referralId, candidateId, decision, by) {
      const done = await q.query(
        `UPDATE duplicate_candidate SET status = $3, decided_by = $4, decided_at = now()
          WHERE referral_id = $1 AND candidate_referral_id = $2 AND (status = 'open' OR status = $3)`,
        [referralId, candidateId, decision, by],
      );
      return done.affectedRows === 1;
    },
    async candidates(referralId) {
      const found = await q.query<{
        id: string;
        case_id: string;
        area_id: string;
        status: string;
        referred_on: string;
        confidence: number;
        level: 'possible' | 'likely';
        decision: 'open' | 'merged' | 'dismissed';
      }>(
        `SELECT r.id, r.case_id, r.area_id, r.status, r.referred_on, d.confidence, d.level, d.status AS decision
           FROM duplicate_candidate d JOIN referral r ON r.id = d.candidate_referral_id
          WHERE d.referral_id = $1 ORDER BY d.confidence DESC`,
        [referralId],
      );
      return found.rows.map((r) => ({
        referralId: r.id,
        caseId: r.case_id,
        areaId: r.area_id,
        status: r.status,
        referredOn: r.referred_on,
        confidence: r.confidence,
        level: r.level,
        likely: r.level === 'likely',
        decision: r.decision,
      }));
    },
    async countOnMeeting(meetingId) {
      const found = await q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM referral WHERE meeting_id = $1 AND status = 'accepted'`,
        [meetingId],
      );
      return found.rows[0]!.n;
    },
    async queue(areaId, options = {}) {
      const found = await q.query<Row>(
        `${QUEUE_SELECT} WHERE r.area_id = $1 AND r.status <> 'draft' ORDER BY r.referred_on DESC, r.reference DESC`,
        [areaId],
      );
      if (!options.victimNames) return found.rows.map(toQueueItem);
      const items: QueueItem[] = [];
      for (const row of found.rows)
        items.push({ ...toQueueItem(row), victimName: (await victimName(row)) ?? '' });
      return items;
    },
    async mine(personId) {
      const found = await q.query<
        Pick<
          ReferralRow,
          'id' | 'case_id' | 'reference' | 'status' | 'band' | 'score' | 'referred_on' | 'form'
        > & { decision_note: string | null; meeting_date: string | null }
      >(
        `SELECT r.id, r.case_id, r.reference, r.status, r.band, r.score, r.referred_on, r.form,
                r.decision_note, m.date AS meeting_date
           FROM referral r LEFT JOIN meeting m ON m.id = r.meeting_id
          WHERE r.referrer_person_id = $1 ORDER BY r.referred_on DESC, r.reference DESC`,
        [personId],
      );
      const items: MyReferral[] = [];
      for (const row of found.rows) {
        const answered = row.status === 'needs-information' || row.status === 'declined';
        items.push({
          id: row.id,
          reference: row.reference,
          status: row.status,
          band: row.band,
          score: row.score,
          referredOn: row.referred_on,
          victimName: await victimName(row),
          decisionNote: answered
            ? await cipher.decryptNullable(ref(row, 'decision_note'), row.decision_note, q)
            : null,
          meetingDate: row.status === 'accepted' ? (row.meeting_date ?? null) : null,
        });
      }
      return items;
    },
    async referrerOf(referralId) {
      const found = await q.query<PersonRow & { agency_name: string | null }>(
        `SELECT p.id, p.partnership_id, p.name, p.email, a.name AS agency_name FROM referral r
           JOIN person p ON p.id = r.referrer_person_id
           LEFT JOIN agency a ON a.id = r.referrer_agency_id
          WHERE r.id = $1`,
        [referralId],
      );
      const row = found.rows[0];
      if (!row) return null;
      // A professional's name is kept under the partnership's directory key.
      const person = await decryptPerson(q, crypto, row);
      return { name: person.name, agencyName: row.agency_name };
    },
    async equalityOf(areaId) {
      const found = await q.query<
        Pick<ReferralRow, 'id' | 'case_id' | 'reference' | 'referred_on' | 'form'>
      >(
        `SELECT id, case_id, reference, referred_on, form FROM referral
          WHERE area_id = $1 AND status <> 'draft' ORDER BY referred_on, reference`,
        [areaId],
      );
      const items: EqualityRecord[] = [];
      for (const row of found.rows) {
        const { form, asWritten } = readStoredForm(
          JSON.parse(await cipher.decrypt(ref(row, 'form'), row.form, q)),
        );
        const victim = (form as { victim?: { ethnicity?: string; sexuality?: string } }).victim;
        items.push({
          id: row.id,
          reference: row.reference,
          referredOn: row.referred_on,
          ethnicity: victim?.ethnicity ?? null,
          sexuality: victim?.sexuality ?? null,
          asWritten: asWritten ?? {},
        });
      }
      return items;
    },
    async byReferrer(personId) {
      const found = await q.query<Row>(
        `${QUEUE_SELECT} WHERE r.referrer_person_id = $1 ORDER BY r.referred_on DESC, r.reference DESC`,
        [personId],
      );
      return found.rows.map(toQueueItem);
    },
  };
}
