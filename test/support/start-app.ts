import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import type { CalendarPort } from '#core/ports/calendar.js';
import type { MailPort } from '#core/ports/mail.js';
import { loadConfig } from '../../bot/src/config/config.js';
import { startApp as start, type RunningApp } from '../../bot/src/main.js';
import { copyMigratedCluster } from './pglite-template.js';

export interface TestApp extends RunningApp {
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The real app on a random loopback port, in local mode, with demo data, in a fresh data folder.
 * PGlite in memory is not used: the app opens its data folder exactly as `npm start` does.
 */
export async function startApp(
  options: {
    env?: Record<string, string>;
    calendar?: CalendarPort;
    mail?: MailPort;
    now?: () => Date;
    /** The data folder of an app closed before: a restart on the same data. */
    dataDir?: string;
  } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'marac-test-'));
  const onServer = Boolean(options.env?.DATABASE_URL);
  if (!options.dataDir && !onServer) await copyMigratedCluster(path.join(dataDir, 'pgdata'));
  const smime = path.join(dataDir, 'demo', 'smime');
  if (existsSync(DEMO_SMIME_CACHE)) cpSync(DEMO_SMIME_CACHE, smime, { recursive: true });
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    MARAC_DATA_DIR: dataDir,
    MARAC_TAB_DIR: path.resolve('tab/dist'),
    // Tests count the referrals they make; the demo's own come only where a test asks for them.
    MARAC_DEMO_REFERRALS: 'false',
    // The demo's meeting today adds referrals too: a test asks for it (with the referrals).
    MARAC_DEMO_MEETING_TODAY: 'false',
    ...options.env,
  });
  const app = await start({
    config,
    log: pino({ level: 'silent' }),
    ...(options.calendar ? { calendar: options.calendar } : {}),
    ...(options.mail ? { mail: options.mail } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  keepDemoKeys(smime);
  return {
    ...app,
    dataDir,
    async stop() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The demo reps' S/MIME keys take a second or two to make; the test apps share one set (the app
 * reuses keys it finds in date, and makes new ones otherwise), copied into each fresh data folder.
 */
const DEMO_SMIME_CACHE = path.join(tmpdir(), 'marac-test-demo-smime-v1');

function keepDemoKeys(made: string): void {
  if (existsSync(DEMO_SMIME_CACHE) || !existsSync(made)) return;
  const staging = mkdtempSync(path.join(tmpdir(), 'marac-test-demo-smime-'));
  cpSync(made, path.join(staging, 'smime'), { recursive: true });
  try {
    renameSync(path.join(staging, 'smime'), DEMO_SMIME_CACHE); // another worker may win: fine
  } catch {
    // kept by another test worker already
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Signs in through the development sign-in and returns a fetch bound to the token. */
export async function signIn(app: { url: string }, email: string) {
  const response = await fetch(`${app.url}/api/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  return (route: string, init: RequestInit = {}) =>
    fetch(`${app.url}${route}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...init.headers,
      },
    });
}
