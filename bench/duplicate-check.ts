/**
 * The duplicate check at scale: seeds N invented cases (encrypted forms, blind index terms), then
 * times `findCandidates` on labelled pairs (bench/pairs.ts): the same victim written differently,
 * and strangers who only look like a seeded victim. Reports recall, false alarms and precision.
 *
 *   node --import tsx bench/duplicate-check.ts [--cases 1000000] [--per-kind 50] [--reuse] [--keep]
 *
 * See bench/README.md for every flag.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BlindIndexer } from '../bot/src/crypto/blind-index.js';
import { FieldCipher } from '../bot/src/crypto/field-cipher.js';
import { LocalFileKek } from '../bot/src/crypto/local-kek.js';
import { candidateQuery, findCandidates } from '../bot/src/matching/find-candidates.js';
import { recountVictimTerms, victimTerms } from '../bot/src/matching/victim-terms.js';
import type { Db } from '../bot/src/db/db.js';
import { openPgliteDb } from '../bot/src/db/pglite-db.js';
import { openPostgresDb } from '../bot/src/db/postgres-db.js';
import { referralFormSchema } from '#core/contracts/referral.js';
import { buildBatch, insertBatch, type Fixture } from './seed.js';
import { addFixture, AGENCIES, AREAS, ensureSchema, readFixture } from './setup.js';
import { isSame, SAME_KINDS, STRANGER_KINDS, VARY, type PairKind } from './pairs.js';
import { prng, syntheticCase } from './synthetic.js';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    schema: { type: 'string', default: 'marac_bench' },
    'budget-seconds': { type: 'string', default: '3000' },
    reuse: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    'per-kind': { type: 'string', default: '50' },
  },
});
const N = Number(args.cases);
const PER_KIND = Number(args['per-kind']);
const BATCH = Number(args.batch);
const SEED = Number(args.seed);
const BUDGET_MS = Number(args['budget-seconds']) * 1000;
const TODAY = '2026-06-01'; // fixed, so a reused database holds the same cases
const SINCE = '2025-06-01'; // the 12-month window
const OPEN = ['submitted', 'needs-information', 'accepted'];
const started = performance.now();
const out = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const dataDir = path.join(tmpdir(), `marac-bench-${url ? args.schema : 'pglite'}`);
  if (!args.reuse) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const db: Db = url
    ? await openPostgresDb({ connectionString: url, schema: args.schema, maxConnections: 2 })
    : await openPgliteDb(path.join(dataDir, 'pgdata'));
  out(`store: ${url ? `PostgreSQL server, schema ${args.schema}` : `PGlite in ${dataDir}`}`);
  try {
    await run(db, dataDir);
  } finally {
    if (url && !args.keep) await db.query(`DROP SCHEMA ${args.schema} CASCADE`);
    await db.close();
    if (!args.keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

async function run(db: Db, dataDir: string): Promise<void> {
  const fresh = !args.reuse || !existsSync(path.join(dataDir, 'keys'));
  if (fresh && db.kind === 'postgres') {
    await db.exec(`DROP SCHEMA IF EXISTS ${args.schema} CASCADE; CREATE SCHEMA ${args.schema}`);
  }
  await ensureSchema(db);
  const kek = await LocalFileKek.open(dataDir);
  const cipher = new FieldCipher({ db, kek });
  const indexer = await BlindIndexer.load(db, kek);
  const fixture = (await readFixture(db)) ?? (await addFixture(db, cipher, indexer));

  const already = Number(
    (await db.query<{ n: string }>('SELECT count(*)::text AS n FROM referral')).rows[0]!.n,
  );
  const seedMs = await seed(db, fixture, kek, indexer, already);
  const total = Number(
    (await db.query<{ n: string }>('SELECT count(*)::text AS n FROM referral')).rows[0]!.n,
  );
  await verifyForms(db, cipher);
  await report(db);
  await checks(db, fixture, indexer, total, seedMs);
}

async function seed(
  db: Db,
  fixture: Fixture,
  kek: LocalFileKek,
  indexer: BlindIndexer,
  from: number,
): Promise<number | null> {
  if (from >= N) {
    out(`reusing ${from} seeded cases`);
    return null;
  }
  const t0 = performance.now();
  let lastReport = t0;
  let pending: Promise<void> | null = null;
  out(`seeding cases ${from}..${N} in batches of ${BATCH}`);
  for (let i = from; i < N; i += BATCH) {
    const batch = await buildBatch(
      { seed: SEED, today: TODAY, fixture, kek, indexer },
      i,
      Math.min(N, i + BATCH),
    );
    await pending;
    // Building the next batch overlaps the server's work on this one.
    pending = db.transaction((tx) => insertBatch(tx, fixture, batch, db.kind === 'postgres', i));
    const now = performance.now();
    if (now - lastReport > 10_000) {
      const rate = (i - from) / ((now - t0) / 1000);
      out(`  ${i} cases, ${Math.round(rate)}/s, about ${seconds(((N - i) / rate) * 1000)} to go`);
      lastReport = now;
    }
    if (now - started > BUDGET_MS) {
      out(`  time budget spent: stopping the seeding at ${i + BATCH} cases`);
      break;
    }
  }
  await pending;
  // The bulk insert bypasses writeVictimTerms: count the name words once, as a re-index does.
  await recountVictimTerms(db);
  const inserted = performance.now() - t0;
  out(`seeded in ${seconds(inserted)}; VACUUM ANALYZE...`);
  const v0 = performance.now();
  // One statement each: VACUUM refuses to run inside the implicit transaction of a script.
  for (const table of ['marac_case', 'referral', 'victim_term', 'victim_term_count', 'data_key'])
    await db.query(`VACUUM ANALYZE ${table}`);
  out(`VACUUM ANALYZE in ${seconds(performance.now() - v0)}`);
  return inserted;
}

/** A few forms decrypt with the app's FieldCipher and parse as referral forms. */
async function verifyForms(db: Db, cipher: FieldCipher): Promise<void> {
  const { rows } = await db.query<{ id: string; case_id: string; form: string }>(
    'SELECT id, case_id, form FROM referral ORDER BY reference LIMIT 3',
  );
  for (const row of rows) {
    const ref = {
      keyOwner: `case:${row.case_id}`,
      table: 'referral',
      column: 'form',
      rowId: row.id,
    };
    referralFormSchema.parse(JSON.parse(await cipher.decrypt(ref, row.form)));
  }
  out(`${rows.length} sample forms decrypt with FieldCipher and parse as referral forms`);
}

