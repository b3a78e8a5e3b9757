import { randomUUID } from 'node:crypto';
import { londonDateOf } from '#core/calendar/london-time.js';
import { createSeries } from '#core/scheduling/create-series.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Db } from '../db/db.js';
import { upsertPerson } from '../store/sql-people.js';
import { sqlUnitOfWork } from '../store/unit-of-work.js';
import { demoAgencies, demoAreas, demoPartnership, demoStaff } from './demo-data.js';

/**
 * Loads the demo partnership once, and gives the fortnightly area a year of meetings from today
 * (its Outlook series goes out through the outbox like any other). The monthly area is left
 * without a series, for the coordinator to create.
 */
export async function seedDemo(
  db: Db,
  crypto: AppCrypto,
  now: () => Date = () => new Date(),
): Promise<boolean> {
  const seeded = await seedDemoPartnership(db, crypto);
  if (!seeded) return false;
  const fortnightly = await db.query<{ id: string }>('SELECT id FROM area WHERE name = $1', [
    demoAreas[0]!.name,
  ]);
  const deps = { uow: sqlUnitOfWork(db, crypto), clock: { now }, ids: { newId: randomUUID } };
  await createSeries(deps, { areaId: fortnightly.rows[0]!.id, firstDate: londonDateOf(now()) });
  return true;
}

/**
 * Loads the demo partnership once. Returns false (and changes nothing) when a partnership is
 * already there, so it is safe at every start and never mixes demo people into real data.
 */
async function seedDemoPartnership(db: Db, crypto: AppCrypto): Promise<boolean> {
  return db.transaction(async (tx) => {
    const existing = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM partnership');
    if (existing.rows[0]!.n > 0) return false;
    const partnershipId = randomUUID();
    await tx.query('INSERT INTO partnership (id, name, region) VALUES ($1, $2, $3)', [
      partnershipId,
      demoPartnership.name,
      demoPartnership.region,
    ]);
    const addPerson = (p: { name: string; email: string }) =>
      upsertPerson(tx, crypto, partnershipId, p);
    const agencies: { id: string; coreId: string; deputyId: string }[] = [];
    for (const agency of demoAgencies) {
      const id = randomUUID();
      await tx.query(
        'INSERT INTO agency (id, partnership_id, name, kind) VALUES ($1, $2, $3, $4)',
        [id, partnershipId, agency.name, agency.kind],
      );
      agencies.push({
        id,
        coreId: await addPerson(agency.core),
        deputyId: await addPerson(agency.deputy),
      });
    }
    const staff: { id: string; roles: (typeof demoStaff)[number]['roles'] }[] = [];
    for (const member of demoStaff)
      staff.push({ id: await addPerson(member.person), roles: member.roles });
    for (const area of demoAreas) {
      const areaId = randomUUID();
      await tx.query(
        'INSERT INTO area (id, partnership_id, name, code, mailbox, protocol) VALUES ($1, $2, $3, $4, $5, $6)',
        [areaId, partnershipId, area.name, area.code, area.mailbox, JSON.stringify(area.protocol)],
      );
      for (const a of agencies) {
        await tx.query(
          'INSERT INTO area_agency (area_id, agency_id, core_rep_id, deputy_rep_id) VALUES ($1, $2, $3, $4)',
          [areaId, a.id, a.coreId, a.deputyId],
        );
      }
      for (const member of staff) {
        for (const role of member.roles) {
          await tx.query('INSERT INTO area_role (area_id, person_id, role) VALUES ($1, $2, $3)', [
            areaId,
            member.id,
            role,
          ]);
        }
      }
    }
    return true;
  });
}
