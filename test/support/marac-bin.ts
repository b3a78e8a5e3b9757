import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyMigratedCluster } from './pglite-template.js';

export interface BinResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `bin/marac.mjs` as an operator runs it, on PGlite in a data folder of its own (a copy of the
 * migrated cluster, no demo data), for the jest file that calls this: `run(args)` gives the exit
 * code and both outputs. A PostgreSQL DATABASE_URL of the test run is not passed on.
 */
export function maracBinInOwnFolder(prefix: string): (args: string[]) => Promise<BinResult> {
  let dataDir = '';
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), prefix));
    await copyMigratedCluster(path.join(dataDir, 'pgdata'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  return (args) => {
    const { DATABASE_URL: _server, ...env } = process.env;
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ['bin/marac.mjs', ...args],
        { env: { ...env, MARAC_DATA_DIR: dataDir, MARAC_SEED_DEMO: 'false' } },
        (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
  };
}
