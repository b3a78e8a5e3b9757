/**
 * The meeting benchmark's app, in a process of its own so that the fifty clients' work cannot
 * slow the server they measure (and its CPU can be told apart): the real app (`startApp`, local
 * mode, demo data, a fresh data folder; PostgreSQL in the schema `MARAC_BENCH_SCHEMA` when
 * DATABASE_URL is set), its demo area grown to `MARAC_BENCH_AGENCIES` agencies with a core rep
 * and a deputy each, and `MARAC_BENCH_CASES` cases accepted onto its next meeting. Its clock is
 * then set to five minutes after that meeting starts, as on the day. Sends `{ url, meetingId,
 * repEmails }` over IPC when ready; answers `{ id, ask: 'cpu' }` with the process's CPU time in
 * ms; stops (and removes its data) when the IPC channel closes.
 */
import { growAreaWithReps, acceptBenchCases } from './bench-partnership.js';
import { startApp } from '../../test/support/start-app.js';

const url = process.env.DATABASE_URL;
let offsetMs = 0;
const app = await startApp({
  now: () => new Date(Date.now() + offsetMs),
  env: {
    RATE_LIMIT_PER_MINUTE: '100000',
    ...(url ? { DATABASE_URL: url, DATABASE_SCHEMA: process.env.MARAC_BENCH_SCHEMA! } : {}),
  },
});
const area = (
  await app.db.query<{ id: string; partnership_id: string }>(
    `SELECT id, partnership_id FROM area WHERE name = 'Northbrook and Wellfield'`,
  )
).rows[0]!;
const repEmails = await growAreaWithReps(
  app.db,
  app.services.crypto,
  area,
  Number(process.env.MARAC_BENCH_AGENCIES),
);
const meetingId = await acceptBenchCases(app.db, app.services.crypto, {
  areaId: area.id,
  cases: Number(process.env.MARAC_BENCH_CASES),
  now: new Date(),
});
await app.services.drainOutbox();
const startsAt = (
  await app.db.query<{ starts_at: Date }>('SELECT starts_at FROM meeting WHERE id = $1', [
    meetingId,
  ])
).rows[0]!.starts_at;
offsetMs = new Date(startsAt).getTime() + 5 * 60_000 - Date.now();

process.on('message', (message: { id: number; ask: 'cpu' }) => {
  const { user, system } = process.cpuUsage();
  process.send!({ id: message.id, result: (user + system) / 1000 });
});
process.on('disconnect', () => void app.stop().then(() => process.exit(0)));
process.send!({ url: app.url, meetingId, repEmails });
