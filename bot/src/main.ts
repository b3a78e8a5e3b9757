import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { CalendarPort } from '#core/ports/calendar.js';
import { runExtraMeetingJob } from '#core/scheduling/add-extra-meeting.js';
import { runCalendarJob } from '#core/scheduling/run-calendar-job.js';
import { writeCheckpoint } from './audit/checkpoint.js';
import { createAuthenticate } from './auth/authenticate.js';
import { loadDevSigningKey } from './auth/dev-tokens.js';
import { createEntraVerifier } from './auth/entra/entra-verifier.js';
import { botRouter } from './agent/agent.js';
import { createCalendar } from './calendar-factory.js';
import { openAppCrypto } from './crypto/app-crypto.js';
import { checkLoopbackHost, ConfigError, loadConfig, type AppConfig } from './config/config.js';
import { seedDemo } from './demo/seed-demo.js';
import { createHttpApp } from './http/app.js';
import type { Services } from './http/services.js';
import { startOutboxWorker } from './jobs/outbox-worker.js';
import { notifyReferrer } from './notify/notify-referrer.js';
import { botNotifier } from './notify/bot-notifier.js';
import { localTeamsOutbox, type TeamsNotifier } from './notify/teams-notifier.js';
import { createLogger } from './logger.js';
import type { Db } from './db/db.js';
import { migrate } from './db/migrate.js';
import { reindexMatching } from './matching/reindex.js';
import { openDb } from './db/open-db.js';
import { sqlUnitOfWork } from './store/unit-of-work.js';

export interface RunningApp {
  url: string;
  db: Db;
  services: Services;
  close(): Promise<void>;
}

export interface StartOptions {
  config: AppConfig;
  log?: Logger;
  /** Tests swap the calendar (e.g. Graph against a loopback server) and the clock. */
  calendar?: CalendarPort;
  now?: () => Date;
}

/** The composition root: the only place that knows every concrete class. */
export async function startApp(options: StartOptions): Promise<RunningApp> {
  const { config } = options;
  const log = options.log ?? createLogger(config.logLevel);
  const now = options.now ?? (() => new Date());
  if (config.devSignIn) await checkLoopbackHost(config.host); // HOST resolved, every address
  const db = await openDb(config.store);
  await migrate(db);
  const crypto = await openAppCrypto(db, { dataDir: config.dataDir, keyVault: config.keyVault });
  const reindexed = await reindexMatching(db, crypto);
  if (reindexed > 0) log.info({ referrals: reindexed }, 'duplicate check terms re-indexed');
  if (config.seedDemo && (await seedDemo(db, crypto, now))) log.info('demo data seeded');
  const uow = sqlUnitOfWork(db, crypto);
  const calendar = options.calendar ?? createCalendar(config, now);
  // Set once the bot exists (below): Teams itself when bot credentials are configured, else files.
  let notifier: TeamsNotifier = localTeamsOutbox(path.join(config.outboxDir, 'teams'), now);
  const worker = startOutboxWorker({
    db,
    log,
    handle: (job) => {
      if (job.kind === 'notify.referrer') return notifyReferrer({ uow, notifier }, job);
      if (job.kind === 'calendar.create-extra') return runExtraMeetingJob({ uow, calendar }, job);
      return runCalendarJob({ uow, calendar }, job);
    },
  });
  uow.afterCommit(() => void worker.drain());
  const devSigningKey = config.devSignIn ? loadDevSigningKey(config.dataDir) : null;
  const services: Services = {
    config,
    db,
    crypto,
    uow,
    clock: { now },
    ids: { newId: randomUUID },
    log,
    drainOutbox: worker.drain,
    devSigningKey,
  };
  const entra = config.entra ? createEntraVerifier(config.entra) : null;
  const authenticate = createAuthenticate({ db, crypto, entra, devSigningKey, now });
  let ready = false;
  const bot = botRouter(config, log, services);
  if (config.bot)
    notifier = botNotifier({ db, crypto, adapter: bot.adapter, botAppId: config.bot.clientId });
  const app = createHttpApp({ services, authenticate, bot: bot.router, isReady: () => ready });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  ready = true;
  await worker.drain();
  // A signed checkpoint of the audit chain's head, outside the database, so a chain rewritten
  // inside it is caught (audit-verify). Written every few minutes and at shutdown.
  const checkpoint = () =>
    writeCheckpoint(db, config.dataDir).catch((error: unknown) =>
      log.error(
        { err: { name: (error as Error).name, message: (error as Error).message } },
        'audit checkpoint failed',
      ),
    );
  const checkpointTimer = setInterval(() => void checkpoint(), 5 * 60_000);
  checkpointTimer.unref();
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  log.info({ url, graphMode: config.graph.mode, store: db.kind }, 'MARAC app listening');
  return {
    url,
    db,
    services,
    async close() {
      ready = false;
      clearInterval(checkpointTimer);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await worker.stop();
      await checkpoint();
      await db.close();
    },
  };
}

export async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
    if (config.devSignIn) await checkLoopbackHost(config.host);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const app = await startApp({ config });
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
