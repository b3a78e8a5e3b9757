/**
 * A MARAC of fifty followed live: the real app (in a process of its own) runs a meeting of
 * `--cases` cases; `--participants` signed-in people with a seat, all confirmed, each follow the
 * meeting's server-sent events with the tab's own client and read the meeting view
 * (`GET /meetings/{id}/run`) in a loop without pause, while the chair moves through the cases
 * and records `--actions` actions on each through the real routes. Reports the reads' latency and
 * the time from each of the chair's requests to every follower having its event, and to every
 * follower having read a view that shows it.
 *
 *   node --import tsx bench/meeting-live.ts [--participants 50] [--cases 16] [--actions 2]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/meeting-live.ts
 *
 * See bench/README.md.
 */
import { fork } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { MeetingRun } from '#core/contracts/meeting-api.js';
import { openPostgresDb } from '../bot/src/db/postgres-db.js';
import { followMeetingWith } from '../tab/src/api/live.js';

const { values: args } = parseArgs({
  options: {
    participants: { type: 'string', default: '50' },
    cases: { type: 'string', default: '16' },
    actions: { type: 'string', default: '2' },
    'warm-up-seconds': { type: 'string', default: '3' },
    schema: { type: 'string', default: 'marac_bench_meeting' },
    /** A folder for a CPU profile of the app's process over its whole life. */
    'cpu-profile': { type: 'string' },
  },
});
const PARTICIPANTS = Number(args.participants);
const CASES = Number(args.cases);
const ACTIONS = Number(args.actions);
const CHAIR = 'inspector.amos.kettering@police.example';
const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';
const out = (line = '') => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.now();

