import type { Repos, UnitOfWork } from '../../../core/ports/store.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Db, Queryable } from './db.js';
import { sqlAreas } from './sql-areas.js';
import { sqlMeetings, sqlSeries } from './sql-meetings.js';
import { sqlOutbox } from './sql-outbox.js';

export function reposOver(q: Queryable, crypto: AppCrypto): Repos {
  return { areas: sqlAreas(q, crypto), series: sqlSeries(q), meetings: sqlMeetings(q, crypto), outbox: sqlOutbox(q) };
}

/** Every use case's writes, and the outbox jobs they raise, commit together or not at all. */
export function sqlUnitOfWork(db: Db, crypto: AppCrypto): UnitOfWork & { afterCommit(listener: () => void): void } {
  const listeners: (() => void)[] = [];
  return {
    async run(work) {
      const result = await db.transaction((tx) => work(reposOver(tx, crypto)));
      for (const listener of listeners) listener();
      return result;
    },
    afterCommit(listener) {
      listeners.push(listener);
    },
  };
}
