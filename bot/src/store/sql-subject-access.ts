import type { PersonLabel, SubjectAccessRepo } from '#core/ports/subject-access.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Queryable } from '../db/db.js';
import { findCandidates } from '../matching/find-candidates.js';
import { victimTerms } from '../matching/victim-terms.js';
import { sqlCaseRecords } from './sql-case-records.js';
import { decryptPerson, type PersonRow } from './sql-people.js';

/*
 * Subject access (issue #13): the person's referrals found by the duplicate check's own blind
 * index matching; the audit entries about their cases; the professionals and agencies named. The
 * cases' own records are read in sql-case-records.ts.
 */

/** Every state a submitted referral can be in: all of them are held. */
const HELD = ['submitted', 'needs-information', 'accepted', 'declined', 'merged'];
/** No repeat window: everything held, however old. */
const EVER = '1900-01-01';

type Instant = Date | string;
const instant = (value: Instant): Date => new Date(value);

export function sqlSubjectAccess(q: Queryable, crypto: AppCrypto): SubjectAccessRepo {
  const ids = (values: readonly string[]) => [...new Set(values)];

  return {
    ...sqlCaseRecords(q, crypto),
    async matches(partnershipId, identity) {
      const terms = victimTerms(crypto.indexer, {
        name: identity.name,
        otherNames: [...identity.otherNames],
        dateOfBirth: identity.dateOfBirth,
        address: identity.postcode ? { postcode: identity.postcode } : null,
      });
      const found = await findCandidates(q, {
        partnershipId,
        terms,
        sinceDate: EVER,
        statuses: HELD,
      });
      if (found.length === 0) return [];
      const references = await q.query<{ id: string; reference: string }>(
        'SELECT id, reference FROM referral WHERE id = ANY($1::uuid[])',
        [found.map((m) => m.referralId)],
      );
      const referenceOf = new Map(references.rows.map((r) => [r.id, r.reference]));
      return found.map((m) => ({
        referralId: m.referralId,
        caseId: m.caseId,
        areaId: m.areaId,
        reference: referenceOf.get(m.referralId) ?? '',
        status: m.status,
        referredOn: m.referredOn,
        evidence: m.evidence,
      }));
    },

    async referralByReference(partnershipId, reference) {
      const found = await q.query<{ id: string }>(
        `SELECT id FROM referral WHERE partnership_id = $1 AND reference = $2 AND status <> 'draft'`,
        [partnershipId, reference],
      );
      return found.rows[0]?.id ?? null;
    },

    async caseReferrals(caseIds) {
      if (caseIds.length === 0) return [];
      const found = await q.query<{
        id: string;
        case_id: string;
        area_id: string;
        reference: string;
      }>(
        `SELECT id, case_id, area_id, reference FROM referral
          WHERE case_id = ANY($1::uuid[]) AND status <> 'draft'
          ORDER BY referred_on, created_at, id`,
        [ids(caseIds)],
      );
      return found.rows.map((r) => ({
        referralId: r.id,
        caseId: r.case_id,
        areaId: r.area_id,
        reference: r.reference,
      }));
    },

    async auditTrail({ records, meetingIds, meetingReads }) {
      const of = (type: string) =>
        records.filter((r) => r.recordType === type).map((r) => r.recordId);
      const found = await q.query<{
        at: Instant;
        actor_id: string | null;
        action: string;
        record_type: string;
        record_id: string;
        outcome: string;
      }>(
        `SELECT at, actor_id, action, record_type, record_id, outcome FROM audit_log
          WHERE (record_type = 'referral' AND record_id = ANY($1::text[]))
             OR (record_type = 'research' AND record_id = ANY($2::text[]))
             OR (record_type = 'meeting_action' AND record_id = ANY($3::text[]))
             OR (record_type = 'case' AND record_id = ANY($4::text[]))
             OR (record_type = 'meeting' AND record_id = ANY($5::text[]) AND action = ANY($6::text[]))
          ORDER BY id`,
        [
          of('referral'),
          of('research'),
          of('meeting_action'),
          of('case'),
          ids(meetingIds),
          [...meetingReads],
        ],
      );
      return found.rows.map((r) => ({
        at: instant(r.at),
        actorId: r.actor_id,
        action: r.action,
        recordType: r.record_type,
        recordId: r.record_id,
        outcome: r.outcome,
      }));
    },

    async people(personIds) {
      const wanted = ids(personIds);
      const labels = new Map<string, PersonLabel>();
      if (wanted.length === 0) return labels;
      const found = await q.query<PersonRow>(
        'SELECT id, partnership_id, name, email FROM person WHERE id = ANY($1::uuid[])',
        [wanted],
      );
      const roles = await q.query<{ person_id: string; role: string }>(
        `SELECT DISTINCT aa.core_rep_id AS person_id, g.name AS role FROM area_agency aa
           JOIN agency g ON g.id = aa.agency_id WHERE aa.core_rep_id = ANY($1::uuid[])
         UNION
         SELECT DISTINCT aa.deputy_rep_id, g.name FROM area_agency aa
           JOIN agency g ON g.id = aa.agency_id WHERE aa.deputy_rep_id = ANY($1::uuid[])
         UNION
         SELECT DISTINCT person_id, role FROM area_role WHERE person_id = ANY($1::uuid[])
         ORDER BY 2`,
        [wanted],
      );
      for (const row of found.rows) {
        const person = await decryptPerson(q, crypto, row);
        labels.set(row.id, {
          name: person.name,
          roles: roles.rows.filter((r) => r.person_id === row.id).map((r) => r.role),
        });
      }
      return labels;
    },

    async names(partnershipId) {
      const agencies = await q.query<{ id: string; name: string }>(
        'SELECT id, name FROM agency WHERE partnership_id = $1',
        [partnershipId],
      );
      const areas = await q.query<{ id: string; name: string }>(
        'SELECT id, name FROM area WHERE partnership_id = $1',
        [partnershipId],
      );
      return {
        agencies: new Map(agencies.rows.map((r) => [r.id, r.name])),
        areas: new Map(areas.rows.map((r) => [r.id, r.name])),
      };
    },
  };
}
