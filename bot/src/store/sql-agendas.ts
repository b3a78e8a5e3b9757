import { randomBytes } from 'node:crypto';
import type { TwelveMonthNotice } from '#core/agendas/agenda.js';
import type {
  AgendaRecipient,
  AgendasRepo,
  AgendaVersionRecord,
  MeetingMembers,
} from '#core/ports/agendas.js';
import type { DeliveryMode } from '#core/ports/store.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { FieldRef } from '../crypto/field-format.js';
import type { Queryable } from '../db/db.js';
import { newMessageId } from '../mail/message-id.js';
import { enqueueDelivery, requeueDelivery } from './sql-deliveries.js';
import { decryptPerson, type PersonRow } from './sql-people.js';
import { deliveryRecords, meetingRef, openVersion, type VersionRow } from './sql-agenda-copies.js';

/** A password for one rep's copy: 24 characters from an alphabet without look-alikes. */
const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
export function newAgendaPassword(): string {
  const bytes = randomBytes(48);
  let password = '';
  // Rejection sampling keeps every character equally likely.
  for (const byte of bytes) {
    if (byte >= PASSWORD_ALPHABET.length * 4) continue;
    password += PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length];
    if (password.length === 24) return password;
  }
  return password + newAgendaPassword().slice(password.length);
}

const COST: Record<DeliveryMode, number> = { link: 0, purview: 1, smime: 2, password: 3 };

