import type { DeliveryMode } from '#core/ports/store.js';
import type { MeetingDocumentRecord } from '#core/ports/meeting-documents.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Queryable } from '../db/db.js';
import { meetingRef } from './sql-agenda-copies.js';
import { readCertificates } from './sql-areas.js';
import { documentById } from './sql-meeting-documents.js';
import { decryptPerson, type PersonRow } from './sql-people.js';

/** What a worker needs to build one agency's copy of an action plan or the minutes. */
export interface DocumentCopyDetails {
  deliveryId: string;
  mode: DeliveryMode;
  agencyId: string;
  /** The agency's core rep and deputy while the agency is on the meeting, each with their certificate (smime). */
  reps: { personId: string; name: string; email: string; certificatePem: string | null }[];
  password: string | null;
  area: { id: string; name: string; mailbox: string };
  meeting: { id: string; date: string };
  document: MeetingDocumentRecord;
}

/** Loads an action plan's or minutes' delivery row; null when it is neither. */
export async function documentCopyDetails(
  q: Queryable,
  crypto: AppCrypto,
  deliveryId: string,
): Promise<DocumentCopyDetails | null> {
  const found = await q.query<{
    mode: DeliveryMode;
    agency_id: string;
    secret: string | null;
    message_id: string;
    subject_id: string;
    area_id: string;
    area_name: string;
    mailbox: string;
    meeting_id: string;
    date: string;
    certificates: string | null;
  }>(
    `SELECT d.mode, d.agency_id, d.secret, d.message_id, d.subject_id, a.id AS area_id,
            a.name AS area_name, a.mailbox, m.id AS meeting_id, m.date::text AS date, aa.certificates
       FROM mail_delivery d
       JOIN meeting_document md ON md.id = d.subject_id
       JOIN meeting m ON m.id = md.meeting_id
       JOIN area a ON a.id = m.area_id
       LEFT JOIN area_agency aa ON aa.area_id = a.id AND aa.agency_id = d.agency_id
      WHERE d.id = $1 AND d.purpose IN ('action-plan', 'minutes')`,
    [deliveryId],
  );
  const row = found.rows[0];
  if (!row) return null;
  const people = await q.query<PersonRow>(
    `SELECT p.id, p.partnership_id, p.name, p.email
       FROM area_agency aa
       CROSS JOIN LATERAL (VALUES (aa.core_rep_id, 0), (aa.deputy_rep_id, 1)) AS rep (person_id, rank)
       JOIN person p ON p.id = rep.person_id
      WHERE aa.area_id = $1 AND aa.agency_id = $2
        AND (aa.agency_id IN (SELECT agency_id FROM meeting_agency WHERE meeting_id = $3)
             OR NOT EXISTS (SELECT 1 FROM meeting_agency WHERE meeting_id = $3))
      ORDER BY rep.rank`,
    [row.area_id, row.agency_id, row.meeting_id],
  );
  const certificates =
    row.mode === 'smime'
      ? await readCertificates(q, crypto, {
          id: row.agency_id,
          area_id: row.area_id,
          certificates: row.certificates,
        })
      : [];
  const reps = [];
  for (const p of people.rows) {
    const person = await decryptPerson(q, crypto, p);
    reps.push({
      personId: person.id,
      name: person.name,
      email: person.email,
      certificatePem: certificates.find((c) => c.email === person.email.toLowerCase())?.pem ?? null,
    });
  }
  return {
    deliveryId,
    mode: row.mode,
    agencyId: row.agency_id,
    reps,
    password: row.secret
      ? await crypto.cipher.decrypt(
          meetingRef(row.meeting_id, 'mail_delivery', 'secret', row.message_id),
          row.secret,
          q,
        )
      : null,
    area: { id: row.area_id, name: row.area_name, mailbox: row.mailbox },
    meeting: { id: row.meeting_id, date: row.date },
    document: (await documentById(q, crypto, row.subject_id))!,
  };
}
