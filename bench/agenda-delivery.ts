/**
 * Agenda delivery against Outlook's limits: the app's publish use case publishes an N-case agenda
 * of the demo partnership, grown to R agencies (S/MIME, password PDF, Purview and link modes in
 * turn), then the app's delivery worker(s) build each agency's copy from the store and send it with
 * the app's Graph client, against a loopback Graph in its own process
 * that enforces 4 requests in flight per mailbox, a rate (429 + Retry-After beyond it) and a
 * latency. Reports the elapsed time against the least the limits allow.
 *
 *   node --import tsx bench/agenda-delivery.ts [--recipients 25] [--cases 20] [--latency-ms 400] [--rate 10] [--workers 2]
 *
 * See bench/README.md for every flag.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { simpleParser } from 'mailparser';
import { pino } from 'pino';
import { publishAgenda } from '#core/agendas/publish-agenda.js';
import type { DeliveryMode } from '#core/contracts/api.js';
import type { OutgoingMail } from '#core/ports/mail.js';
import { openAppCrypto } from '../bot/src/crypto/app-crypto.js';
import type { Db } from '../bot/src/db/db.js';
import { migrate } from '../bot/src/db/migrate.js';
import { openPgliteDb } from '../bot/src/db/pglite-db.js';
import { openPostgresDb } from '../bot/src/db/postgres-db.js';
import { ensureDemoCertificates } from '../bot/src/demo/demo-smime.js';
import { renderAgendaPdf } from '../bot/src/documents/agenda-pdf.js';
import { newDocumentPassword } from '../bot/src/documents/encrypt-pdf.js';
import { GraphClient } from '../bot/src/graph/graph-client.js';
import { GraphMail } from '../bot/src/graph/graph-mail.js';
import { agendaMailBuilder } from '../bot/src/jobs/agenda-mail.js';
import { startDeliveryWorker } from '../bot/src/jobs/delivery-worker.js';
import { buildAgendaMessage } from '../bot/src/mail/agenda-message.js';
import { newMessageId } from '../bot/src/mail/message-id.js';
import {
  deliveriesOf,
  type DeliveryRow,
  type LeasedDelivery,
} from '../bot/src/store/sql-deliveries.js';
import { sqlUnitOfWork } from '../bot/src/store/unit-of-work.js';
import { benchPartnership } from './support/bench-partnership.js';
import { deliveryMinimum } from './support/delivery-minimum.js';
import { inventedAgenda } from './support/invented-agenda.js';
import type { OutlookStats } from './support/outlook-mail-server.js';
import {
  startOutlookMailServerProcess,
  type OutlookMailServerProcess,
} from './support/outlook-mail-server-process.js';

const { values: args } = parseArgs({
  options: {
    recipients: { type: 'string', default: '25' },
    cases: { type: 'string', default: '20' },
    'latency-ms': { type: 'string', default: '400' },
    rate: { type: 'string', default: '10' },
    burst: { type: 'string' },
    workers: { type: 'string', default: '2' },
    'rows-per-worker': { type: 'string', default: '8' },
    schema: { type: 'string', default: 'marac_bench_delivery' },
    'no-pace': { type: 'boolean', default: false },
    'no-wake': { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
    'client-per-worker': { type: 'boolean', default: false },
  },
});
const RECIPIENTS = Number(args.recipients);
const CASES = Number(args.cases);
const WORKERS = Number(args.workers);
const ROWS_PER_WORKER = Number(args['rows-per-worker']);
const LIMITS = {
  concurrency: 4,
  ratePerSecond: Number(args.rate),
  burst: Number(args.burst ?? Math.max(1, Math.floor(Number(args.rate)))),
  latencyMs: Number(args['latency-ms']),
  accessToken: `bench-${randomUUID()}`,
};
// The client's own bucket: the server's rate, one token less of burst. That token is headroom
// for the moment between the client taking a token and the server seeing the request.
const PACE = { perSecond: LIMITS.ratePerSecond, burst: Math.max(1, LIMITS.burst - 1) };
const MAILBOX = 'marac.northbrook@riverside.example';
const MODES: readonly DeliveryMode[] = ['smime', 'password', 'purview', 'link'];
const TAB_URL = 'https://marac.example.org/tab/agenda';
const out = (line = '') => process.stdout.write(`${line}\n`);
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function openStore(): Promise<{ db: Db; name: string; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    return { db: await openPgliteDb(null), name: 'PGlite (in memory)', drop: async () => {} };
  }
  const db = await openPostgresDb({
    connectionString: url,
    schema: args.schema,
    maxConnections: 4,
  });
  await db.exec(`DROP SCHEMA IF EXISTS ${args.schema} CASCADE; CREATE SCHEMA ${args.schema}`);
  return {
    db,
    name: `PostgreSQL server, schema ${args.schema}`,
    drop: async () => void (await db.query(`DROP SCHEMA ${args.schema} CASCADE`)),
  };
}

async function main(): Promise<void> {
  const store = await openStore();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'marac-bench-delivery-'));
  const server = await startOutlookMailServerProcess(LIMITS);
  try {
    await migrate(store.db);
    await run(store.db, store.name, dataDir, server);
  } finally {
    await server.stop();
    await store.drop();
    await store.db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function run(db: Db, storeName: string, dataDir: string, server: OutlookMailServerProcess) {
  const crypto = await openAppCrypto(db, { dataDir, keyVault: null });
  const now = new Date();
  const meeting = await benchPartnership(db, crypto, {
    dataDir,
    agencies: RECIPIENTS,
    cases: CASES,
    now,
  });
  const deps = {
    uow: sqlUnitOfWork(db, crypto),
    clock: { now: () => now },
    ids: { newId: randomUUID },
  };
  const renders = { count: 0, ms: 0 };
  const build = agendaMailBuilder({
    db,
    crypto,
    publicUrl: TAB_URL,
    render: async (document) => {
      const started = performance.now();
      const pdf = await renderAgendaPdf(document);
      renders.count += 1;
      renders.ms += performance.now() - started;
      return pdf;
    },
    cache: !args['no-cache'],
  });
  await warmUp(dataDir);
  const workers = startWorkers(db, server, build);

  const startedAt = Date.now();
  const published = await publishAgenda(deps, { meetingId: meeting.meetingId, publishedBy: null });
  // The wake: the workers start on the rows now, not at their next poll (every 5 s).
  if (!args['no-wake']) await Promise.all(workers.map((w) => w.drain()));
  const rows = await untilSettled(db, published.versionId);
  const settledAt = Date.now();
  await Promise.all(workers.map((w) => w.stop()));
  // sent_at is the database's now() when each outcome was recorded: the last one ends the run.
  const sentAt = rows.map((r) => r.sentAt?.getTime() ?? NaN);
  const endedAt = sentAt.every(Number.isFinite) ? Math.max(...sentAt) : settledAt;

  const modes = await modesOf(db, published.versionId);
  const stats = await server.stats();
  report({ storeName, modes, rows, stats, elapsedMs: endedAt - startedAt });
  const first = stats.firstArrival === null ? NaN : stats.firstArrival - startedAt;
  out(
    `first request  reached Graph ${first.toFixed(0)} ms after publish; PDF rendered ${renders.count} time(s), ${renders.ms.toFixed(0)} ms in all`,
  );
  await checkWhatWentOut(db, rows, modes, server, dataDir);
}

/** Each row's mode and recipient address, as published. */
async function modesOf(db: Db, versionId: string) {
  const found = await db.query<{ id: string; mode: DeliveryMode }>(
    `SELECT id::text AS id, mode FROM mail_delivery WHERE subject_id = $1`,
    [versionId],
  );
  return new Map(found.rows.map((r) => [r.id, r.mode]));
}

