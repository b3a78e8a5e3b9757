import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Listening, Queryable, QueryResult } from './db.js';

/** PGlite runs one query at a time, so a transaction must not interleave with other callers. */
export async function openPgliteDb(dataDir: string | null): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // DATE stays 'YYYY-MM-DD' text: it is a calendar date, not an instant (as in the pg store).
  const options = { parsers: { 1082: (value: string) => value } };
  const pg = dataDir ? await PGlite.create(dataDir, options) : await PGlite.create(options);
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async exec(sql: string) {
      await q.exec(sql);
    },
    async query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
      const result = await q.query<Row>(sql, params);
      return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
    },
  });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    // In-process: the connection cannot drop, so onConnect is called once.
    async listen(channel, handlers): Promise<Listening> {
      const unlisten = await pg.listen(channel, (payload) => handlers.onNotify(payload));
      handlers.onConnect();
      return {
        backendPid: () => null,
        close: () => (pg.closed ? Promise.resolve() : unlisten()),
      };
    },
    close: () => pg.close(),
  };
}
