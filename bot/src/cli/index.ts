import { ConfigError, loadConfig } from '../config/config.js';
import { seedDemo } from '../demo/seed-demo.js';
import { migrate } from '../store/migrate.js';
import { openDb } from '../store/open-db.js';
import { schedulePreview } from './schedule-preview.js';

const USAGE = `Usage: npx marac <command> [options]

Commands:
  migrate            apply database migrations (PGlite under MARAC_DATA_DIR, or DATABASE_URL)
  seed-demo          load the demo partnership (only into an empty store)
  schedule-preview   list meetings and deadlines for a cadence (see --help of the command)
  help               this text
`;

async function withDb<T>(work: (db: Awaited<ReturnType<typeof openDb>>) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  const db = await openDb(config.store);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** Runs one operator command; returns the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const json = rest.includes('--json');
  try {
    switch (command) {
      case 'migrate': {
        const applied = await withDb(migrate);
        console.log(json ? JSON.stringify({ applied }) : applied.length ? `Applied: ${applied.join(', ')}` : 'Up to date.');
        return 0;
      }
      case 'seed-demo': {
        const seeded = await withDb(async (db) => {
          await migrate(db);
          return seedDemo(db);
        });
        console.log(json ? JSON.stringify({ seeded }) : seeded ? 'Demo data loaded.' : 'The store already has a partnership; nothing loaded.');
        return 0;
      }
      case 'schedule-preview': {
        const result = schedulePreview(rest);
        if (result.stdout) process.stdout.write(result.stdout);
        if (result.stderr) process.stderr.write(result.stderr);
        return result.exitCode;
      }
      case undefined:
      case 'help':
      case '--help':
        console.log(USAGE);
        return command === undefined ? 2 : 0;
      default:
        console.error(`Unknown command "${command}".\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : `marac ${command}: ${(error as Error).message}`);
    return 1;
  }
}
