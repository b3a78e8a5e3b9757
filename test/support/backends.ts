import { randomBytes } from 'node:crypto';
import type { Db } from '../../bot/src/db/db.js';
import { openPgliteDb } from '../../bot/src/db/pglite-db.js';
import { openPostgresDb } from '../../bot/src/db/postgres-db.js';
import { openMigratedPglite } from './pglite-template.js';

export interface Backend {
  name: string;
  open(): Promise<Db>;
}

/**
 * The store tests run on PGlite always (a copy of a migrated cluster: `pglite-template.ts`), and on
 * a PostgreSQL server too when DATABASE_URL is set (`.ci/run` sets it when one answers on
 * 127.0.0.1:5432). Each server run works in a fresh schema.
 */
export function backends(options: { migrated?: boolean } = {}): Backend[] {
  // A test of the migrations themselves asks for an empty cluster (`migrated: false`).
  const pglite = options.migrated === false ? () => openPgliteDb(null) : openMigratedPglite;
  const list: Backend[] = [{ name: 'PGlite', open: pglite }];
  const url = process.env.DATABASE_URL;
  if (url) {
    list.push({
      name: 'PostgreSQL server',
      async open() {
        const schema = `marac_test_${randomBytes(6).toString('hex')}`;
        const db = await openPostgresDb({ connectionString: url, schema });
        const close = db.close;
        return {
          ...db,
          async close() {
            await db.query(`DROP SCHEMA ${schema} CASCADE`);
            await close();
          },
        };
      },
    });
  }
  return list;
}

/** Field encryption with a fresh local key file, as local mode has it. */
export async function testCrypto(db: Db) {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { openAppCrypto } = await import('../../bot/src/crypto/app-crypto.js');
  return openAppCrypto(db, {
    dataDir: mkdtempSync(path.join(tmpdir(), 'marac-keys-')),
    keyVault: null,
  });
}

export interface InstancePair {
  name: string;
  /** Two stores as two app instances have them: on a server, two pools over one schema. */
  open(): Promise<{ a: Db; b: Db; close(): Promise<void> }>;
}

/** PGlite in one process (one store, shared), and a server's two pools when DATABASE_URL is set. */
export function instancePairs(): InstancePair[] {
  const list: InstancePair[] = [
    {
      name: 'PGlite',
      async open() {
        const db = await openMigratedPglite();
        return { a: db, b: db, close: () => db.close() };
      },
    },
  ];
  const url = process.env.DATABASE_URL;
  if (url) {
    list.push({
      name: 'PostgreSQL server',
      async open() {
        const schema = `marac_test_${randomBytes(6).toString('hex')}`;
        const a = await openPostgresDb({ connectionString: url, schema });
        const b = await openPostgresDb({ connectionString: url, schema });
        return {
          a,
          b,
          async close() {
            await b.close();
            await a.query(`DROP SCHEMA ${schema} CASCADE`);
            await a.close();
          },
        };
      },
    });
  }
  return list;
}
