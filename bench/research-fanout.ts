/**
 * The research fan-out against Teams' limits: the real app in local mode publishes an N-case
 * agenda to R agencies (a core rep and a deputy each) through its publish route; its research
 * prompt worker sends every prompt (a card per case, or one picker card per rep) through its
 * notifier and pace to a loopback Bot Connector, in a process of its own, that enforces Teams'
 * limits. Reports the elapsed time against the least the limits allow.
 *
 *   node --import tsx bench/research-fanout.ts [--cases 20] [--agencies 25] [--per-case-up-to 20]
 *
 * See bench/README.md for every flag.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openPostgresDb } from '../bot/src/db/postgres-db.js';
import {
  TEAMS_BOT_LIMITS,
  type ConnectorActivity,
  type ConnectorStats,
} from '../test/support/fake-bot-connector.js';
import { signIn, startApp, type TestApp } from '../test/support/start-app.js';
import {
  startBotConnectorProcess,
  type BotConnectorProcess,
} from './support/bot-connector-process.js';
import { fanOutMinimum, simulateFanOutMs } from './support/fanout-minimum.js';
import { researchPartnership, type ResearchMeeting } from './support/research-partnership.js';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '20' },
    agencies: { type: 'string', default: '25' },
    'per-case-up-to': { type: 'string', default: '20' },
    schema: { type: 'string', default: 'marac_bench_research' },
    'timeout-seconds': { type: 'string', default: '300' },
    'cpu-profile': { type: 'string' },
  },
});
const CASES = Number(args.cases);
const AGENCIES = Number(args.agencies);
const PER_CASE_UP_TO = Number(args['per-case-up-to']);
const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';
const out = (line = '') => process.stdout.write(`${line}\n`);
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
/** Wall-clock milliseconds with sub-millisecond steps, as the connector's process keeps them. */
const wallNow = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) await dropSchema(url);
  const connector = await startBotConnectorProcess();
  let app: TestApp | undefined;
  try {
    app = await startApp({
      env: {
        RESEARCH_CARD_PER_CASE_UP_TO: String(PER_CASE_UP_TO),
        RATE_LIMIT_PER_MINUTE: '100000',
        ...(url ? { DATABASE_URL: url, DATABASE_SCHEMA: args.schema } : {}),
      },
    });
    await run(app, connector, url ? `PostgreSQL server, schema ${args.schema}` : 'PGlite (files)');
  } finally {
    await app?.stop();
    await connector.stop();
    if (url) await dropSchema(url);
  }
}

