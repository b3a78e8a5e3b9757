import path from 'node:path';
import type { Db } from './db.js';
import { openPgliteDb } from './pglite-db.js';
import { openPostgresDb } from './postgres-db.js';

export interface StoreConfig {
  databaseUrl: string | null;
  databaseSchema: string | null;
  dataDir: string;
}

/** A PostgreSQL server when DATABASE_URL is set, else PGlite in `<data>/pgdata`. */
export function openDb(config: StoreConfig): Promise<Db> {
  if (config.databaseUrl) {
    return openPostgresDb({
      connectionString: config.databaseUrl,
      ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
    });
  }
  return openPgliteDb(path.join(config.dataDir, 'pgdata'));
}