/**
 * The app's delivery workers with the app's GraphMail. One app instance: its workers share one
 * Graph client, so one count of slots and tokens per mailbox; --client-per-worker plays one
 * instance per worker, each counting on its own.
 */
function startWorkers(
  db: Db,
  server: OutlookMailServerProcess,
  build: (row: LeasedDelivery) => Promise<OutgoingMail>,
) {
  const newMail = () =>
    new GraphMail(
      new GraphClient({
        tokens: { getToken: async () => LIMITS.accessToken },
        baseUrl: server.graphUrl,
        ...(args['no-pace'] ? {} : { mailboxRate: PACE }),
      }),
    );
  const shared = newMail();
  return Array.from({ length: WORKERS }, () =>
    startDeliveryWorker({
      db,
      mail: args['client-per-worker'] ? newMail() : shared,
      build,
      log: pino({ level: 'silent' }),
      concurrency: ROWS_PER_WORKER,
    }),
  );
}

function report(run: {
  storeName: string;
  modes: Map<string, DeliveryMode>;
  rows: DeliveryRow[];
  stats: OutlookStats;
  elapsedMs: number;
}): void {
  const { rows, stats } = run;
  const minimum = deliveryMinimum(RECIPIENTS, LIMITS);
  const all = [...run.modes.values()];
  const modes = MODES.map((m) => `${all.filter((mode) => mode === m).length} ${m}`);
  out(`agenda delivery: ${RECIPIENTS} agencies (${modes.join(', ')}), ${CASES} cases`);
  out(`machine: ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}; store: ${run.storeName}`);
  out(
    `loopback Graph (own process), per mailbox: ${LIMITS.concurrency} in flight, ${LIMITS.ratePerSecond} requests/s (bucket of ${LIMITS.burst}), ${LIMITS.latencyMs} ms a request`,
  );
  const pacing = args['no-pace'] ? 'off' : `${PACE.perSecond}/s, bucket of ${PACE.burst}`;
  out(
    `app: ${WORKERS} delivery worker(s) x ${ROWS_PER_WORKER} rows, ${args['client-per-worker'] ? 'a Graph client each' : 'one Graph client'}; pacing ${pacing}; wake ${args['no-wake'] ? 'off (poll)' : 'on'}; PDF ${args['no-cache'] ? 'rendered per recipient' : 'rendered once per version'}`,
  );
  out();
  out(`elapsed        ${sec(run.elapsedMs)}  (publish to the last delivery recorded)`);
  out(
    `minimum        ${sec(minimum.ms)}  = max(ceil(${RECIPIENTS}/${LIMITS.concurrency}) x ${LIMITS.latencyMs} ms = ${sec(minimum.concurrencyMs)}, max(0, ${RECIPIENTS} - ${LIMITS.burst})/${LIMITS.ratePerSecond} s + ${LIMITS.latencyMs} ms = ${sec(minimum.rateMs)})`,
  );
  out(
    '               the waves of 4 requests in flight, each wave taking the latency; or the wait',
  );
  out("               for the last request's token at the rate, then its latency: the longer");
  const ratio = run.elapsedMs / minimum.ms;
  out(`ratio          ${ratio.toFixed(3)}  (target <= 1.1: ${ratio <= 1.1 ? 'met' : 'NOT MET'})`);
  const { concurrency, rate } = stats.throttled;
  out(`429s received  ${concurrency + rate} (${concurrency} MailboxConcurrency, ${rate} rate)`);
  out(
    `requests       ${stats.sendMail} sendMail, ${stats.lookups} Sent Items look-ups; at most ${stats.maxInFlight} in flight`,
  );
  const copies = rows.map((r) => stats.messages[r.messageId] ?? 0);
  const once = copies.filter((n) => n === 1).length;
  out(`messages       ${once} of ${rows.length} agencies got exactly one (by Message-ID)`);
  if (once !== rows.length || rows.length !== RECIPIENTS) {
    out(`               copies per agency: ${copies.join(' ')}`);
    process.exitCode = 1;
  }
}

