import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { CalendarPort } from '#core/ports/calendar.js';
import type { MailPort, OutgoingMail } from '#core/ports/mail.js';
import type { LeasedDelivery } from './store/sql-deliveries.js';
import { runExtraMeetingJob } from '#core/scheduling/add-extra-meeting.js';
import { runCalendarJob } from '#core/scheduling/run-calendar-job.js';
import { writeCheckpoint } from './audit/checkpoint.js';
import { createAuthenticate } from './auth/authenticate.js';
import { openRoleCache } from './auth/role-cache.js';
import { loadDevSigningKey } from './auth/dev-tokens.js';
import { createEntraVerifier } from './auth/entra/entra-verifier.js';
import { botRouter } from './agent/agent.js';
import { createOutlook } from './calendar-factory.js';
import { openAppCrypto } from './crypto/app-crypto.js';
import { checkLoopbackHost, ConfigError, loadConfig, type AppConfig } from './config/config.js';
import { seedDemo } from './demo/seed-demo.js';
import { createHttpApp } from './http/app.js';
import type { Services } from './http/services.js';
import { agendaMailBuilder } from './jobs/agenda-mail.js';
import { documentMailBuilder } from './jobs/document-mail.js';
import { sendDocumentPassword } from './notify/document-notices.js';
import { startDeliveryWorker } from './jobs/delivery-worker.js';
import { startOutboxWorker } from './jobs/outbox-worker.js';
import { fileDataKeys, runPurge } from './jobs/purge.js';
import { startNightlyPurge } from './jobs/nightly-purge.js';
import {
  notifyAgendaWarning,
  notifyDeliveryDead,
  sendAgendaPassword,
} from './notify/agenda-notices.js';
import { raiseAgendaWarnings } from '#core/agendas/agenda-warnings.js';
import { raiseResearchReminders } from '#core/research/research-reminders.js';
import { raiseActionReminders } from '#core/chasing/raise-action-reminders.js';
import { notifyReferrer } from './notify/notify-referrer.js';
import { notifyResearchMissing, sendResearchReminder } from './notify/research-reminders.js';
import { sendActionReminder } from './notify/action-reminders.js';
import { sendActionCard } from './notify/action-card.js';
import { botNotifier } from './notify/bot-notifier.js';
import { localNotifier } from './notify/playground-notifier.js';
import { localTeamsOutbox, type TeamsNotifier } from './notify/teams-notifier.js';
import { sendResearchLink } from './notify/research-link-mail.js';
import { sendResearchPrompt } from './notify/research-prompt.js';
import { TeamsPace } from './notify/teams-pace.js';
import { createLogger } from './logger.js';
import type { Db } from './db/db.js';
import { migrate } from './db/migrate.js';
import { reindexMatching } from './matching/reindex.js';
import { openDb } from './db/open-db.js';
import { meetingTopic } from '#core/meeting-run/run-writes.js';
import { storeSnapshots } from '#core/meeting-run/meeting-snapshot.js';
import { openLiveHub } from './store/live-hub.js';
import { meetingWriteGate } from './http/meeting-write-gate.js';
import { cachedSnapshots } from './store/meeting-snapshot-cache.js';
import { pruneLiveEvents } from './store/sql-live.js';
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
  mail?: MailPort;
  now?: () => Date;
}

/** Each delivery row is built by the builder of its purpose. */
function byPurpose(builders: {
  agenda: (delivery: LeasedDelivery) => Promise<OutgoingMail>;
  document: (delivery: LeasedDelivery) => Promise<OutgoingMail>;
}) {
  return (delivery: LeasedDelivery) =>
    delivery.purpose === 'action-plan' || delivery.purpose === 'minutes'
      ? builders.document(delivery)
      : builders.agenda(delivery);
}

