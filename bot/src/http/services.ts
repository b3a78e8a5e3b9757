import type { Logger } from 'pino';
import type { Clock, IdGenerator, UnitOfWork } from '../../../core/ports/store.js';
import type { AppConfig } from '../config/config.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Db } from '../store/db.js';

/** What route handlers may use; built once by the composition root. */
export interface Services {
  config: AppConfig;
  db: Db;
  crypto: AppCrypto;
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
  /** Sends what the outbox holds now; resolves when it is idle. */
  drainOutbox: () => Promise<void>;
  devSigningKey: Buffer | null;
}