async function report(db: Db): Promise<void> {
  const { rows } = await db.query<{ name: string; rows: string; size: string }>(
    `SELECT c.relname AS name, c.reltuples::bigint::text AS rows, pg_size_pretty(pg_total_relation_size(c.oid)) AS size
     FROM pg_class c WHERE c.relname IN ('referral', 'victim_term', 'marac_case', 'data_key', 'victim_term_lookup', 'victim_term_pkey')
       AND c.relnamespace = to_regnamespace(current_schema()) ORDER BY c.relname`,
  );
  for (const r of rows) out(`  ${r.name}: ${r.rows} rows, ${r.size}`);
}

type Check = {
  victim: Parameters<typeof victimTerms>[1];
  /** The seeded referral the victim is (`same`) or only looks like (`stranger`). */
  target: string;
  kind: PairKind;
};

/**
 * The labelled pairs: for each kind, seeded victims (open and referred within the window, so the
 * check should see them) written as the kind says. Same victims PER_KIND per kind, strangers
 * twice as many.
 */
async function planChecks(db: Db, total: number): Promise<Check[]> {
  const r = prng(SEED + 2);
  const wanted: { i: number; kind: PairKind; victim: Check['victim'] }[] = [];
  for (const kind of [...SAME_KINDS, ...STRANGER_KINDS]) {
    const count = isSame(kind) ? PER_KIND : PER_KIND * 2;
    for (let n = 0, tries = 0; n < count && tries < count * 500; tries++) {
      const i = Math.floor(r() * total);
      const c = syntheticCase(SEED, i, TODAY, AREAS, AGENCIES);
      if (!OPEN.includes(c.status) || c.referredOn < SINCE) continue; // would rightly not be found
      const victim = VARY[kind](c.victim, r);
      if (!victim) continue;
      wanted.push({ i, kind, victim });
      n++;
    }
  }
  const { rows } = await db.query<{ reference: string; id: string }>(
    'SELECT reference, id FROM referral WHERE reference = ANY ($1::text[])',
    [wanted.map((w) => `BENCH-${w.i}`)],
  );
  const ids = new Map(rows.map((row) => [row.reference, row.id]));
  const list = wanted.flatMap((w) => {
    const target = ids.get(`BENCH-${w.i}`);
    return target ? [{ victim: w.victim, target, kind: w.kind }] : [];
  });
  // Shuffled, so no kind meets a warmer or colder cache than another.
  for (let k = list.length - 1; k > 0; k--) {
    const j = Math.floor(r() * (k + 1));
    [list[k], list[j]] = [list[j]!, list[k]!];
  }
  return list;
}

interface Tally {
  pairs: number;
  possible: number;
  likely: number;
}

