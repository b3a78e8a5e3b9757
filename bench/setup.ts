import { randomUUID } from 'node:crypto';
import type { BlindIndexer } from '../bot/src/crypto/blind-index.js';
import type { FieldCipher } from '../bot/src/crypto/field-cipher.js';
import type { Db } from '../bot/src/db/db.js';
import { migrate } from '../bot/src/db/migrate.js';
import { referrals } from '../bot/src/db/migrations/004-referrals.js';
import type { Fixture } from './seed.js';

export const AREAS = 4;
export const AGENCIES = 6;

/** The app's migrations, and 004 until it is registered in migrations/index.ts. */
export async function ensureSchema(db: Db): Promise<void> {
  await migrate(db);
  const found = await db.query<{ name: string | null }>(
    "SELECT to_regclass('victim_term')::text AS name",
  );
  if (!found.rows[0]?.name) await db.exec(referrals);
}

/** The partnership of a reused benchmark database, or null when it has none yet. */
export async function readFixture(db: Db): Promise<Fixture | null> {
  const p = await db.query<{ id: string }>("SELECT id FROM partnership WHERE name = 'Benchmark'");
  const partnershipId = p.rows[0]?.id;
  if (!partnershipId) return null;
  const ids = async (sql: string) =>
    (await db.query<{ id: string }>(sql, [partnershipId])).rows.map((r) => r.id);
  return {
    partnershipId,
    areaIds: await ids('SELECT id FROM area WHERE partnership_id = $1 ORDER BY name'),
    agencyIds: await ids('SELECT id FROM agency WHERE partnership_id = $1 ORDER BY name'),
    personId: (await ids('SELECT id FROM person WHERE partnership_id = $1'))[0]!,
  };
}

/** One partnership of four areas and six agencies, and one referrer (name and email encrypted). */
export async function addFixture(
  db: Db,
  cipher: FieldCipher,
  indexer: BlindIndexer,
): Promise<Fixture> {
  const partnershipId = randomUUID();
  await db.query(
    "INSERT INTO partnership (id, name, region) VALUES ($1, 'Benchmark', 'england-and-wales')",
    [partnershipId],
  );
  const areaIds = Array.from({ length: AREAS }, () => randomUUID());
  for (const [n, id] of areaIds.entries()) {
    await db.query(
      "INSERT INTO area (id, partnership_id, name, mailbox, protocol) VALUES ($1, $2, $3, 'marac@example.org', '{}')",
      [id, partnershipId, `Area ${n}`],
    );
  }
  const agencyIds = Array.from({ length: AGENCIES }, () => randomUUID());
  for (const [n, id] of agencyIds.entries()) {
    await db.query(
      "INSERT INTO agency (id, partnership_id, name, kind) VALUES ($1, $2, $3, 'other')",
      [id, partnershipId, `Agency ${n}`],
    );
  }
  const personId = randomUUID();
  const ref = (column: string) => ({
    keyOwner: `directory:${partnershipId}`,
    table: 'person',
    column,
    rowId: personId,
  });
  await db.query(
    'INSERT INTO person (id, partnership_id, name, email, email_index) VALUES ($1, $2, $3, $4, $5)',
    [
      personId,
      partnershipId,
      await cipher.encrypt(ref('name'), 'Invented Referrer'),
      await cipher.encrypt(ref('email'), 'referrer@example.org'),
      indexer.emailTerm('referrer@example.org'),
    ],
  );
  return { partnershipId, areaIds, agencyIds, personId };
}
