import type { Db } from '../../../bot/src/db/db.js';
import { migrate } from '../../../bot/src/db/migrate.js';
import { seedDemo } from '../../../bot/src/demo/seed-demo.js';
import { openRoleCache, type RoleCache } from '../../../bot/src/auth/role-cache.js';
import { instancePairs, testCrypto } from '../../support/backends.js';

/**
 * The roles an instance keeps for the people it serves: read once, dropped on any change to who
 * holds which role (migration 017's triggers), made through this instance or another one.
 */
describe.each(instancePairs())('kept roles on $name', ({ open }) => {
  let a: Db;
  let b: Db;
  let close: () => Promise<void>;
  let cache: RoleCache;
  let queries = 0;
  let chairId: string;
  let areaId: string;

  beforeAll(async () => {
    ({ a, b, close } = await open());
    await migrate(a);
    await seedDemo(a, await testCrypto(a));
    // Instance B's store, counting what it asks.
    const counted: Db = {
      ...b,
      query: (...args: Parameters<Db['query']>) => {
        queries += 1;
        return b.query(...args);
      },
    } as Db;
    cache = await openRoleCache(counted, { keepMs: 3_600_000 });
    const chair = await a.query<{ person_id: string; area_id: string }>(
      `SELECT person_id, area_id FROM area_role WHERE role = 'chair' LIMIT 1`,
    );
    ({ person_id: chairId, area_id: areaId } = chair.rows[0]!);
  }, 120_000);
  afterAll(async () => {
    await cache.close();
    await close();
  });

  const until = async (check: () => Promise<boolean>, what: string) => {
    const end = Date.now() + 5_000;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  it("reads a person's roles once, then keeps them", async () => {
    const first = await cache.rolesOf(chairId);
    expect(first).toContainEqual(expect.objectContaining({ areaId, role: 'chair' }));
    const asked = queries;
    expect(await cache.rolesOf(chairId)).toEqual(first);
    expect(queries).toBe(asked);
  });

  it('drops them when a role is given or taken away through another instance', async () => {
    await cache.rolesOf(chairId);
    await a.query(`INSERT INTO area_role (area_id, person_id, role) VALUES ($1, $2, 'observer')`, [
      areaId,
      chairId,
    ]);
    await until(
      async () => (await cache.rolesOf(chairId)).some((r) => r.role === 'observer'),
      'the new role',
    );
    await a.query(`DELETE FROM area_role WHERE person_id = $1 AND role = 'observer'`, [chairId]);
    await until(
      async () => !(await cache.rolesOf(chairId)).some((r) => r.role === 'observer'),
      'the role taken away',
    );
  });

  it('drops them when a rep is replaced, and when an area is renamed', async () => {
    const rep = await a.query<{ agency_id: string; core_rep_id: string }>(
      'SELECT agency_id, core_rep_id FROM area_agency WHERE area_id = $1 AND core_rep_id IS NOT NULL LIMIT 1',
      [areaId],
    );
    const { agency_id: agencyId, core_rep_id: repId } = rep.rows[0]!;
    expect(await cache.rolesOf(repId)).toContainEqual(expect.objectContaining({ role: 'rep' }));
    await a.query(
      `UPDATE area_agency SET core_rep_id = NULL WHERE area_id = $1 AND agency_id = $2`,
      [areaId, agencyId],
    );
    await until(
      async () =>
        !(await cache.rolesOf(repId)).some((r) => r.role === 'rep' && r.areaId === areaId),
      'the rep replaced',
    );
    await a.query('UPDATE area SET name = $2 WHERE id = $1', [areaId, 'Northbrook Renamed']);
    await until(
      async () =>
        (await cache.rolesOf(chairId)).every(
          (r) => r.areaName === 'Northbrook Renamed' || r.areaId !== areaId,
        ),
      'the new area name',
    );
  });
});