export function sqlAgendas(q: Queryable, crypto: AppCrypto): AgendasRepo {
  const seal = (ref: FieldRef, text: string) => crypto.cipher.encrypt(ref, text, q);
  const open = (ref: FieldRef, text: string) => crypto.cipher.decrypt(ref, text, q);

  async function areaPeople(areaId: string, role: 'chair' | 'idva') {
    const found = await q.query<PersonRow>(
      `SELECT p.id, p.partnership_id, p.name, p.email FROM area_role r JOIN person p ON p.id = r.person_id
        WHERE r.area_id = $1 AND r.role = $2`,
      [areaId, role],
    );
    const people = await Promise.all(found.rows.map((row) => decryptPerson(q, crypto, row)));
    return people
      .map((p) => ({ id: p.id, name: p.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  }

  return {
    async members(meetingId, areaId): Promise<MeetingMembers> {
      const set = await q.query<{ agency_id: string }>(
        'SELECT agency_id FROM meeting_agency WHERE meeting_id = $1',
        [meetingId],
      );
      if (set.rows.length === 0) {
        const agencies = await q.query<{ agency_id: string }>(
          'SELECT agency_id FROM area_agency WHERE area_id = $1',
          [areaId],
        );
        return {
          isDefault: true,
          agencyIds: agencies.rows.map((r) => r.agency_id),
          chairIds: (await areaPeople(areaId, 'chair')).map((p) => p.id),
          idvaIds: (await areaPeople(areaId, 'idva')).map((p) => p.id),
        };
      }
      const people = await q.query<{ person_id: string; role: 'chair' | 'idva' }>(
        'SELECT person_id, role FROM meeting_person WHERE meeting_id = $1',
        [meetingId],
      );
      return {
        isDefault: false,
        agencyIds: set.rows.map((r) => r.agency_id),
        chairIds: people.rows.filter((r) => r.role === 'chair').map((r) => r.person_id),
        idvaIds: people.rows.filter((r) => r.role === 'idva').map((r) => r.person_id),
      };
    },
    async setMembers(meetingId, members) {
      await q.query('DELETE FROM meeting_agency WHERE meeting_id = $1', [meetingId]);
      await q.query('DELETE FROM meeting_person WHERE meeting_id = $1', [meetingId]);
      await q.query(
        'INSERT INTO meeting_agency (meeting_id, agency_id) SELECT $1::uuid, unnest($2::uuid[])',
        [meetingId, members.agencyIds],
      );
      await q.query(
        `INSERT INTO meeting_person (meeting_id, person_id, role)
         SELECT $1::uuid, id, 'chair' FROM unnest($2::uuid[]) AS id
         UNION ALL SELECT $1::uuid, id, 'idva' FROM unnest($3::uuid[]) AS id`,
        [meetingId, members.chairIds, members.idvaIds],
      );
    },
    areaMembers: areaPeople,
    async order(meetingId) {
      const found = await q.query<{ referral_ids: string[] }>(
        'SELECT referral_ids::text[] AS referral_ids FROM agenda_order WHERE meeting_id = $1',
        [meetingId],
      );
      return found.rows[0]?.referral_ids ?? [];
    },
    async setOrder(meetingId, order) {
      await q.query(
        `INSERT INTO agenda_order (meeting_id, referral_ids) VALUES ($1, $2::uuid[])
         ON CONFLICT (meeting_id) DO UPDATE SET referral_ids = excluded.referral_ids, updated_at = now()`,
        [meetingId, order],
      );
    },
    async lateReasons(meetingId) {
      const found = await q.query<{ referral_id: string; reason: string }>(
        'SELECT referral_id, reason FROM agenda_late_case WHERE meeting_id = $1',
        [meetingId],
      );
      const reasons = new Map<string, string>();
      for (const row of found.rows) {
        const ref = meetingRef(
          meetingId,
          'agenda_late_case',
          'reason',
          `${meetingId}:${row.referral_id}`,
        );
        reasons.set(row.referral_id, await open(ref, row.reason));
      }
      return reasons;
    },
    async addLateCase({ meetingId, referralId, reason, at }) {
      const ref = meetingRef(meetingId, 'agenda_late_case', 'reason', `${meetingId}:${referralId}`);
      await q.query(
        `INSERT INTO agenda_late_case (meeting_id, referral_id, reason, added_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (meeting_id, referral_id) DO UPDATE SET reason = excluded.reason, added_at = excluded.added_at`,
        [meetingId, referralId, await seal(ref, reason), at],
      );
    },
    async twelveMonthNotices(areaId, from, to): Promise<TwelveMonthNotice[]> {
      // The last accepted referral of each case of the area; noticed when its meeting fell in range.
      const found = await q.query<{ reference: string; date: string }>(
        `SELECT DISTINCT ON (r.case_id) r.case_id, r.reference, m.date::text AS date
           FROM referral r JOIN meeting m ON m.id = r.meeting_id
          WHERE r.area_id = $1 AND r.status = 'accepted'
          ORDER BY r.case_id, m.date DESC`,
        [areaId],
      );
      return found.rows
        .filter((r) => r.date > from && r.date <= to)
        .map((r) => ({ reference: r.reference, lastHeardOn: r.date }));
    },
    async versions(meetingId) {
      const found = await q.query<VersionRow>(
        `SELECT id, meeting_id, version, content, changes, published_at, published_by
           FROM agenda_version WHERE meeting_id = $1 ORDER BY version`,
        [meetingId],
      );
      const versions: AgendaVersionRecord[] = [];
      for (const row of found.rows) versions.push(await openVersion(q, crypto, row));
      return versions;
    },
    async insertVersion(v) {
      const ref = (column: string) => meetingRef(v.meetingId, 'agenda_version', column, v.id);
      await q.query(
        `INSERT INTO agenda_version (id, meeting_id, version, content, changes, published_at, published_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          v.id,
          v.meetingId,
          v.version,
          await seal(ref('content'), JSON.stringify(v.agenda)),
          await seal(ref('changes'), JSON.stringify(v.changes)),
          v.publishedAt,
          v.publishedBy,
        ],
      );
    },
    async recipients(meetingId, areaId) {
      const found = await q.query<{
        person_id: string;
        agency_id: string;
        mode: DeliveryMode;
        rank: number;
      }>(
        `SELECT rep.person_id, aa.agency_id, aa.delivery_mode AS mode, rep.rank
           FROM area_agency aa
           CROSS JOIN LATERAL (VALUES (aa.core_rep_id, 0), (aa.deputy_rep_id, 1)) AS rep (person_id, rank)
          WHERE aa.area_id = $1 AND rep.person_id IS NOT NULL
            AND (aa.agency_id IN (SELECT agency_id FROM meeting_agency WHERE meeting_id = $2)
                 OR NOT EXISTS (SELECT 1 FROM meeting_agency WHERE meeting_id = $2))
          ORDER BY aa.agency_id, rep.rank`,
        [areaId, meetingId],
      );
      return found.rows.map((r) => ({
        personId: r.person_id,
        agencyId: r.agency_id,
        mode: r.mode,
        role: r.rank === 0 ? ('core' as const) : ('deputy' as const),
      }));
    },
    async enqueueDeliveries({ versionId, mailbox, recipients }) {
      const meetingId = await meetingOfVersion(q, versionId);
      const rows: { id: string; recipient: AgendaRecipient }[] = [];
      // Cheapest first: the workers take rows in insertion order, so notices leave at once while
      // the copies that carry the agenda are rendered and encrypted.
      const byCost = [...recipients].sort((a, b) => COST[a.mode] - COST[b.mode]);
      for (const recipient of byCost) {
        const messageId = newMessageId(mailbox);
        const secret =
          recipient.mode === 'password'
            ? await seal(
                meetingRef(meetingId, 'mail_delivery', 'secret', messageId),
                newAgendaPassword(),
              )
            : null;
        const id = await enqueueDelivery(q, {
          purpose: 'agenda',
          subjectId: versionId,
          recipientKey: recipient.personId,
          mailbox,
          messageId,
          mode: recipient.mode,
          agencyId: recipient.agencyId,
          secret,
        });
        if (id) rows.push({ id, recipient });
      }
      return rows;
    },
    async deliveries(meetingId) {
      return deliveryRecords(q, crypto, 'v.meeting_id = $1', [meetingId]);
    },
    async requeue(deliveryId, meetingId) {
      // Only a copy of this meeting's agenda: an id from another meeting is not found.
      const ofMeeting = await q.query(
        `SELECT 1 FROM mail_delivery d JOIN agenda_version v ON v.id = d.subject_id
          WHERE d.id = $1 AND d.purpose = 'agenda' AND v.meeting_id = $2`,
        [deliveryId, meetingId],
      );
      if (ofMeeting.rows.length === 0 || !(await requeueDelivery(q, deliveryId))) return null;
      const [row] = await deliveryRecords(q, crypto, 'd.id = $1', [deliveryId]);
      return row ?? null;
    },
    async meetingsWithDeadDeliveries(areaId) {
      const found = await q.query<{ meeting_id: string }>(
        `SELECT DISTINCT v.meeting_id FROM mail_delivery d
           JOIN agenda_version v ON v.id = d.subject_id JOIN meeting m ON m.id = v.meeting_id
          WHERE d.purpose = 'agenda' AND d.status = 'dead' AND m.area_id = $1`,
        [areaId],
      );
      return found.rows.map((r) => r.meeting_id);
    },
    async publishedMeetings(areaId) {
      const found = await q.query<{ meeting_id: string }>(
        `SELECT DISTINCT v.meeting_id FROM agenda_version v JOIN meeting m ON m.id = v.meeting_id
          WHERE m.area_id = $1`,
        [areaId],
      );
      return new Set(found.rows.map((r) => r.meeting_id));
    },
    async firstPublished(areaId) {
      const found = await q.query<{ meeting_id: string; at: Date }>(
        `SELECT v.meeting_id, min(v.published_at) AS at FROM agenda_version v
           JOIN meeting m ON m.id = v.meeting_id
          WHERE m.area_id = $1 GROUP BY v.meeting_id`,
        [areaId],
      );
      return new Map(found.rows.map((r) => [r.meeting_id, new Date(r.at)]));
    },
  };
}

async function meetingOfVersion(q: Queryable, versionId: string): Promise<string> {
  const found = await q.query<{ meeting_id: string }>(
    'SELECT meeting_id FROM agenda_version WHERE id = $1',
    [versionId],
  );
  if (!found.rows[0]) throw new Error('agenda version not found');
  return found.rows[0].meeting_id;
}
