import type { Role } from '#core/contracts/api.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Queryable } from '../db/db.js';
import {
  decryptPerson,
  findPersonIdByEmail,
  findPersonIdByEntraId,
  type PersonRow,
} from '../store/sql-people.js';

export interface AreaRole {
  areaId: string;
  areaName: string;
  role: Role;
}

export interface Principal {
  personId: string;
  name: string;
  email: string;
  roles: AreaRole[];
}

/** A person's roles in every area: named roles, plus "rep" where they are a core rep or deputy. */
export async function rolesOf(q: Queryable, personId: string): Promise<AreaRole[]> {
  const result = await q.query<{ area_id: string; area_name: string; role: Role }>(
    `SELECT ar.area_id, a.name AS area_name, ar.role FROM area_role ar JOIN area a ON a.id = ar.area_id
      WHERE ar.person_id = $1
     UNION
     SELECT aa.area_id, a.name, 'rep' FROM area_agency aa JOIN area a ON a.id = aa.area_id
      WHERE aa.core_rep_id = $1 OR aa.deputy_rep_id = $1
     ORDER BY area_name, role`,
    [personId],
  );
  return result.rows.map((r) => ({ areaId: r.area_id, areaName: r.area_name, role: r.role }));
}

export async function principalById(
  q: Queryable,
  crypto: AppCrypto,
  personId: string,
): Promise<Principal | null> {
  const found = await q.query<PersonRow>(
    'SELECT id, partnership_id, name, email FROM person WHERE id = $1',
    [personId],
  );
  const row = found.rows[0];
  if (!row) return null;
  const person = await decryptPerson(q, crypto, row);
  return {
    personId: person.id,
    name: person.name,
    email: person.email,
    roles: await rolesOf(q, person.id),
  };
}

export const personIdByEmail = findPersonIdByEmail;
export const personIdByEntraId = findPersonIdByEntraId;

/** People who hold any role, for the development sign-in's picker. */
export async function peopleWithRoles(q: Queryable, crypto: AppCrypto): Promise<Principal[]> {
  const found = await q.query<{ id: string }>(
    `SELECT p.id FROM person p
      WHERE EXISTS (SELECT 1 FROM area_role r WHERE r.person_id = p.id)
         OR EXISTS (SELECT 1 FROM area_agency aa WHERE aa.core_rep_id = p.id OR aa.deputy_rep_id = p.id)`,
  );
  const people: Principal[] = [];
  for (const row of found.rows) {
    const principal = await principalById(q, crypto, row.id);
    if (principal) people.push(principal);
  }
  return people.sort((a, b) => a.email.localeCompare(b.email));
}

/**
 * The agencies a person represents in an area: those they are core rep or deputy for, and for
 * the area's IDVA the area's IDVA service. A referral is made for one of these (or, by a
 * coordinator or admin, on an agency's behalf).
 */
export async function agenciesRepresented(
  q: Queryable,
  personId: string,
  areaId: string,
): Promise<string[]> {
  const found = await q.query<{ agency_id: string }>(
    `SELECT aa.agency_id FROM area_agency aa
      WHERE aa.area_id = $2 AND (aa.core_rep_id = $1 OR aa.deputy_rep_id = $1)
     UNION
     SELECT aa.agency_id FROM area_agency aa JOIN agency g ON g.id = aa.agency_id
      WHERE aa.area_id = $2 AND g.kind = 'idva'
        AND EXISTS (SELECT 1 FROM area_role r WHERE r.area_id = $2 AND r.person_id = $1 AND r.role = 'idva')`,
    [personId, areaId],
  );
  return found.rows.map((row) => row.agency_id);
}