/** A CPU profile of this process over the timed run only (open it in Chrome's DevTools). */
async function startProfiler() {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(file: string) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

async function dropSchema(url: string): Promise<void> {
  const db = await openPostgresDb({ connectionString: url, maxConnections: 1 });
  await db.exec(`DROP SCHEMA IF EXISTS ${args.schema} CASCADE`);
  await db.close();
}

async function run(app: TestApp, connector: BotConnectorProcess, storeName: string) {
  const meeting = await researchPartnership(app.db, app.services.crypto, {
    agencies: AGENCIES,
    cases: CASES,
    serviceUrl: connector.serviceUrl,
    now: new Date(),
    drainOutbox: app.services.drainOutbox,
  });
  const expected = await expectedMessages(app, meeting);
  const total = [...expected.values()].reduce((sum, keys) => sum + keys.size, 0);
  const coordinator = await signIn(app, COORDINATOR);

  const profiler = args['cpu-profile'] ? await startProfiler() : null;
  const cpuBefore = process.cpuUsage();
  const startedAt = wallNow();
  const published = await coordinator(`/api/meetings/${meeting.meetingId}/agenda/publish`, {
    method: 'POST',
    body: '{}',
  });
  const answeredAt = wallNow();
  if (published.status !== 201) throw new Error(`publish answered ${published.status}`);
  const giveUpAt = Date.now() + Number(args['timeout-seconds']) * 1000;
  let stats: ConnectorStats;
  for (;;) {
    stats = await connector.stats();
    if (sentIn(stats) >= total || Date.now() > giveUpAt) break;
    await sleep(20);
  }
  const polledAt = wallNow();
  const cpu = process.cpuUsage(cpuBefore);
  if (profiler) await profiler.stop(args['cpu-profile']!);
  // Anything sent twice would come after: wait until the app has nothing more queued to send.
  await untilOutboxSettled(app, giveUpAt);
  await sleep(1000);
  stats = await connector.stats();
  const activities = (await connector.activities()).sort((a, b) => a.at - b.at);
  const lastAt = activities.length ? activities[activities.length - 1]!.at : polledAt;
  report({
    storeName,
    meeting,
    expected,
    activities,
    stats,
    elapsedMs: lastAt - startedAt,
    routeMs: answeredAt - startedAt,
    firstMs: activities.length ? activities[0]!.at - startedAt : NaN,
    retries: await retriesOf(app),
    cpuMs: (cpu.user + cpu.system) / 1000,
  });
  if (process.env.BENCH_DEBUG) {
    const rows = await app.db.query(
      `SELECT kind, status, attempts, last_error FROM outbox WHERE attempts > 1 OR last_error IS NOT NULL`,
    );
    process.stderr.write(`${JSON.stringify(rows.rows)}\n`);
  }
}

/**
 * What the product promises, worked out here rather than read from the outbox, as the keys of
 * `messageKey` per conversation: every rep of the area is prompted (the area prompts deputies
 * always), a card per case up to the setting, else one picker; and a password copy's rep gets
 * its password by the bot as well.
 */
async function expectedMessages(app: TestApp, meeting: ResearchMeeting) {
  const cases = await app.db.query<{ id: string }>(
    `SELECT id FROM referral WHERE meeting_id = $1 AND status = 'accepted'`,
    [meeting.meetingId],
  );
  const prompts =
    cases.rows.length <= PER_CASE_UP_TO ? cases.rows.map((c) => `case ${c.id}`) : ['picker'];
  const password = await app.db.query<{ person_id: string }>(
    `SELECT rep AS person_id FROM area_agency, LATERAL (VALUES (core_rep_id), (deputy_rep_id)) AS r (rep)
      WHERE area_id = $1 AND rep IS NOT NULL AND delivery_mode = 'password'`,
    [meeting.areaId],
  );
  const withPassword = new Set(password.rows.map((r) => r.person_id));
  const expected = new Map<string, Set<string>>();
  for (const [personId, conversationId] of meeting.conversations) {
    const keys = prompts.map((key) => `${conversationId} ${key}`);
    if (withPassword.has(personId)) keys.push(`${conversationId} notice`);
    expected.set(conversationId, new Set(keys));
  }
  return expected;
}

const sentIn = (stats: ConnectorStats) => Object.values(stats.sent).reduce((s, n) => s + n, 0);

async function untilOutboxSettled(app: TestApp, giveUpAt: number): Promise<void> {
  for (;;) {
    const pending = await app.db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM outbox WHERE status = 'pending'
          AND kind IN ('notify.research-prompt', 'notify.agenda-password')`,
    );
    if (pending.rows[0]!.n === '0' || Date.now() > giveUpAt) return;
    await sleep(100);
  }
}

/** Jobs tried more than once, by their last error: a 429 would show here. */
async function retriesOf(app: TestApp): Promise<string> {
  const found = await app.db.query<{ kind: string; code: string | null; n: string }>(
    `SELECT kind, last_error AS code, count(*)::text AS n FROM outbox
      WHERE attempts > 1 OR status = 'failed' GROUP BY kind, last_error ORDER BY kind`,
  );
  return found.rows.map((r) => `${r.n} ${r.kind} (${r.code})`).join(', ') || 'none';
}

/** What a message is about, so a second copy of it shows: a case's card, a picker, a notice. */
function messageKey(activity: ConnectorActivity): string {
  const body = activity.body as { attachments?: unknown[]; text?: string };
  if (!body.attachments?.length) return `${activity.conversationId} notice`;
  const caseId = /"caseId":"([^"]+)"/.exec(JSON.stringify(body.attachments))?.[1];
  return `${activity.conversationId} ${caseId ? `case ${caseId}` : 'picker'}`;
}

/** The most arrivals in any window of `seconds` (a window holds times t > end - span). */
function busiest(times: readonly number[], seconds: number): number {
  let most = 0;
  let first = 0;
  for (let last = 0; last < times.length; last += 1) {
    while (times[first]! <= times[last]! - seconds * 1000) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

function report(run: {
  storeName: string;
  meeting: ResearchMeeting;
  expected: Map<string, Set<string>>;
  activities: ConnectorActivity[];
  stats: ConnectorStats;
  elapsedMs: number;
  routeMs: number;
  firstMs: number;
  retries: string;
  cpuMs: number;
}): void {
  const { expected, activities, stats } = run;
  const total = [...expected.values()].reduce((sum, keys) => sum + keys.size, 0);
  const reps = expected.size;
  const prompts = reps * (CASES <= PER_CASE_UP_TO ? CASES : 1);
  const kind = CASES <= PER_CASE_UP_TO ? 'a card per case' : 'one picker card per rep';
  out(
    `research fan-out: ${CASES} cases, ${AGENCIES} agencies, ${reps} reps (core and deputy), ${kind} (RESEARCH_CARD_PER_CASE_UP_TO=${PER_CASE_UP_TO})`,
  );
  out(`machine: ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}; store: ${run.storeName}`);
  out(
    `loopback Bot Connector (own process), Teams' limits: per conversation ${TEAMS_BOT_LIMITS.perConversation.map((w) => `${w.max}/${w.seconds}s`).join(', ')}; per tenant ${TEAMS_BOT_LIMITS.perTenant.map((w) => `${w.max}/${w.seconds}s`).join(', ')}`,
  );
  out();
  out(
    `messages       ${total} expected: ${prompts} research prompts + ${total - prompts} password notices`,
  );
  const minimum = fanOutMinimum(
    [...expected.values()].map((keys) => keys.size),
    TEAMS_BOT_LIMITS,
  );
  const order = activities.map((a) => a.conversationId);
  const simulated = simulateFanOutMs(order, TEAMS_BOT_LIMITS);
  out(`elapsed        ${sec(run.elapsedMs)}  (publish request to the last message accepted)`);
  out(
    `               publish answered after ${sec(run.routeMs)}; first message accepted after ${sec(run.firstMs)}`,
  );
  out(
    `minimum        ${sec(minimum.ms)}  = max(busiest conversation ${sec(minimum.conversationMs)}, tenant ${sec(minimum.tenantMs)}): first to last message`,
  );
  out(
    `               the order the app sent in, replayed by the connector's own windows: ${sec(simulated)}`,
  );
  const ratio = minimum.ms > 0 ? run.elapsedMs / minimum.ms : NaN;
  out(
    minimum.ms > 0
      ? `ratio          ${ratio.toFixed(3)}  (target <= 1.1: ${ratio <= 1.1 ? 'met' : 'NOT MET'})`
      : `ratio          none: the limits allow every message in the same instant; ${(total / (run.elapsedMs / 1000)).toFixed(1)} messages a second`,
  );
  const throttled = Object.entries(stats.throttled).map(([id, n]) => `${n} in ${id}`);
  out(
    `429s received  ${stats.throttledTotal}${stats.throttledTotal ? `  (expected 0: ${throttled.join(', ')})` : ''}`,
  );
  out(`retried jobs   ${run.retries}`);

  const received = new Map<string, number>();
  for (const a of activities) received.set(messageKey(a), (received.get(messageKey(a)) ?? 0) + 1);
  const wanted = new Set([...expected.values()].flatMap((keys) => [...keys]));
  const missing = [...wanted].filter((key) => !received.has(key)).length;
  const duplicates = [...received.values()].filter((n) => n > 1).length;
  const unexpected = [...received.keys()].filter((key) => !wanted.has(key)).length;
  out(
    `delivered      ${sentIn(stats)} accepted for ${total} expected: missing ${missing}, duplicated ${duplicates}, unexpected ${unexpected}`,
  );
  const byConversation = new Map<string, number[]>();
  for (const a of activities)
    byConversation.set(a.conversationId, [...(byConversation.get(a.conversationId) ?? []), a.at]);
  const most = (seconds: number) =>
    Math.max(0, ...[...byConversation.values()].map((times) => busiest(times, seconds)));
  const tenantTimes = activities.map((a) => a.at);
  out(
    `busiest       per conversation ${most(1)} in 1 s, ${most(2)} in 2 s, ${most(30)} in 30 s; tenant ${busiest(tenantTimes, 1)} in 1 s`,
  );
  const perSecond = new Map<number, number>();
  for (const a of activities) {
    const second = Math.floor((a.at - activities[0]!.at) / 1000);
    perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  }
  const seconds = Math.max(0, ...perSecond.keys()) + 1;
  out(
    `per second     ${Array.from({ length: seconds }, (_, s) => perSecond.get(s) ?? 0).join(' ')}  (accepted, from the first)`,
  );
  out(
    `app CPU        ${sec(run.cpuMs)} in the run (this process: the app and the polling), ${(run.cpuMs / total).toFixed(1)} ms a message`,
  );
  if (missing || duplicates || unexpected || sentIn(stats) !== total) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