async function checks(
  db: Db,
  fixture: Fixture,
  indexer: BlindIndexer,
  total: number,
  seedMs: number | null,
): Promise<void> {
  const list = await planChecks(db, total);
  const input = (c: Check) => ({
    partnershipId: fixture.partnershipId,
    terms: victimTerms(indexer, c.victim),
    sinceDate: SINCE,
    statuses: OPEN,
  });
  for (const c of list.slice(0, 20)) await findCandidates(db, input(c)); // warm-up, not timed
  const times: number[] = [];
  const byKind = new Map<PairKind, Tally>();
  const missed: Record<string, number> = {};
  const falseLikely: Record<string, number> = {};
  let [truePositives, likelyFlags, candidates, foundFirst] = [0, 0, 0, 0];
  const slowest = { ms: 0, check: list[0]! };
  const t0 = performance.now();
  for (const c of list) {
    const s = performance.now();
    const found = await findCandidates(db, input(c));
    times.push(performance.now() - s);
    if (times.at(-1)! > slowest.ms) Object.assign(slowest, { ms: times.at(-1)!, check: c });
    candidates += found.length;
    likelyFlags += found.filter((f) => f.likely).length;
    const tally = byKind.get(c.kind) ?? { pairs: 0, possible: 0, likely: 0 };
    byKind.set(c.kind, tally);
    tally.pairs++;
    const hit = found.find((f) => f.referralId === c.target);
    if (isSame(c.kind)) {
      if (hit) tally.possible++;
      if (hit?.likely) {
        tally.likely++;
        truePositives++;
      }
      if (found[0]?.referralId === c.target) foundFirst++;
      if (!hit) {
        const why = `${c.kind}: not possible`;
        missed[why] = (missed[why] ?? 0) + 1;
      }
    } else {
      // A stranger is a false alarm when anyone is flagged: the look-alike or another case.
      if (found.length > 0) tally.possible++;
      const likely = found.filter((f) => f.likely);
      if (likely.length > 0) tally.likely++;
      for (const f of likely) {
        const why = `${c.kind} ${f.referralId === c.target ? 'look-alike' : 'other case'}: ${JSON.stringify(f.evidence)} weight ${f.weight}`;
        falseLikely[why] = (falseLikely[why] ?? 0) + 1;
      }
    }
  }
  const checkMs = performance.now() - t0;
  times.sort((a, b) => a - b);
  const at = (p: number) =>
    times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!.toFixed(2);
  const sum = (kinds: readonly PairKind[]) =>
    kinds.reduce(
      (t, k) => {
        const one = byKind.get(k) ?? { pairs: 0, possible: 0, likely: 0 };
        return {
          pairs: t.pairs + one.pairs,
          possible: t.possible + one.possible,
          likely: t.likely + one.likely,
        };
      },
      { pairs: 0, possible: 0, likely: 0 },
    );
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
  const same = sum(SAME_KINDS);
  const strangers = sum(STRANGER_KINDS);
  out('');
  out(
    `cases: ${total}${seedMs === null ? ' (reused)' : ` (seeded in ${seconds(seedMs)}, ${Math.round(total / (seedMs / 1000))}/s)`}`,
  );
  out(`checks: ${times.length} in ${seconds(checkMs)} (after 20 untimed warm-up checks)`);
  out(`latency ms: p50 ${at(50)}  p95 ${at(95)}  p99 ${at(99)}  max ${times.at(-1)!.toFixed(2)}`);
  out('');
  out('| pairs | kind | found as possible | found as likely |');
  out('| ---: | --- | ---: | ---: |');
  for (const kind of SAME_KINDS) {
    const t = byKind.get(kind);
    if (t)
      out(`| ${t.pairs} | ${kind} | ${pct(t.possible, t.pairs)} | ${pct(t.likely, t.pairs)} |`);
  }
  out('');
  out('| pairs | stranger | flagged possible | flagged likely |');
  out('| ---: | --- | ---: | ---: |');
  for (const kind of STRANGER_KINDS) {
    const t = byKind.get(kind);
    if (t)
      out(`| ${t.pairs} | ${kind} | ${pct(t.possible, t.pairs)} | ${pct(t.likely, t.pairs)} |`);
  }
  out('');
  out(
    `same victim, ${same.pairs} pairs: recall possible ${pct(same.possible, same.pairs)}, likely ${pct(same.likely, same.pairs)}; ranked first ${pct(foundFirst, same.pairs)}`,
  );
  out(
    `strangers, ${strangers.pairs} pairs: false alarms possible ${pct(strangers.possible, strangers.pairs)}, likely ${pct(strangers.likely, strangers.pairs)}`,
  );
  out(
    `likely precision: ${pct(truePositives, likelyFlags)} (${truePositives} of ${likelyFlags} likely flags are the same victim)`,
  );
  if (Object.keys(missed).length) out(`missed: ${JSON.stringify(missed)}`);
  for (const [why, n] of Object.entries(falseLikely)) out(`stranger flagged likely (${n}): ${why}`);
  out(`candidates per check: ${(candidates / Math.max(1, times.length)).toFixed(1)} on average`);
  if (args.explain) await explain(db, input(slowest.check), slowest.ms);
}

async function explain(
  db: Db,
  input: Parameters<typeof candidateQuery>[0],
  ms: number,
): Promise<void> {
  const query = candidateQuery(input)!;
  const { rows } = await db.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`,
    query.params,
  );
  out(`EXPLAIN (ANALYZE, BUFFERS) of the slowest check (${ms.toFixed(2)} ms when timed):`);
  for (const row of rows) out(`  ${row['QUERY PLAN']}`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
