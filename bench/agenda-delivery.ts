/**
 * Agenda delivery against Outlook's limits: publishes an invented N-case agenda to R agencies
 * (S/MIME, password PDF, Purview and link modes in turn), then the app's delivery worker(s) send
 * each agency its copy with the app's Graph client, against a loopback Graph in its own process
 * that enforces 4 requests in flight per mailbox, a rate (429 + Retry-After beyond it) and a
 * latency. Reports the elapsed time against the least the limits allow.
 *
 *   node --import tsx bench/agenda-delivery.ts [--recipients 25] [--cases 20] [--latency-ms 400] [--rate 10] [--workers 2]
 *
 * See bench/README.md for every flag.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { simpleParser } from 'mailparser';
import { pino } from 'pino';
import type { DeliveryMode } from '#core/contracts/api.js';
import type { OutgoingMail } from '#core/ports/mail.js';
import type { Db } from '../bot/src/db/db.js';
import { migrate } from '../bot/src/db/migrate.js';
import { openPgliteDb } from '../bot/src/db/pglite-db.js';
import { openPostgresDb } from '../bot/src/db/postgres-db.js';
import type { AgendaDocument } from '../bot/src/documents/agenda-document.js';
import { renderAgendaPdf } from '../bot/src/documents/agenda-pdf.js';
import { newDocumentPassword } from '../bot/src/documents/encrypt-pdf.js';
import { RenderedAgendas } from '../bot/src/documents/rendered-agendas.js';
import { GraphClient } from '../bot/src/graph/graph-client.js';
import { GraphMail } from '../bot/src/graph/graph-mail.js';
import { startDeliveryWorker } from '../bot/src/jobs/delivery-worker.js';
import { newMessageId } from '../bot/src/mail/message-id.js';
import {
  deliveriesOf,
  enqueueDelivery,
  type DeliveryRow,
  type LeasedDelivery,
} from '../bot/src/store/sql-deliveries.js';
import { OpenSslWorkspace, type KeyPair } from '../test/support/openssl.js';
import { buildAgendaMail, type AgendaRecipient } from './support/agenda-mail.js';
import { deliveryMinimum } from './support/delivery-minimum.js';
import { agencyName, inventedAgenda } from './support/invented-agenda.js';
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

/**
 * The publish step: one `agenda` delivery row per recipient, in one transaction. The app's publish
 * use case will take its place (it writes these rows in the agenda version's own transaction).
 */
async function publish(
  db: Db,
  input: { versionId: string; mailbox: string; recipients: readonly AgendaRecipient[] },
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const recipient of input.recipients) {
      await enqueueDelivery(tx, {
        purpose: 'agenda',
        subjectId: input.versionId,
        recipientKey: recipient.key,
        mailbox: input.mailbox,
        messageId: newMessageId(input.mailbox),
      });
    }
  });
}

/** The agencies, their modes in turn; each S/MIME rep with a fresh RSA key and certificate. */
function makeRecipients(openssl: OpenSslWorkspace): {
  recipients: AgendaRecipient[];
  keys: Map<string, KeyPair>;
} {
  const keys = new Map<string, KeyPair>();
  const recipients = Array.from({ length: RECIPIENTS }, (_, i): AgendaRecipient => {
    const key = `agency-${i + 1}`;
    const email = `marac.rep${i + 1}@agency${i + 1}.example`;
    const mode = MODES[i % MODES.length]!;
    const recipient: AgendaRecipient = { key, agency: agencyName(i), email, mode };
    if (mode === 'smime') {
      const pair = openssl.certificate({ email });
      keys.set(key, pair);
      recipient.certificatePem = pair.certificatePem;
    }
    if (mode === 'password') recipient.password = newDocumentPassword();
    return recipient;
  });
  return { recipients, keys };
}

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
  const openssl = new OpenSslWorkspace();
  const server = await startOutlookMailServerProcess(LIMITS);
  try {
    await migrate(store.db);
    await run(store.db, store.name, openssl, server);
  } finally {
    await server.stop();
    await store.drop();
    await store.db.close();
    openssl.remove();
  }
}

