import { protocolSchema } from '#core/meetings/protocol.js';
import { defaultRiskSettings, riskSettingsSchema } from '#core/referrals/risk-settings.js';
import type {
  AgencyRecord,
  AreaRecord,
  AreasRepo,
  DeliveryMode,
  Rep,
  StoredCertificate,
} from '#core/ports/store.js';
import type { FieldRef } from '../crypto/field-format.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Queryable } from '../db/db.js';
import { decryptPerson, upsertPerson } from './sql-people.js';

interface AreaRow {
  id: string;
  partnership_id: string;
  name: string;
  code: string | null;
  mailbox: string;
  protocol: unknown;
  region: AreaRecord['region'];
  closures: string[] | null;
  risk_settings: unknown;
}

const AREA_SELECT = `SELECT a.id, a.partnership_id, a.name, a.code, a.mailbox, a.protocol, a.risk_settings, p.region,
    p.closures::text[] AS closures
  FROM area a JOIN partnership p ON p.id = a.partnership_id`;

function toArea(row: AreaRow): AreaRecord {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    name: row.name,
    code: row.code,
    mailbox: row.mailbox,
    // Parsed, not cast: a protocol edited by hand in the database must not slip through.
    protocol: protocolSchema.parse(row.protocol),
    region: row.region,
    closures: row.closures ?? [],
    riskSettings: row.risk_settings
      ? riskSettingsSchema.parse(row.risk_settings)
      : defaultRiskSettings,
  };
}

const AGENCY_SELECT = `SELECT g.id, g.name, g.kind, g.partnership_id, aa.area_id,
    aa.delivery_mode, aa.certificates,
    c.id AS core_id, c.name AS core_name, c.email AS core_email,
    d.id AS deputy_id, d.name AS deputy_name, d.email AS deputy_email
  FROM area_agency aa JOIN agency g ON g.id = aa.agency_id
  LEFT JOIN person c ON c.id = aa.core_rep_id LEFT JOIN person d ON d.id = aa.deputy_rep_id`;

interface AgencyRow {
  id: string;
  name: string;
  kind: string;
  partnership_id: string;
  core_id: string | null;
  core_name: string | null;
  core_email: string | null;
  deputy_id: string | null;
  deputy_name: string | null;
  deputy_email: string | null;
  area_id: string;
  delivery_mode: DeliveryMode;
  certificates: string | null;
}

/** Certificates name the rep: kept as ciphertext under the area's key. */
const certificatesRef = (areaId: string, agencyId: string): FieldRef => ({
  keyOwner: `area:${areaId}`,
  table: 'area_agency',
  column: 'certificates',
  rowId: agencyId,
});

type CertificateJson = Omit<StoredCertificate, 'notAfter'> & { notAfter: string };

export async function readCertificates(
  q: Queryable,
  crypto: AppCrypto,
  row: Pick<AgencyRow, 'id' | 'area_id' | 'certificates'>,
): Promise<StoredCertificate[]> {
  if (!row.certificates) return [];
  const json = await crypto.cipher.decrypt(
    certificatesRef(row.area_id, row.id),
    row.certificates,
    q,
  );
  return (JSON.parse(json) as CertificateJson[]).map((c) => ({
    ...c,
    notAfter: new Date(c.notAfter),
  }));
}

async function rep(
  q: Queryable,
  crypto: AppCrypto,
  partnershipId: string,
  stored: { id: string | null; name: string | null; email: string | null },
): Promise<Rep | null> {
  if (!stored.id || !stored.name || !stored.email) return null;
  const person = await decryptPerson(q, crypto, {
    ...stored,
    id: stored.id,
    name: stored.name,
    email: stored.email,
    partnership_id: partnershipId,
  });
  return { name: person.name, email: person.email };
}

async function agenciesWhere(
  q: Queryable,
  crypto: AppCrypto,
  where: string,
  params: unknown[],
): Promise<AgencyRecord[]> {
  const result = await q.query<AgencyRow>(
    `${AGENCY_SELECT} WHERE ${where} ORDER BY g.name`,
    params,
  );
  const agencies: AgencyRecord[] = [];
  for (const row of result.rows) {
    agencies.push({
      id: row.id,
      name: row.name,
      kind: row.kind,
      coreRep: await rep(q, crypto, row.partnership_id, {
        id: row.core_id,
        name: row.core_name,
        email: row.core_email,
      }),
      deputyRep: await rep(q, crypto, row.partnership_id, {
        id: row.deputy_id,
        name: row.deputy_name,
        email: row.deputy_email,
      }),
      deliveryMode: row.delivery_mode,
      certificates: await readCertificates(q, crypto, row),
    });
  }
  return agencies;
}

