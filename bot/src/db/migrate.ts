import type { Db } from './db.js';
import { migrations } from './migrations/index.js';

// Any constant will do: it only has to be the same for every instance of the app.
const MIGRATION_LOCK = 727_201;

/**
 * Applies the migrations not yet applied, each in its own transaction. An advisory lock keeps two
 * app instances starting at once from racing (PGlite has one connection, so it needs none).
 */
export async function migrate(db: Db): Promise<string[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migration (
    id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  return db.transaction(async (tx) => {
    if (db.kind === 'postgres')
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const done = await tx.query<{ id: string }>('SELECT id FROM schema_migration');
    const applied = new Set(done.rows.map((row) => row.id));
    const now: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.id)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migration (id) VALUES ($1)', [migration.id]);
      now.push(migration.id);
    }
    return now;
  });
}
