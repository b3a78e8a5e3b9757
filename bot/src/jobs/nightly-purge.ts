import type { Logger } from 'pino';
import { londonDateOf, londonTimeOf } from '#core/calendar/london-time.js';
import type { Db } from '../db/db.js';
import type { PurgeReport } from './purge.js';

export interface NightlyPurgeOptions {
  db: Db;
  now: () => Date;
  log: Logger;
  /** The purge itself (runPurge with the app's deps). */
  purge: () => Promise<PurgeReport>;
  /** London wall-clock time from which the night's run may start. */
  from?: string;
  /** How often to look (the run itself happens once a London day). */
  everyMs?: number;
}

export interface NightlyPurge {
  /** Runs the purge if tonight's has not run yet and it is time; true if it ran. */
  tick(): Promise<boolean>;
  stop(): Promise<void>;
}

/** A run that started this long ago and never finished (its instance stopped) may be taken over. */
const TAKE_OVER_AFTER = '1 hour';

/**
 * The nightly purge, once per London day from 02:00 (a quiet hour, after midnight's date change
 * in both GMT and BST), on one app instance: the first to claim the day's `purge_run` row runs
 * it. A run that fails leaves its row unfinished, and is tried again an hour later. The purge is
 * safe to run twice (each erasure re-checks what it erases), so the row only saves the work.
 */
export function startNightlyPurge(options: NightlyPurgeOptions): NightlyPurge {
  const { db, now, log } = options;
  const from = options.from ?? '02:00';
  let running: Promise<boolean> | null = null;
  let stopped = false;

  async function run(): Promise<boolean> {
    const at = now();
    if (londonTimeOf(at) < from) return false;
    const day = londonDateOf(at);
    const claimed = await db.query(
      `INSERT INTO purge_run (day, started_at) VALUES ($1, $2)
       ON CONFLICT (day) DO UPDATE SET started_at = excluded.started_at
        WHERE purge_run.finished_at IS NULL
          AND purge_run.started_at < excluded.started_at - interval '${TAKE_OVER_AFTER}'
       RETURNING day`,
      [day, at],
    );
    if (claimed.rows.length === 0) return false;
    const report = await options.purge();
    await db.query(
      `UPDATE purge_run SET finished_at = $2, erased_cases = $3, erased_meetings = $4,
              destroyed_keys = $5 WHERE day = $1`,
      [day, now(), report.counts.cases, report.counts.meetings, report.keys.length],
    );
    log.info(
      { cases: report.counts.cases, meetings: report.counts.meetings, keys: report.keys.length },
      'nightly purge done',
    );
    return true;
  }

  const tick = () => {
    if (stopped) return Promise.resolve(false);
    running ??= run()
      .catch((error: unknown) => {
        log.error({ code: (error as Error).name }, 'nightly purge failed');
        return false;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), options.everyMs ?? 15 * 60_000);
  timer.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
