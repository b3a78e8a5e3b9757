import path from 'node:path';
import { auditVerifyCommand } from '../audit/audit-verify-command.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { openAppCrypto, openKek } from '../crypto/app-crypto.js';
import { rotateKeys } from '../crypto/rotate-keys.js';
import { seedDemo } from '../demo/seed-demo.js';
import type { Db } from '../db/db.js';
import { migrate } from '../db/migrate.js';
import { openDb } from '../db/open-db.js';
import { prepareDataReturn, runDataReturn } from './data-return.js';
import { purgeCommand } from './purge-command.js';
import { schedulePreview } from './schedule-preview.js';
import { prepareSetupArea, runSetupArea } from './setup-area.js';

const USAGE = `Usage: npx marac <command> [options]

Commands:
  migrate            apply database migrations (PGlite under MARAC_DATA_DIR, or DATABASE_URL)
  seed-demo          load the demo partnership (only into an empty store)
  setup-area         set up an area, its agencies and its staff from a file:
                     --file <area.json> [--dry-run] [--json] (see infra/area.example.json)
  schedule-preview   list meetings and deadlines for a cadence (flags: see README)
  audit-verify       walk the audit log's hash chain and check the signed checkpoint [--json]
  rotate-keys        make a new key-encryption key version and re-wrap every data key [--json]
  data-return        the quarterly SafeLives MARAC data return of an area, from the record:
                     --area <code> --quarter 2027-Q1 [--json | --csv]
  purge              erase cases and meeting records past their area's retention, and destroy
                     the retention keys of emptied quarters [--dry-run] [--json]
  help               this text
`;

interface Output {
  exitCode: number;
  stdout: string;
  stderr?: string;
}

async function withDb(
  work: (db: Db, config: ReturnType<typeof loadConfig>) => Promise<Output>,
): Promise<Output> {
  const config = loadConfig(process.env);
  const db = await openDb(config.store);
  try {
    await migrate(db);
    return await work(db, config);
  } finally {
    await db.close();
  }
}

const commands: Record<string, (args: string[], json: boolean) => Promise<Output>> = {
  migrate: (_args, json) =>
    withDb(async () => ({
      exitCode: 0,
      stdout: json ? JSON.stringify({ ok: true }) : 'Up to date.',
    })),
  'seed-demo': (_args, json) =>
    withDb(async (db, config) => {
      const seeded = await seedDemo(
        db,
        await openAppCrypto(db, { dataDir: config.dataDir, keyVault: config.keyVault }),
        undefined,
        {
          referrals: config.demoReferrals,
          meetingToday: config.demoMeetingToday,
          dataDir: config.dataDir,
        },
      );
      const text = seeded
        ? 'Demo data loaded.'
        : 'The store already has a partnership; nothing loaded.';
      return { exitCode: 0, stdout: json ? JSON.stringify({ seeded }) : text };
    }),
  'setup-area': async (args) => {
    // The file is read and checked before the store is opened: a bad one writes nothing at all.
    const request = await prepareSetupArea(args);
    if ('exitCode' in request) return request;
    return withDb(async (db, config) =>
      runSetupArea(
        db,
        await openAppCrypto(db, { dataDir: config.dataDir, keyVault: config.keyVault }),
        request,
      ),
    );
  },
  'schedule-preview': async (args) => schedulePreview(args),
  'data-return': async (args) => {
    // The command line is checked before the store is opened: a bad flag touches nothing.
    const request = prepareDataReturn(args);
    if ('exitCode' in request) return request;
    return withDb(async (db, config) =>
      runDataReturn(
        db,
        await openAppCrypto(db, { dataDir: config.dataDir, keyVault: config.keyVault }),
        request,
      ),
    );
  },
  'audit-verify': (args) => withDb((db, config) => auditVerifyCommand(db, config.dataDir, args)),
  'rotate-keys': (_args, json) =>
    withDb(async (db, config) => {
      const result = await rotateKeys(
        db,
        await openKek({ dataDir: config.dataDir, keyVault: config.keyVault }),
      );
      const text = `Key-encryption key is now version ${result.version}; ${result.rewrapped} data keys re-wrapped.`;
      return { exitCode: 0, stdout: json ? JSON.stringify(result) : text };
    }),
  purge: (args) =>
    withDb(async (db, config) =>
      purgeCommand(
        {
          db,
          crypto: await openAppCrypto(db, { dataDir: config.dataDir, keyVault: config.keyVault }),
          mailOutboxDir: config.graph.mode === 'local' ? path.join(config.outboxDir, 'mail') : null,
        },
        args,
      ),
    ),
};

/** Runs one operator command; returns the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  const run = commands[command];
  if (!run) {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  try {
    const result = await run(rest, rest.includes('--json'));
    if (result.stdout)
      process.stdout.write(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`);
    if (result.stderr) process.stderr.write(result.stderr);
    return result.exitCode;
  } catch (error) {
    console.error(
      error instanceof ConfigError
        ? error.message
        : `marac ${command}: ${(error as Error).message}`,
    );
    return 1;
  }
}
