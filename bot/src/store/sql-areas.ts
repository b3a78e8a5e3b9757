import { randomUUID } from 'node:crypto';
import { protocolSchema } from '../../../core/meetings/protocol.js';
import type { AgencyRecord, AreaRecord, AreasRepo, Rep } from '../../../core/ports/store.js';
import type { Queryable } from './db.js';

interface AreaRow {
  id: string;
  partnership_id: string;
  name: string;
  mailbox: string;
  protocol: unknown;
  region: AreaRecord['region'];
  closures: string[] | null;
}

const AREA_SELECT = `SELECT a.id, a.partnership_id, a.name, a.mailbox, a.protocol, p.region, p.closures::text[] AS closures
  FROM area a JOIN partnership p ON p.id = a.partnership_id`;

function toArea(row: AreaRow): AreaRecord {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    name: row.name,
    mailbox: row.mailbox,
    // Parsed, not cast: a protocol edited by hand in the database must not slip through.
    protocol: protocolSchema.parse(row.protocol),
    region: row.region,
    closures: row.closures ?? [],
  };
}

const AGENCY_SELECT = `SELECT g.id, g.name, g.kind,
    c.name AS core_name, c.email AS core_email, d.name AS deputy_name, d.email AS deputy_email
  FROM area_agency aa JOIN agency g ON g.id = aa.agency_id
  LEFT JOIN person c ON c.id = aa.core_rep_id LEFT JOIN person d ON d.id = aa.deputy_rep_id`;

interface AgencyRow {
  id: string;
  name: string;
  kind: string;
  core_name: string | null;
  core_email: string | null;
  deputy_name: string | null;
  deputy_email: string | null;
}

const rep = (name: string | null, email: string | null): Rep | null =>
  name && email ? { name, email } : null;

const toAgency = (row: AgencyRow): AgencyRecord => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  coreRep: rep(row.core_name, row.core_email),
  deputyRep: rep(row.deputy_name, row.deputy_email),
});

/** Finds a person by email within the partnership, adding them when new; keeps the name current. */
async function personFor(q: Queryable, partnershipId: string, person: Rep): Promise<string> {
  const found = await q.query<{ id: string }>(
    `UPDATE person SET name = $2 WHERE lower(email) = lower($1) AND partnership_id = $3 RETURNING id`,
    [person.email, person.name, partnershipId],
  );
  if (found.rows[0]) return found.rows[0].id;
  const id = randomUUID();
  await q.query('INSERT INTO person (id, partnership_id, name, email) VALUES ($1, $2, $3, $4)', [
    id,
    partnershipId,
    person.name,
    person.email,
  ]);
  return id;
}

export function sqlAreas(q: Queryable): AreasRepo {
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
      await q.query('UPDATE area SET protocol = $2, updated_at = now() WHERE id = $1', [id, JSON.stringify(protocol)]);
    },
    async agencies(areaId) {
      const result = await q.query<AgencyRow>(`${AGENCY_SELECT} WHERE aa.area_id = $1 ORDER BY g.name`, [areaId]);
      return result.rows.map(toAgency);
    },
    async coreReps(areaId) {
      const result = await q.query<{ name: string; email: string }>(
        `SELECT p.name, p.email FROM area_agency aa JOIN person p ON p.id = aa.core_rep_id
          WHERE aa.area_id = $1 ORDER BY p.email`,
        [areaId],
      );
      return result.rows;
    },
    async setReps(areaId, agencyId, core, deputy) {
      const owner = await q.query<{ partnership_id: string }>(
        `SELECT a.partnership_id FROM area_agency aa JOIN area a ON a.id = aa.area_id
          WHERE aa.area_id = $1 AND aa.agency_id = $2 FOR UPDATE OF aa`,
        [areaId, agencyId],
      );
      if (!owner.rows[0]) return null;
      const partnershipId = owner.rows[0].partnership_id;
      const coreId = await personFor(q, partnershipId, core);
      const deputyId = deputy ? await personFor(q, partnershipId, deputy) : null;
      await q.query('UPDATE area_agency SET core_rep_id = $3, deputy_rep_id = $4 WHERE area_id = $1 AND agency_id = $2', [
        areaId,
        agencyId,
        coreId,
        deputyId,
      ]);
      const result = await q.query<AgencyRow>(`${AGENCY_SELECT} WHERE aa.area_id = $1 AND aa.agency_id = $2`, [
        areaId,
        agencyId,
      ]);
      return toAgency(result.rows[0]!);
    },
  };
}
