import type { Agenda } from '#core/agendas/agenda.js';
import type { AgendaDeliveryRecord, AgendaVersionRecord } from '#core/ports/agendas.js';
import type { DeliveryMode } from '#core/ports/store.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { FieldRef } from '../crypto/field-format.js';
import type { Queryable } from '../db/db.js';
import { readCertificates } from './sql-areas.js';
import { decryptPerson, type PersonRow } from './sql-people.js';

/*
 * The copies of published agendas: the coordinator's list of deliveries, and what a worker reads
 * to build one rep's copy (the row's mode, certificate and password; the version, decrypted).
 */

/**
 * Agendas, late reasons, action plans, minutes and their copies' passwords hold names or
 * secrets: ciphertext under the meeting's data key, which is wrapped by the key of the
 * retention period the meeting's records fall due in, so erasing them defeats backups too.
 */
export const meetingRef = (
  meetingId: string,
  table: string,
  column: string,
  rowId: string,
): FieldRef => ({
  keyOwner: `meeting:${meetingId}`,
  table,
  column,
  rowId,
});

/** Where those fields were sealed before migration 021, under the area's key (legacy-seals.ts). */
export const areaRef = (
  areaId: string,
  table: string,
  column: string,
  rowId: string,
): FieldRef => ({
  keyOwner: `area:${areaId}`,
  table,
  column,
  rowId,
});

export interface VersionRow {
  id: string;
  meeting_id: string;
  version: number;
  content: string;
  changes: string;
  published_at: Date | string;
  published_by: string | null;
}

export async function deliveryRecords(
  q: Queryable,
  crypto: AppCrypto,
  where: string,
  params: unknown[],
): Promise<AgendaDeliveryRecord[]> {
  const found = await q.query<
    PersonRow & {
      delivery_id: string;
      version: number;
      agency_id: string;
      agency: string;
      mode: DeliveryMode;
      status: 'queued' | 'sent' | 'dead';
      attempts: number;
      last_error: string | null;
      sent_at: Date | string | null;
    }
  >(
    `SELECT d.id::text AS delivery_id, v.version, d.agency_id, g.name AS agency, d.mode, d.status,
            d.attempts, d.last_error, d.sent_at, p.id, p.partnership_id, p.name, p.email
       FROM mail_delivery d
       JOIN agenda_version v ON v.id = d.subject_id
       JOIN agency g ON g.id = d.agency_id
       JOIN person p ON p.id::text = d.recipient_key
      WHERE d.purpose = 'agenda' AND ${where}
      ORDER BY v.version DESC, g.name, d.id`,
    params,
  );
  const records: AgendaDeliveryRecord[] = [];
  for (const row of found.rows) {
    const person = await decryptPerson(q, crypto, row);
    records.push({
      id: row.delivery_id,
      version: row.version,
      agencyId: row.agency_id,
      agency: row.agency,
      recipient: person.name,
      mode: row.mode,
      status: row.status,
      attempts: row.attempts,
      lastError: row.last_error,
      sentAt: row.sent_at === null ? null : new Date(row.sent_at),
    });
  }
  return records;
}

/** What a worker needs to build one recipient's copy of an agenda version. */
export interface AgendaDeliveryDetails {
  deliveryId: string;
  mode: DeliveryMode;
  recipient: { personId: string; name: string; email: string };
  /** The rep's certificate (smime), matched by address among the agency's. */
  certificatePem: string | null;
  /** A password copy's password; null in the other modes. */
  password: string | null;
  area: { id: string; name: string; mailbox: string };
  meeting: { id: string; date: string; startsAt: Date };
  /** The version it is a copy of: loaded on its own (`agendaVersion`), once for every copy. */
  versionId: string;
  version: number;
}

/** Loads a delivery row's details, decrypting what the copy needs; null when it is not an agenda's. */
export async function agendaDeliveryDetails(
  q: Queryable,
  crypto: AppCrypto,
  deliveryId: string,
): Promise<AgendaDeliveryDetails | null> {
  const found = await q.query<
    PersonRow & {
      delivery_id: string;
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
      starts_at: Date | string;
      version: number;
      certificates: string | null;
    }
  >(
    `SELECT d.id::text AS delivery_id, d.mode, d.agency_id, d.secret, d.message_id, d.subject_id,
            a.id AS area_id, a.name AS area_name, a.mailbox, m.id AS meeting_id, m.date::text AS date,
            m.starts_at, v.version, aa.certificates, p.id, p.partnership_id, p.name, p.email
       FROM mail_delivery d
       JOIN agenda_version v ON v.id = d.subject_id
       JOIN meeting m ON m.id = v.meeting_id
       JOIN area a ON a.id = m.area_id
       JOIN person p ON p.id::text = d.recipient_key
       LEFT JOIN area_agency aa ON aa.area_id = a.id AND aa.agency_id = d.agency_id
      WHERE d.id = $1 AND d.purpose = 'agenda'`,
    [deliveryId],
  );
  const row = found.rows[0];
  if (!row) return null;
  const person = await decryptPerson(q, crypto, row);
  const certificate =
    row.mode === 'smime'
      ? (
          await readCertificates(q, crypto, {
            id: row.agency_id,
            area_id: row.area_id,
            certificates: row.certificates,
          })
        ).find((c) => c.email === person.email.toLowerCase())
      : undefined;
  return {
    deliveryId: row.delivery_id,
    mode: row.mode,
    recipient: { personId: person.id, name: person.name, email: person.email },
    certificatePem: certificate?.pem ?? null,
    password: row.secret
      ? await crypto.cipher.decrypt(
          meetingRef(row.meeting_id, 'mail_delivery', 'secret', row.message_id),
          row.secret,
          q,
        )
      : null,
    area: { id: row.area_id, name: row.area_name, mailbox: row.mailbox },
    meeting: { id: row.meeting_id, date: row.date, startsAt: new Date(row.starts_at) },
    versionId: row.subject_id,
    version: row.version,
  };
}

/** One published version, decrypted. */
export async function agendaVersion(
  q: Queryable,
  crypto: AppCrypto,
  versionId: string,
): Promise<AgendaVersionRecord> {
  const found = await q.query<VersionRow>(
    `SELECT v.id, v.meeting_id, v.version, v.content, v.changes, v.published_at, v.published_by
       FROM agenda_version v WHERE v.id = $1`,
    [versionId],
  );
  return openVersion(q, crypto, found.rows[0]!);
}

/** A stored version row, its agenda and changes decrypted. */
export async function openVersion(
  q: Queryable,
  crypto: AppCrypto,
  row: VersionRow,
): Promise<AgendaVersionRecord> {
  const ref = (column: string) => meetingRef(row.meeting_id, 'agenda_version', column, row.id);
  return {
    id: row.id,
    meetingId: row.meeting_id,
    version: row.version,
    agenda: JSON.parse(await crypto.cipher.decrypt(ref('content'), row.content, q)) as Agenda,
    changes: JSON.parse(await crypto.cipher.decrypt(ref('changes'), row.changes, q)) as string[],
    publishedAt: new Date(row.published_at),
    publishedBy: row.published_by,
  };
}
