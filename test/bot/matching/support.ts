import { randomUUID } from 'node:crypto';
import type { AppCrypto } from '../../../bot/src/crypto/app-crypto.js';
import {
  victimTerms,
  writeVictimTerms,
  type VictimIdentity,
} from '../../../bot/src/matching/victim-terms.js';
import type { Db } from '../../../bot/src/db/db.js';
import { migrate } from '../../../bot/src/db/migrate.js';
import { referrals } from '../../../bot/src/db/migrations/004-referrals.js';
import { upsertPerson } from '../../../bot/src/store/sql-people.js';

/**
 * The store with migration 004 applied. Until it is registered in migrations/index.ts the tests
 * run it themselves after the registered ones; once registered, migrate() has done it.
 */
export async function migrateWithReferrals(db: Db): Promise<void> {
  await migrate(db);
  const exists = await db.query<{ found: string | null }>(
    "SELECT to_regclass('victim_term')::text AS found",
  );
  if (!exists.rows[0]?.found) await db.exec(referrals);
}

export interface Partnership {
  id: string;
  areaIds: string[];
  agencyIds: string[];
  personId: string;
}

/** A partnership with `areas` areas, two agencies (police, IDVA service) and one referrer. */
export async function addPartnership(
  db: Db,
  crypto: AppCrypto,
  name: string,
  areas = 2,
): Promise<Partnership> {
  const id = randomUUID();
  await db.query(
    "INSERT INTO partnership (id, name, region) VALUES ($1, $2, 'england-and-wales')",
    [id, name],
  );
  const areaIds: string[] = [];
  for (let n = 0; n < areas; n++) {
    const areaId = randomUUID();
    await db.query(
      "INSERT INTO area (id, partnership_id, name, mailbox, protocol) VALUES ($1, $2, $3, 'marac@example.org', '{}')",
      [areaId, id, `${name} area ${n + 1}`],
    );
    areaIds.push(areaId);
  }
  const agencyIds: string[] = [];
  for (const kind of ['police', 'idva']) {
    const agencyId = randomUUID();
    await db.query('INSERT INTO agency (id, partnership_id, name, kind) VALUES ($1, $2, $3, $4)', [
      agencyId,
      id,
      `${name} ${kind}`,
      kind,
    ]);
    agencyIds.push(agencyId);
  }
  const personId = await upsertPerson(db, crypto, id, {
    name: 'Referrer Invented',
    email: `referrer-${id}@example.org`,
  });
  return { id, areaIds, agencyIds, personId };
}

export interface ReferralFixture {
  partnership: Partnership;
  victim: VictimIdentity;
  area?: number;
  agency?: number;
  status?: string;
  referredOn?: string;
}

/** A referral of a new case, its form encrypted as the app stores it, and its victim's terms. */
export async function addReferral(
  db: Db,
  crypto: AppCrypto,
  fixture: ReferralFixture,
): Promise<string> {
  const { partnership, victim } = fixture;
  const areaId = partnership.areaIds[fixture.area ?? 0]!;
  const referredOn = fixture.referredOn ?? '2026-05-01';
  const caseId = randomUUID();
  const id = randomUUID();
  await db.query(
    `INSERT INTO marac_case (id, partnership_id, area_id, first_referred_on, last_referred_on)
     VALUES ($1, $2, $3, $4, $4)`,
    [caseId, partnership.id, areaId, referredOn],
  );
  const form = await crypto.cipher.encrypt(
    { keyOwner: `case:${caseId}`, table: 'referral', column: 'form', rowId: id },
    JSON.stringify({ victim }),
    db,
  );
  await db.query(
    `INSERT INTO referral (id, reference, case_id, area_id, partnership_id, referrer_person_id,
       referrer_agency_id, status, form, band, referred_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'high', $10)`,
    [
      id,
      `T-${id.slice(0, 8)}`,
      caseId,
      areaId,
      partnership.id,
      partnership.personId,
      partnership.agencyIds[fixture.agency ?? 0]!,
      fixture.status ?? 'submitted',
      form,
      referredOn,
    ],
  );
  await writeVictimTerms(db, id, partnership.id, victimTerms(crypto.indexer, victim));
  return id;
}

export const victim = (
  name: string,
  dateOfBirth: string | null,
  postcode: string | null,
  otherNames: string[] = [],
): VictimIdentity => ({
  name,
  otherNames,
  dateOfBirth,
  address: postcode === null ? null : { postcode },
});