export function sqlAreas(q: Queryable, crypto: AppCrypto): AreasRepo {
  return {
    async get(id) {
      const result = await q.query<AreaRow>(`${AREA_SELECT} WHERE a.id = $1`, [id]);
      return result.rows[0] ? toArea(result.rows[0]) : null;
    },
    async list() {
      const result = await q.query<AreaRow>(`${AREA_SELECT} ORDER BY a.name`);
      return result.rows.map(toArea);
    },
    async updateProtocol(id, protocol) {
      await q.query('UPDATE area SET protocol = $2, updated_at = now() WHERE id = $1', [
        id,
        JSON.stringify(protocol),
      ]);
    },
    async updateRiskSettings(id, settings) {
      await q.query('UPDATE area SET risk_settings = $2, updated_at = now() WHERE id = $1', [
        id,
        JSON.stringify(settings),
      ]);
    },
    agencies: (areaId) => agenciesWhere(q, crypto, 'aa.area_id = $1', [areaId]),
    async coreReps(areaId) {
      const agencies = await agenciesWhere(
        q,
        crypto,
        'aa.area_id = $1 AND aa.core_rep_id IS NOT NULL',
        [areaId],
      );
      return agencies.map((a) => a.coreRep!).sort((a, b) => a.email.localeCompare(b.email));
    },
    async peopleInRoles(areaId, roles) {
      const found = await q.query<{
        id: string;
        partnership_id: string;
        name: string;
        email: string;
      }>(
        `SELECT DISTINCT p.id, p.partnership_id, p.name, p.email FROM area_role r
           JOIN person p ON p.id = r.person_id WHERE r.area_id = $1 AND r.role = ANY($2)`,
        [areaId, roles],
      );
      const people: Rep[] = [];
      for (const row of found.rows) {
        const person = await decryptPerson(q, crypto, row);
        people.push({ name: person.name, email: person.email });
      }
      return people.sort((a, b) => a.email.localeCompare(b.email));
    },
    async setReps(areaId, agencyId, core, deputy) {
      const owner = await q.query<{ partnership_id: string }>(
        `SELECT a.partnership_id FROM area_agency aa JOIN area a ON a.id = aa.area_id
          WHERE aa.area_id = $1 AND aa.agency_id = $2 FOR UPDATE OF aa`,
        [areaId, agencyId],
      );
      if (!owner.rows[0]) return null;
      const partnershipId = owner.rows[0].partnership_id;
      const coreId = await upsertPerson(q, crypto, partnershipId, core);
      const deputyId = deputy ? await upsertPerson(q, crypto, partnershipId, deputy) : null;
      await q.query(
        'UPDATE area_agency SET core_rep_id = $3, deputy_rep_id = $4 WHERE area_id = $1 AND agency_id = $2',
        [areaId, agencyId, coreId, deputyId],
      );
      const [agency] = await agenciesWhere(q, crypto, 'aa.area_id = $1 AND aa.agency_id = $2', [
        areaId,
        agencyId,
      ]);
      return agency!;
    },
    async setDelivery(areaId, agencyId, mode, certificates) {
      const stored =
        certificates === null
          ? null
          : await crypto.cipher.encrypt(
              certificatesRef(areaId, agencyId),
              JSON.stringify(
                certificates.map((c) => ({ ...c, notAfter: c.notAfter.toISOString() })),
              ),
              q,
            );
      const updated = await q.query(
        `UPDATE area_agency SET delivery_mode = $3,
            certificates = CASE WHEN $5 THEN $4 ELSE certificates END
          WHERE area_id = $1 AND agency_id = $2 RETURNING agency_id`,
        [areaId, agencyId, mode, stored, certificates !== null],
      );
      if (updated.rows.length === 0) return null;
      const [agency] = await agenciesWhere(q, crypto, 'aa.area_id = $1 AND aa.agency_id = $2', [
        areaId,
        agencyId,
      ]);
      return agency!;
    },
  };
}