async function run(
  db: Db,
  storeName: string,
  openssl: OpenSslWorkspace,
  server: OutlookMailServerProcess,
) {
  const { recipients, keys } = makeRecipients(openssl);
  const byKey = new Map(recipients.map((r) => [r.key, r]));
  const versionId = randomUUID();
  const versions = new Map<string, AgendaDocument>([[versionId, inventedAgenda(CASES)]]);
  const pdfs = pdfSource(versions);
  const build = (row: LeasedDelivery) =>
    buildAgendaMail({
      mailbox: row.mailbox,
      messageId: row.messageId,
      recipient: byKey.get(row.recipientKey)!,
      document: versions.get(row.subjectId)!,
      pdf: () => pdfs.pdf(row.subjectId),
      tabUrl: TAB_URL,
    });
  await warmUp(recipients);
  const workers = startWorkers(db, server, build);

  const startedAt = Date.now();
  await publish(db, { versionId, mailbox: MAILBOX, recipients });
  // The wake: the workers start on the rows now, not at their next poll (every 5 s).
  if (!args['no-wake']) await Promise.all(workers.map((w) => w.drain()));
  const rows = await untilSettled(db, versionId);
  const settledAt = Date.now();
  await Promise.all(workers.map((w) => w.stop()));
  // sent_at is the database's now() when each outcome was recorded: the last one ends the run.
  const sentAt = rows.map((r) => r.sentAt?.getTime() ?? NaN);
  const endedAt = sentAt.every(Number.isFinite) ? Math.max(...sentAt) : settledAt;

  const stats = await server.stats();
  report({ storeName, recipients, rows, stats, elapsedMs: endedAt - startedAt });
  const first = stats.firstArrival === null ? NaN : stats.firstArrival - startedAt;
  out(
    `first request  reached Graph ${first.toFixed(0)} ms after publish; PDF rendered ${pdfs.counts.renders} time(s), ${pdfs.counts.renderMs.toFixed(0)} ms in all`,
  );
  await checkWhatWentOut(rows, byKey, keys, server, openssl);
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

/** Each version's PDF: rendered once and shared, as the app does, or per recipient (--no-cache). */
function pdfSource(versions: Map<string, AgendaDocument>) {
  const counts = { renders: 0, renderMs: 0 };
  const render = async (document: AgendaDocument) => {
    const started = performance.now();
    const pdf = await renderAgendaPdf(document);
    counts.renders += 1;
    counts.renderMs += performance.now() - started;
    return pdf;
  };
  const rendered = new RenderedAgendas({ render });
  const pdf = (id: string): Promise<Buffer> => {
    const load = async () => versions.get(id)!;
    return args['no-cache'] ? load().then(render) : rendered.pdf(id, load);
  };
  return { counts, pdf };
}

function report(run: {
  storeName: string;
  recipients: readonly AgendaRecipient[];
  rows: DeliveryRow[];
  stats: OutlookStats;
  elapsedMs: number;
}): void {
  const { rows, stats } = run;
  const minimum = deliveryMinimum(RECIPIENTS, LIMITS);
  const modes = MODES.map((m) => `${run.recipients.filter((r) => r.mode === m).length} ${m}`);
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
 * message per mode from a one-case agenda first, untimed, so the run measures delivery and not
 * module loading.
 */
async function warmUp(recipients: readonly AgendaRecipient[]): Promise<void> {
  const document = inventedAgenda(1);
  for (const mode of MODES) {
    const recipient = recipients.find((r) => r.mode === mode);
    if (!recipient) continue;
    await buildAgendaMail({
      mailbox: MAILBOX,
      messageId: newMessageId(MAILBOX),
      recipient,
      document,
      pdf: () => renderAgendaPdf(document),
      tabUrl: TAB_URL,
    });
  }
}

/** One copy of each mode, read as its recipient would; a copy that fails sets the exit code. */
async function checkWhatWentOut(
  rows: DeliveryRow[],
  byKey: Map<string, AgendaRecipient>,
  keys: Map<string, KeyPair>,
  server: OutlookMailServerProcess,
  openssl: OpenSslWorkspace,
): Promise<void> {
  const seen: string[] = [];
  for (const mode of MODES) {
    const row = rows.find((r) => byKey.get(r.recipientKey)?.mode === mode);
    if (!row) continue;
    const mime = Buffer.from(await server.message(row.messageId), 'latin1');
    const parsed = await simpleParser(mime);
    const pdf = parsed.attachments.find((a) => a.contentType === 'application/pdf')?.content;
    if (mode === 'smime') {
      const inner = await simpleParser(openssl.decrypt(mime, keys.get(row.recipientKey)!));
      const opened = inner.attachments.some((a) => a.content.subarray(0, 5).toString() === '%PDF-');
      seen.push(`S/MIME opens with the rep's key to a PDF: ${opened ? 'yes' : 'NO'}`);
    } else if (mode === 'password') {
      seen.push(`password PDF is encrypted: ${pdf?.includes('/Encrypt') ? 'yes' : 'NO'}`);
    } else if (mode === 'purview') {
      const marked = parsed.headers.get('x-marac-protect') === 'purview';
      seen.push(`Purview copy marked for the mail-flow rule: ${marked && pdf ? 'yes' : 'NO'}`);
    } else {
      seen.push(
        `link notice carries no attachment: ${parsed.attachments.length === 0 ? 'yes' : 'NO'}`,
      );
    }
  }
  out(`checked        ${seen.join('; ')}`);
  if (seen.some((line) => line.endsWith('NO'))) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