/** The composition root: the only place that knows every concrete class. */
export async function startApp(options: StartOptions): Promise<RunningApp> {
  const { config } = options;
  const log =
    options.log ?? createLogger(config.logLevel, { pretty: config.env === 'development' });
  const now = options.now ?? (() => new Date());
  if (config.devSignIn) await checkLoopbackHost(config.host); // HOST resolved, every address
  const db = await openDb(config.store);
  await migrate(db);
  const crypto = await openAppCrypto(
    db,
    { dataDir: config.dataDir, keyVault: config.keyVault },
    now,
  );
  const reindexed = await reindexMatching(db, crypto);
  if (reindexed > 0) log.info({ referrals: reindexed }, 'duplicate check terms re-indexed');
  // Case and meeting data keys under their retention period's key, before anyone is served.
  const filed = await fileDataKeys(db, crypto, now);
  if (filed.resealed + filed.refiled > 0) log.info(filed, 'data keys filed by retention period');
  if (
    config.seedDemo &&
    (await seedDemo(db, crypto, now, {
      referrals: config.demoReferrals,
      meetingToday: config.demoMeetingToday,
      dataDir: config.dataDir,
    }))
  ) {
    log.debug('demo data seeded');
  }
  const uow = sqlUnitOfWork(db, crypto);
  // One LISTEN per instance: every meeting stream this instance serves is fed from it.
  const live = await openLiveHub(db, {
    onError: (error) =>
      log.error({ err: { name: (error as Error).name } }, 'live events: a catch-up failed'),
  });
  // The meeting view's shared part, kept per meeting until its next live event that changes it.
  const meetingSnapshots = cachedSnapshots(storeSnapshots(uow), live, { topicOf: meetingTopic });
  // A meeting's view reads wait for this instance's writes to it, then read what they left.
  const meetingWrites = meetingWriteGate({
    settled: (id, writes) => meetingSnapshots.drop(id, writes),
  });
  const outlook = createOutlook(config, now);
  const calendar = options.calendar ?? outlook.calendar;
  // Set once the bot exists (below): Teams itself when bot credentials are configured, else files
  // (and the Agents Playground, for a person who has talked to the bot there).
  const teamsOutbox = localTeamsOutbox(path.join(config.outboxDir, 'teams'), now);
  let notifier: TeamsNotifier = teamsOutbox;
  const mail = options.mail ?? outlook.mail;
  // One pace for every message the bot sends, so prompts and notices share Teams' limits.
  const pace = new TeamsPace({
    now: () => performance.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  // Research prompts have a worker of their own: hundreds at a time, paced to Teams' limits,
  // several in flight, without holding up the calendar and the other notices behind them.
  const promptKinds = ['notify.research-prompt'];
  const prompts = startOutboxWorker({
    db,
    log,
    name: 'research prompts',
    lane: { only: promptKinds },
    concurrency: 4,
    handle: (job, attempt) =>
      job.kind === 'notify.research-prompt'
        ? sendResearchPrompt(
            { db, crypto, uow, notifier, now, installer: outlook.teamsApps },
            job,
            attempt,
          )
        : Promise.reject(new Error(`not a research prompt: ${job.kind}`)),
  });
  const worker = startOutboxWorker({
    db,
    log,
    lane: { except: promptKinds },
    handle: (job, attempt) => {
      switch (job.kind) {
        case 'notify.research-link':
          return sendResearchLink(
            { db, crypto, uow, mail, publicUrl: config.publicUrl, now },
            job,
            attempt,
          );
        case 'notify.research-prompt':
          throw new Error('research prompts go through their own worker');
        case 'notify.referrer':
          return notifyReferrer({ uow, notifier }, job);
        case 'notify.agenda-password':
          return sendAgendaPassword({ db, crypto, notifier }, job);
        case 'notify.delivery-dead':
          return notifyDeliveryDead({ db, crypto, notifier }, job);
        case 'notify.agenda-warning':
          return notifyAgendaWarning({ db, notifier }, job);
        case 'notify.document-password':
          return sendDocumentPassword({ db, crypto, notifier }, job);
        case 'notify.research-reminder':
          return sendResearchReminder({ uow, clock: { now }, notifier, log }, job);
        case 'notify.research-missing':
          return notifyResearchMissing({ db, uow, clock: { now }, notifier, log }, job);
        case 'notify.action-reminder':
          return sendActionReminder(
            { db, crypto, uow, clock: { now }, notifier, mail, publicUrl: config.publicUrl, log },
            job,
            attempt,
          );
        case 'notify.action-card':
          return sendActionCard({ db, crypto, uow, notifier }, job);
        case 'calendar.create-extra':
          return runExtraMeetingJob({ uow, calendar }, job);
        default:
          return runCalendarJob({ uow, calendar }, job);
      }
    },
  });
  uow.afterJobsCommit(() => {
    void prompts.drain();
    void worker.drain();
  });
  // A prompt may queue a mail (a rep the bot cannot reach): the prompts first, then the rest.
  const drainOutbox = async () => {
    await prompts.drain();
    await worker.drain();
  };
  const deliveries = startDeliveryWorker({
    db,
    log,
    mail,
    build: byPurpose({
      agenda: agendaMailBuilder({ db, crypto, publicUrl: config.publicUrl }),
      // The action plan and minutes of closed meetings (issue #11): one copy per agency.
      document: documentMailBuilder({ db, crypto, publicUrl: config.publicUrl }),
    }),
    onDead: async (delivery) => {
      await uow.run((repos) =>
        repos.outbox.enqueue(
          { kind: 'notify.delivery-dead', deliveryId: delivery.id },
          `delivery-dead:${delivery.id}:${delivery.leaseToken}`,
        ),
      );
    },
  });
  const devSigningKey = config.devSignIn ? loadDevSigningKey(config.dataDir) : null;
  const services: Services = {
    config,
    db,
    crypto,
    uow,
    clock: { now },
    ids: { newId: randomUUID },
    log,
    drainOutbox,
    drainDeliveries: deliveries.drain,
    devSigningKey,
    live,
    meetingSnapshots,
    meetingSnapshotsAfterWrite: { load: (id) => meetingSnapshots.loadAfterWrite(id) },
    meetingWrites,
  };
  const entra = config.entra ? createEntraVerifier(config.entra) : null;
  const roles = await openRoleCache(db);
  const authenticate = createAuthenticate({
    db,
    crypto,
    entra,
    devSigningKey,
    now,
    rolesOf: roles.rolesOf,
  });
  let ready = false;
  const bot = botRouter(config, log, services);
  notifier = config.bot
    ? botNotifier({ db, crypto, adapter: bot.adapter, botAppId: config.bot.clientId, pace })
    : localNotifier({ outbox: teamsOutbox, db, crypto, adapter: bot.adapter, log, pace });
  const app = createHttpApp({ services, authenticate, bot: bot.router, isReady: () => ready });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  // Agendas due out soon or overdue: the coordinators are told in Teams, once per meeting and kind.
  // Research reminders on the same timer: once per meeting, reminder time and rep (outbox keys).
  const warn = async () => {
    await raiseAgendaWarnings({ uow, clock: { now } }).catch((error: unknown) =>
      log.error({ code: (error as Error).name }, 'agenda warnings failed'),
    );
    await raiseResearchReminders({ uow, clock: { now } }).catch((error: unknown) =>
      log.error({ code: (error as Error).name }, 'research reminders failed'),
    );
    // Action reminders: once per action, due time, reminder and rep (migration 020).
    await raiseActionReminders({ uow, clock: { now } }).catch((error: unknown) =>
      log.error({ code: (error as Error).name }, 'action reminders failed'),
    );
    // Live events serve catch-up after a dropped connection: a day is plenty (migration 015).
    await pruneLiveEvents(db).catch((error: unknown) =>
      log.error({ code: (error as Error).name }, 'live event pruning failed'),
    );
  };
  // Erases what is past keeping, once a night (Europe/London), on one instance.
  const nightlyPurge = startNightlyPurge({
    db,
    now,
    log,
    purge: () =>
      runPurge(
        {
          db,
          crypto,
          now,
          mailOutboxDir: config.graph.mode === 'local' ? path.join(config.outboxDir, 'mail') : null,
          correlationId: `purge-${randomUUID()}`,
        },
        { dryRun: false },
      ),
  });
  ready = true;
  await warn();
  await drainOutbox();
  void deliveries.drain();
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
  const warningTimer = setInterval(() => void warn(), 60 * 60_000);
  warningTimer.unref();
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  log.debug({ url, graphMode: config.graph.mode, store: db.kind }, 'MARAC app listening');
  return {
    url,
    db,
    services,
    async close() {
      ready = false;
      clearInterval(checkpointTimer);
      clearInterval(warningTimer);
      await nightlyPurge.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      meetingSnapshots.close();
      await live.close();
      await roles.close();
      await prompts.stop();
      await worker.stop();
      await deliveries.stop();
      await checkpoint();
      await db.close();
    },
  };
}

/** What a person at the terminal reads first: where to open the app, and how to sign in. */
export function readyLine(app: Pick<RunningApp, 'url'>, config: AppConfig): string {
  const { port } = new URL(app.url);
  const url = isLoopbackHost(config.host) ? `http://localhost:${port}` : app.url;
  return `MARAC is ready on ${url}${config.devSignIn ? ' - sign in as a demo user' : ''}`;
}

const isLoopbackHost = (host: string) =>
  host === 'localhost' || host === '::1' || host === '127.0.0.1';

// A stop that hangs (a stuck connection, a database that does not answer) still ends the process.
const STOP_DEADLINE_MS = 15_000;

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
  const log = createLogger(config.logLevel, { pretty: config.env === 'development' });
  // Listen before starting: a signal during start-up (opening the database, migrating) waits for
  // the start to finish and then stops cleanly, instead of killing the process mid-write. Ctrl-C
  // in a terminal reaches this process twice (from the terminal and from `npm start`): one stop.
  let stopRequested = false;
  let requestStop = () => {};
  const stopSignal = new Promise<void>((resolve) => (requestStop = resolve));
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopRequested) return;
    stopRequested = true;
    log.info({ signal }, 'stopping');
    requestStop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // Started by `npm start` (scripts/start.mjs) with an IPC channel: if that process is gone, stop.
  process.on('disconnect', () => onSignal('SIGTERM'));
  const app = await startApp({ config, log });
  if (!stopRequested) {
    if (config.env === 'production') log.info({ url: app.url }, 'MARAC is ready');
    else process.stdout.write(`${readyLine(app, config)}\n`);
  }
  await stopSignal;
  setTimeout(() => {
    log.error('stopping took too long; exiting without a clean stop');
    process.exit(1);
  }, STOP_DEADLINE_MS).unref();
  // close() stops taking requests, finishes the outbox job in hand and writes the audit checkpoint.
  await app.close();
  log.info('stopped');
  process.exit(0);
}
