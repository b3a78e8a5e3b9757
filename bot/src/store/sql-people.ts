import { randomUUID } from 'node:crypto';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { FieldRef } from '../crypto/field-cipher.js';
import type { Queryable } from '../db/db.js';

/**
 * People (professionals: reps, coordinators, chairs) with their names and emails encrypted under
 * the partnership's directory key, and found by email through a blind index.
 */
export interface PersonRow {
  id: string;
  partnership_id: string;
  name: string;
  email: string;
}

export interface Person {
  id: string;
  name: string;
  email: string;
}

const ref = (partnershipId: string, personId: string, column: 'name' | 'email'): FieldRef => ({
  keyOwner: `directory:${partnershipId}`,
  table: 'person',
  column,
  rowId: personId,
});

export async function decryptPerson(
  q: Queryable,
  crypto: AppCrypto,
  row: PersonRow,
): Promise<Person> {
  return {
    id: row.id,
    name: await crypto.cipher.decrypt(ref(row.partnership_id, row.id, 'name'), row.name, q),
    email: await crypto.cipher.decrypt(ref(row.partnership_id, row.id, 'email'), row.email, q),
  };
}

export async function findPersonIdByEmail(
  q: Queryable,
  crypto: AppCrypto,
  email: string,
): Promise<string | null> {
  const found = await q.query<{ id: string }>('SELECT id FROM person WHERE email_index = $1', [
    crypto.indexer.emailTerm(email),
  ]);
  return found.rows[0]?.id ?? null;
}

/** The person with this email, their name brought up to date; added when new. */
export async function upsertPerson(
  q: Queryable,
  crypto: AppCrypto,
  partnershipId: string,
  person: { name: string; email: string },
): Promise<string> {
  const existing = await q.query<{ id: string; partnership_id: string }>(
    'SELECT id, partnership_id FROM person WHERE email_index = $1',
    [crypto.indexer.emailTerm(person.email)],
  );
  const found = existing.rows[0];
  if (found) {
    const name = await crypto.cipher.encrypt(
      ref(found.partnership_id, found.id, 'name'),
      person.name,
      q,
    );
    await q.query('UPDATE person SET name = $2 WHERE id = $1', [found.id, name]);
    return found.id;
  }
  const id = randomUUID();
  await q.query(
    'INSERT INTO person (id, partnership_id, name, email, email_index) VALUES ($1, $2, $3, $4, $5)',
    [
      id,
      partnershipId,
      await crypto.cipher.encrypt(ref(partnershipId, id, 'name'), person.name, q),
      await crypto.cipher.encrypt(ref(partnershipId, id, 'email'), person.email.trim(), q),
      crypto.indexer.emailTerm(person.email),
    ],
  );
  return id;
}

/** A person already bound to this Entra identity (tenant and object id), or null. */
export async function findPersonIdByEntraId(
  q: Queryable,
  tenantId: string,
  objectId: string,
): Promise<string | null> {
  const bound = await q.query<{ id: string }>(
    'SELECT id FROM person WHERE tenant_id = $1 AND object_id = $2',
    [tenantId, objectId],
  );
  return bound.rows[0]?.id ?? null;
}