interface AppProcess {
  url: string;
  meetingId: string;
  repEmails: string[];
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

async function startAppProcess(env: Record<string, string>): Promise<AppProcess> {
  const main = fileURLToPath(new URL('./support/meeting-app-main.ts', import.meta.url));
  const child = fork(main, [], {
    execArgv: [
      '--import',
      'tsx',
      ...(args['cpu-profile'] ? ['--cpu-prof', `--cpu-prof-dir=${args['cpu-profile']}`] : []),
    ],
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<{ url: string; meetingId: string; repEmails: string[] }>(
    (resolve, reject) => {
      child.once('message', (m) => resolve(m as never));
      child.once('exit', (code) => reject(new Error(`the app exited with ${code}`)));
    },
  );
  let nextId = 1;
  return {
    ...ready,
    cpuMs: () =>
      new Promise((resolve) => {
        const id = nextId++;
        const answer = (m: unknown) => {
          const { id: got, result } = m as { id: number; result: number };
          if (got !== id) return;
          child.off('message', answer);
          resolve(result);
        };
        child.on('message', answer);
        child.send({ id, ask: 'cpu' });
      }),
    async stop() {
      child.disconnect();
      await exited;
    },
  };
}

/** The value at quantile q of sorted values (nearest rank). */
const quantile = (sorted: number[], q: number) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `n ${sorted.length}, p50 ${ms(quantile(sorted, 0.5))}, p99 ${ms(quantile(sorted, 0.99))}, max ${ms(sorted.at(-1) ?? NaN)}`;
};

interface Participant {
  email: string;
  token: string;
  call(path: string, init?: RequestInit): Promise<Response>;
  /** When each event reached this participant (seq to time). */
  arrived: Map<number, number>;
  /** Each view read: when it ended and the seq it showed. */
  views: { at: number; seq: number }[];
  resets: number;
}

async function signIn(base: string, email: string): Promise<Participant> {
  const response = await fetch(`${base}/api/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (!response.ok) throw new Error(`sign-in failed for a participant: ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  return {
    email,
    token,
    call: (path, init = {}) =>
      fetch(`${base}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          ...init.headers,
        },
      }),
    arrived: new Map(),
    views: [],
    resets: 0,
  };
}

async function ok<T>(response: Promise<Response>, what: string): Promise<T> {
  const answer = await response;
  if (!answer.ok) throw new Error(`${what}: ${answer.status} ${await answer.text()}`);
  return (answer.status === 204 ? undefined : await answer.json()) as T;
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) await dropSchema(url);
  // Agencies enough for the reps: the chair and the coordinator, and reps for the rest.
  const agencies = 12 + Math.ceil(Math.max(0, PARTICIPANTS - 2) / 2);
  const app = await startAppProcess({
    MARAC_BENCH_AGENCIES: String(agencies),
    MARAC_BENCH_CASES: String(CASES),
    MARAC_BENCH_SCHEMA: args.schema,
  });
  try {
    await run(app, url ? `PostgreSQL server, schema ${args.schema}` : 'PGlite (files)');
  } finally {
    await app.stop();
    if (url) await dropSchema(url);
  }
}

async function run(app: AppProcess, store: string): Promise<void> {
  const { meetingId } = app;
  const base = `/api/meetings/${meetingId}`;
  const emails = [CHAIR, COORDINATOR, ...app.repEmails].slice(0, PARTICIPANTS);
  const people = await Promise.all(emails.map((email) => signIn(app.url, email)));
  const chair = people[0]!;
  for (const person of people) {
    await ok(
      person.call(`${base}/confidentiality`, { method: 'POST', body: '{"confirm":true}' }),
      'confirm',
    );
  }
  let view = await ok<MeetingRun>(chair.call(`${base}/run`), 'the first view');
  if (view.cases.length !== CASES)
    throw new Error(`expected ${CASES} cases, saw ${view.cases.length}`);
  const police = (
    await ok<{ id: string; name: string }[]>(
      chair.call(`/api/areas/${view.areaId}/agencies`),
      'agencies',
    )
  ).find((a) => a.name === 'Riverside Police')!.id;

  // Everyone follows and reads in a loop without pause until the end.
  let running = true;
  let timing = false;
  const reads: number[] = [];
  let failedReads = 0;
  const stops = people.map((person) =>
    followMeetingWith(
      {
        fetch: (input, init) => fetch(`${app.url}${String(input)}`, init),
        getToken: async () => person.token,
        getFreshToken: async () => person.token,
      },
      meetingId,
      {
        after: view.seq,
        onEvent: (event) => person.arrived.set(event.seq, now()),
        onReset: () => (person.resets += 1),
        onStatus: () => undefined,
      },
    ),
  );
  const loops = people.map(async (person) => {
    while (running) {
      const started = now();
      try {
        const seen = await ok<MeetingRun>(person.call(`${base}/run`), 'a view');
        const ended = now();
        if (timing) reads.push(ended - started);
        person.views.push({ at: ended, seq: seen.seq });
      } catch {
        failedReads += 1;
      }
    }
  });
  await sleep(Number(args['warm-up-seconds']) * 1_000);

  // The chair's requests, one at a time; each waits until every follower has its event.
  const live: number[] = [];
  const shown: number[] = [];
  const kinds = new Map<string, number[]>();
  /** How long each of the chair's requests took to answer. */
  const answered: number[] = [];
  const step = async (kind: string, request: () => Promise<unknown>) => {
    const last = Math.max(0, ...people.map((p) => Math.max(0, ...p.arrived.keys())));
    const sent = now();
    await request();
    answered.push(now() - sent);
    const until = sent + 10_000;
    const firstAfter = (p: Participant) =>
      [...p.arrived.keys()].filter((seq) => seq > last).sort((a, b) => a - b)[0];
    while (people.some((p) => firstAfter(p) === undefined)) {
      if (now() > until) throw new Error(`not every follower had the event of ${kind} in 10 s`);
      await sleep(2);
    }
    const seq = firstAfter(chair)!;
    for (const p of people) {
      const at = p.arrived.get(seq);
      if (at === undefined) throw new Error('followers saw different events');
      live.push(at - sent);
      (kinds.get(kind) ?? kinds.set(kind, []).get(kind)!).push(at - sent);
    }
    // And until every follower has read a view that shows it.
    while (people.some((p) => !p.views.some((v) => v.seq >= seq))) {
      if (now() > until) throw new Error(`not every follower read the view after ${kind} in 10 s`);
      await sleep(2);
    }
    for (const p of people) shown.push(p.views.find((v) => v.seq >= seq)!.at - sent);
  };

  const cpuBefore = await app.cpuMs();
  const started = now();
  timing = true;
  view = await ok<MeetingRun>(chair.call(`${base}/run`), 'the view');
  for (const [i, c] of view.cases.entries()) {
    await step('move to the case', () =>
      ok(
        chair.call(`${base}/run/current`, {
          method: 'PUT',
          body: JSON.stringify({ referralId: c.referralId }),
        }),
        'move',
      ),
    );
    for (let k = 0; k < ACTIONS; k += 1) {
      await step('record an action', () =>
        ok(
          chair.call(`${base}/run/cases/${c.referralId}/actions`, {
            method: 'POST',
            headers: { 'idempotency-key': `bench-${meetingId}-${i}-${k}` },
            body: JSON.stringify({
              ownerAgencyId: police,
              ownerPerson: null,
              what: `Bench action ${k + 1} on case ${i + 1}: a check visit with the named officer`,
              dueDate: addDays(view.date, 14),
              dueTime: '17:00',
              risk: 'Escalating incidents',
              urgent: null,
            }),
          }),
          'action',
        ),
      );
    }
  }
  timing = false;
  const elapsed = now() - started;
  const cpu = (await app.cpuMs()) - cpuBefore;
  running = false;
  await Promise.all(loops);
  for (const stop of stops) stop();

  out(
    `Meeting live benchmark: ${store}; ${people.length} participants, ${CASES} cases, ${ACTIONS} actions a case`,
  );
  out(
    `machine: ${cpus().length} cores, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  out(
    `timed run ${(elapsed / 1000).toFixed(2)} s; app CPU ${(cpu / 1000).toFixed(2)} s (${((cpu / elapsed) * 100).toFixed(0)}% of a core)`,
  );
  out(
    `reads of GET /run: ${summary(reads)}; ${(reads.length / (elapsed / 1000)).toFixed(0)} a second; failed ${failedReads}`,
  );
  out(
    `the view: ${JSON.stringify(view).length} bytes of JSON; app CPU a read ${(cpu / reads.length).toFixed(2)} ms (all its work over the run, divided by the reads)`,
  );
  out(`the chair's requests, sent to answered: ${summary(answered)}`);
  out(`live, request sent to each follower's event: ${summary(live)}`);
  for (const [kind, values] of kinds) out(`  ${kind}: ${summary(values)}`);
  out(`live, request sent to each follower's view showing it: ${summary(shown)}`);
  out(`resets: ${people.reduce((n, p) => n + p.resets, 0)}`);
}

/** A London date plus n days, as the contract writes dates. */
function addDays(date: string, days: number): string {
  const at = new Date(`${date}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

async function dropSchema(url: string): Promise<void> {
  const db = await openPostgresDb({ connectionString: url });
  try {
    await db.query(`DROP SCHEMA IF EXISTS ${args.schema} CASCADE`);
  } finally {
    await db.close();
  }
}

await main();
