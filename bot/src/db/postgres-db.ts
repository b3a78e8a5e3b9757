import pg from 'pg';
import type { Db, Queryable, QueryResult } from './db.js';
import { listenOnPostgres } from './pg-listener.js';

export interface PostgresOptions {
  connectionString: string;
  /** A schema to work in (tests use a fresh one each run); `public` when absent. */
  schema?: string;
  maxConnections?: number;
}

// A DATE is a calendar date, not an instant: keep it as 'YYYY-MM-DD' text (as the PGlite store
// does) instead of letting the driver turn it into a midnight in the process's time zone.
const DATE_OID = 1082;
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID ? (value: string) => value : pg.types.getTypeParser(oid, format),
};

export async function openPostgresDb(options: PostgresOptions): Promise<Db> {
  const schema = options.schema;
  if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`DATABASE_SCHEMA: expected a lower-case identifier (got "${schema}")`);
  }
  const clientConfig: pg.ClientConfig = {
    connectionString: options.connectionString,
    types,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  };
  const pool = new pg.Pool({ ...clientConfig, max: options.maxConnections ?? 10 });
  if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async exec(sql: string) {
      await q.query(sql);
    },
    async query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
      const result = await q.query(sql, params);
      return { rows: result.rows as Row[], affectedRows: result.rowCount ?? 0 };
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    listen: (channel, handlers) => listenOnPostgres({ clientConfig, channel, handlers }),
    close: () => pool.end(),
  };
}