/** Waits until no row of the version is queued (five minutes at most); the rows as they ended. */
async function untilSettled(db: Db, versionId: string): Promise<DeliveryRow[]> {
  const giveUpAt = Date.now() + 300_000;
  for (;;) {
    const rows = await deliveriesOf(db, 'agenda', versionId);
    if (rows.length > 0 && rows.every((r) => r.status !== 'queued')) return rows;
    if (Date.now() > giveUpAt) throw new Error('deliveries still queued after five minutes');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A long-running app has loaded pdfkit, pdf-lib and pkijs and run them before: build one
 * message per mode from a small agenda first, untimed, so the run measures delivery and not
 * module loading.
 */
async function warmUp(dataDir: string): Promise<void> {
  const email = 'warm.up@bench.example';
  const certificatePem = (await ensureDemoCertificates(dataDir, [email], new Date())).get(email)!;
  const document = inventedAgenda(1);
  for (const mode of MODES) {
    await buildAgendaMessage({
      mode,
      from: MAILBOX,
      to: { name: 'Warm Up', email },
      messageId: newMessageId(MAILBOX),
      document,
      certificatePem,
      password: newDocumentPassword(),
      agendaUrl: TAB_URL,
    });
  }
}

/** One copy of each mode, read as its recipient would; a copy that fails sets the exit code. */
async function checkWhatWentOut(
  db: Db,
  rows: DeliveryRow[],
  modes: Map<string, DeliveryMode>,
  server: OutlookMailServerProcess,
  dataDir: string,
): Promise<void> {
  const seen: string[] = [];
  for (const mode of MODES) {
    const row = rows.find((r) => modes.get(r.id) === mode);
    if (!row) continue;
    const mime = Buffer.from(await server.message(row.messageId), 'latin1');
    const parsed = await simpleParser(mime);
    const pdf = parsed.attachments.find((a) => a.contentType === 'application/pdf')?.content;
    if (mode === 'smime') {
      const email = [parsed.to ?? []].flat()[0]!.value[0]!.address!;
      const keys = path.join(dataDir, 'demo', 'smime');
      const input = path.join(dataDir, 'copy.eml');
      writeFileSync(input, mime);
      const inner = await simpleParser(
        execFileSync('openssl', [
          'cms',
          '-decrypt',
          '-in',
          input,
          '-recip',
          path.join(keys, `${email}.crt`),
          '-inkey',
          path.join(keys, `${email}.key`),
        ]),
      );
      const opened = inner.attachments.some((a) => a.content.subarray(0, 5).toString() === '%PDF-');
      seen.push(`S/MIME opens with the rep's key to a PDF: ${opened ? 'yes' : 'NO'}`);
    } else if (mode === 'password') {
      seen.push(`password PDF is encrypted: ${pdf?.includes('/Encrypt') ? 'yes' : 'NO'}`);
    } else if (mode === 'purview') {
      const marked = parsed.headers.get('x-marac-protect') === 'agenda';
      seen.push(`Purview copy marked for the mail-flow rule: ${marked && pdf ? 'yes' : 'NO'}`);
    } else {
      seen.push(
        `link notice carries no attachment: ${parsed.attachments.length === 0 ? 'yes' : 'NO'}`,
      );
    }
  }
  const passwords = await db.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM outbox WHERE payload->>'kind' = 'notify.agenda-password'`,
  );
  seen.push(`password notices queued for the bot: ${passwords.rows[0]!.n}`);
  out(`checked        ${seen.join('; ')}`);
  if (seen.some((line) => line.endsWith('NO'))) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
