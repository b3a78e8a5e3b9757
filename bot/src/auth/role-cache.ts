import type { Db, Listening } from '../db/db.js';
import { rolesOf, type AreaRole } from './people.js';

export interface RoleCache {
  rolesOf(personId: string): Promise<AreaRole[]>;
  close(): Promise<void>;
}

const ROLES_CHANNEL_SQL = `SELECT CASE current_schema() WHEN 'public' THEN 'marac_roles'
  ELSE 'marac_roles_' || current_schema() END AS channel`;
const PEOPLE_KEPT = 5_000;

/**
 * One per app instance: each person's roles, kept until the database says any role may have
 * changed (migration 017's triggers notify on every write to `area_role`, `area_agency` and
 * `area`, from whichever instance), and at most `keepMs`. A role given or taken away acts on
 * the next request, as without the cache, yet fifty people reading the meeting view in a loop
 * do not each pay a query per read.
 *
 * A read that began before a change was heard is not kept. While a server's listening
 * connection is down (notifications are lost then), nothing is kept, and everything is dropped
 * when it is back.
 */
export async function openRoleCache(db: Db, options: { keepMs?: number } = {}): Promise<RoleCache> {
  const keepMs = options.keepMs ?? 30_000;
  const kept = new Map<string, { roles: AreaRole[]; until: number }>();
  let generation = 0;
  const drop = () => {
    generation += 1;
    kept.clear();
  };
  const { channel } = (await db.query<{ channel: string }>(ROLES_CHANNEL_SQL)).rows[0]!;
  const listening: Listening = await db.listen(channel, { onNotify: drop, onConnect: drop });
  const hearing = () => db.kind === 'pglite' || listening.backendPid() !== null;
  return {
    async rolesOf(personId) {
      const known = kept.get(personId);
      if (known && known.until > Date.now() && hearing()) return known.roles;
      const asOf = generation;
      const roles = await rolesOf(db, personId);
      if (asOf === generation && hearing()) {
        if (kept.size >= PEOPLE_KEPT) kept.clear();
        kept.set(personId, { roles, until: Date.now() + keepMs });
      }
      return roles;
    },
    async close() {
      drop();
      await listening.close();
    },
  };
}
