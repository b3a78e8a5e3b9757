import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Db } from '../../bot/src/db/db.js';
import { migrate } from '../../bot/src/db/migrate.js';
import { openPgliteDb } from '../../bot/src/db/pglite-db.js';

/**
 * A new PGlite cluster takes about five seconds to make (its initdb, in WebAssembly) and a copy of
 * one under a second to open, so the test apps and stores start from one made and migrated once per set of
 * migrations (kept in the system's temp folder, keyed by PGlite's version and the migrations'
 * text) and copied into
 * each fresh data folder. The app then migrates it as always (nothing left to do) and makes its
 * keys and demo data in it, exactly as on a first start.
 */
export async function copyMigratedCluster(target: string): Promise<void> {
  const migrations = path.resolve('bot/src/db/migrations');
  // The PGlite version too: a cluster is made by one version of its Postgres.
  const hash = createHash('sha256').update(
    readFileSync(path.resolve('node_modules/@electric-sql/pglite/package.json')),
  );
  for (const name of readdirSync(migrations).sort()) {
    hash.update(name).update(readFileSync(path.join(migrations, name)));
  }
  const template = path.join(tmpdir(), `marac-test-pgdata-${hash.digest('hex').slice(0, 16)}`);
  if (!existsSync(template)) {
    const staging = mkdtempSync(path.join(tmpdir(), 'marac-test-pgdata-staging-'));
    const db = await openPgliteDb(path.join(staging, 'pgdata'));
    await migrate(db);
    await db.close();
    try {
      renameSync(path.join(staging, 'pgdata'), template); // another worker may win: fine
    } catch {
      // made by another test worker already
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  cpSync(template, target, { recursive: true });
}

/**
 * A PGlite store for a test, already migrated (migrating it again does nothing): a copy of the
 * template in a folder of its own, removed when it is closed.
 */
export async function openMigratedPglite(): Promise<Db> {
  const dir = mkdtempSync(path.join(tmpdir(), 'marac-test-store-'));
  await copyMigratedCluster(path.join(dir, 'pgdata'));
  const db = await openPgliteDb(path.join(dir, 'pgdata'));
  return {
    ...db,
    async close() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
