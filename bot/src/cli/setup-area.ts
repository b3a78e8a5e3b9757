import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Db } from '../db/db.js';
import {
  setUpArea,
  type AreaSetup,
  type AreaSetUp,
  type AreaSetupOutcome,
} from '../store/sql-area-setup.js';
import { parseAreaFile } from './area-file.js';

/**
 * `npx marac setup-area`: the first area of a new deployment (or another area of a partnership),
 * from a JSON file, in one transaction. It prints ids, counts and the area's name and code, never
 * a person's name or address: a terminal's output ends up in tickets and deployment logs.
 */
export interface CommandOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export const SETUP_AREA_USAGE = `Usage: npx marac setup-area --file <area.json> [--dry-run] [--json]

Sets up a MARAC area from a file: its partnership (reused when one of that name exists), its
agencies with their core reps and deputies, and its staff with their roles (at least one
coordinator). See infra/area.example.json and the README.
  --dry-run  check the file against the store and say what would be set up; write nothing
  --json     print {"ok":true,"dryRun","areaId","partnershipId","area","created","reused"}
             or {"ok":false,"problems":[...]}
Exits 0 when set up, 1 when the store already holds the area (nothing changed), 2 on a bad
command line or file (nothing written).
`;

export interface SetupAreaRequest {
  setup: AreaSetup;
  dryRun: boolean;
  json: boolean;
}

function failed(exitCode: number, problems: string[], json: boolean, heading: string) {
  const stderr = `${heading}\n${problems.map((p) => `  ${p}\n`).join('')}`;
  const stdout = json ? `${JSON.stringify({ ok: false, problems })}\n` : '';
  return { exitCode, stdout, stderr };
}

function readArgs(argv: string[]) {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        file: { type: 'string' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    });
    return values;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const option = /'(-[^' ]+)/.exec((error as Error).message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `${option}: unknown option`;
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return 'give the file after --file';
    return '--file: give the path of the area file';
  }
}

/**
 * Reads the command line and the file, before any store is opened: a bad file is refused
 * without a migration, a key or a row written. Returns what to run, or what to print.
 */
export async function prepareSetupArea(argv: string[]): Promise<SetupAreaRequest | CommandOutput> {
  const json = argv.includes('--json');
  const args = readArgs(argv);
  if (typeof args === 'string')
    return { exitCode: 2, stdout: '', stderr: `${args}\n\n${SETUP_AREA_USAGE}` };
  if (args.help) return { exitCode: 0, stdout: SETUP_AREA_USAGE, stderr: '' };
  if (!args.file)
    return {
      exitCode: 2,
      stdout: '',
      stderr: `--file: give the path of the area file\n\n${SETUP_AREA_USAGE}`,
    };
  let text: string;
  try {
    text = await readFile(args.file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'ENOENT' ? 'there is no such file' : 'it cannot be read';
    return failed(2, [`--file: ${why}; check the path`], json, `${args.file}: nothing written.`);
  }
  const parsed = parseAreaFile(text);
  if (!parsed.ok) {
    const count = parsed.problems.length;
    const heading = `${args.file} has ${count} problem${count === 1 ? '' : 's'} to put right; nothing was written:`;
    return failed(2, parsed.problems, json, heading);
  }
  return { setup: parsed.setup, dryRun: args['dry-run'] === true, json };
}

/** Thrown to roll back a dry run (once it has done all a real run does) and a refusal. */
class Rollback extends Error {
  constructor(readonly outcome: AreaSetupOutcome) {
    super('setup-area: rolled back');
  }
}

/**
 * Runs the setup in one transaction. A dry run runs it all (so the store's checks and the
 * counts are the real ones) and rolls back; so does a refusal, which wrote nothing anyway.
 */
export async function runSetupArea(
  db: Db,
  crypto: AppCrypto,
  request: SetupAreaRequest,
): Promise<CommandOutput> {
  let outcome: AreaSetupOutcome;
  try {
    outcome = await db.transaction(async (tx) => {
      const result = await setUpArea(tx, crypto, request.setup);
      if (request.dryRun || result.kind === 'refused') throw new Rollback(result);
      return result;
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    outcome = error.outcome;
  }
  if (outcome.kind === 'refused')
    return failed(
      1,
      outcome.problems,
      request.json,
      'The area was not set up; nothing was changed:',
    );
  return {
    exitCode: 0,
    stdout: request.json ? jsonSummary(outcome, request) : textSummary(outcome, request),
    stderr: '',
  };
}

function jsonSummary(done: AreaSetUp, request: SetupAreaRequest): string {
  const { name, code } = request.setup.area;
  return `${JSON.stringify({
    ok: true,
    dryRun: request.dryRun,
    areaId: request.dryRun ? null : done.areaId,
    partnershipId: request.dryRun && done.partnership === 'created' ? null : done.partnershipId,
    area: { name, code },
    created: {
      partnership: done.partnership === 'created',
      agencies: done.agencies.created,
      people: done.people.created,
      roles: done.roles,
      reps: done.reps,
    },
    reused: {
      partnership: done.partnership === 'reused',
      agencies: done.agencies.reused,
      people: done.people.reused,
    },
  })}\n`;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function textSummary(done: AreaSetUp, request: SetupAreaRequest): string {
  const { name, code } = request.setup.area;
  const partnership =
    done.partnership === 'created'
      ? 'a new partnership'
      : `the existing partnership ${done.partnershipId}`;
  const lines = [
    request.dryRun
      ? `Dry run: nothing was written. The file would set up the area "${name}" (${code}) in ${partnership}:`
      : `The area "${name}" (${code}) is set up, id ${done.areaId}, in ${partnership}:`,
    `  agencies  ${count(done.agencies.created, 'new agency', 'new agencies')}, ${count(done.agencies.reused, 'already in the partnership', 'already in the partnership')}`,
    `  people    ${count(done.people.created, 'new person', 'new people')}, ${count(done.people.reused, 'already known', 'already known')}`,
    `  roles     ${count(done.roles, 'staff role')}, ${count(done.reps, 'rep place')} (core reps and deputies)`,
  ];
  if (!request.dryRun)
    lines.push(
      'The coordinators can now sign in to the MARAC tab with the addresses in the file and set up the rest there.',
    );
  return `${lines.join('\n')}\n`;
}
