import { parseArgs } from 'node:util';
import { parseQuarter, QUARTER_WORDS } from '#core/reporting/quarter.js';
import { readDataReturn } from '#core/reporting/read-data-return.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Db } from '../db/db.js';
import { areaCodes, areaIdOfCode } from '../store/record-area.js';
import { sqlUnitOfWork } from '../store/unit-of-work.js';
import { dataReturnCsv } from '#core/reporting/data-return-csv.js';
import { dataReturnText } from './data-return-text.js';

/**
 * `npx marac data-return --area <code> --quarter 2027-Q1 [--json|--csv]`: the area's quarterly
 * SafeLives MARAC data return, computed from the record. The operator gets the drill-down (the
 * case references behind each figure) in JSON and CSV; no output holds a person's name. The read
 * is audited as the system's.
 */
export interface CommandOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export const DATA_RETURN_USAGE = `Usage: npx marac data-return --area <code> --quarter <YYYY-Qn> [--json | --csv]

The area's quarterly SafeLives MARAC data return, computed from the meetings' records: cases
heard, repeats, children, referrals by agency, and the victims and perpetrators SafeLives asks
about, for each meeting of the quarter (by its date in London) and in total.
  --area     the area's code, as referral references start (NBW)
  --quarter  ${QUARTER_WORDS}
  --json     the whole return, with the case references behind each figure
  --csv      one row per figure of the quarter and of each meeting, with a header (RFC 4180)
Exits 0 with the return, 2 on a bad command line or an area code that names no area.
`;

export interface DataReturnRequest {
  code: string;
  quarter: string;
  format: 'text' | 'json' | 'csv';
}

const usage = (problem: string): CommandOutput => ({
  exitCode: 2,
  stdout: '',
  stderr: `${problem}\n\n${DATA_RETURN_USAGE}`,
});

function readArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        area: { type: 'string' },
        quarter: { type: 'string' },
        json: { type: 'boolean' },
        csv: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const option = /'(-[^' ]+)/.exec((error as Error).message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `${option}: unknown option`;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option)
      return `${option}: give a value after it`;
    return 'the command line has a word that is not an option: give --area and --quarter';
  }
}

/** Reads and checks the command line before any store is opened. */
export function prepareDataReturn(argv: string[]): DataReturnRequest | CommandOutput {
  const args = readArgs(argv);
  if (typeof args === 'string') return usage(args);
  if (args.help) return { exitCode: 0, stdout: DATA_RETURN_USAGE, stderr: '' };
  if (args.json && args.csv) return usage('--csv: give --json or --csv, not both');
  if (!args.area) return usage('--area: give the area code, such as NBW');
  if (!/^[A-Z]{2,8}$/.test(args.area))
    return usage(
      `--area: expected an area code of 2 to 8 capital letters, such as NBW (got ${JSON.stringify(args.area)})`,
    );
  if (!args.quarter) return usage(`--quarter: give ${QUARTER_WORDS}`);
  if (!parseQuarter(args.quarter))
    return usage(`--quarter: expected ${QUARTER_WORDS} (got ${JSON.stringify(args.quarter)})`);
  const format = args.json ? 'json' : args.csv ? 'csv' : 'text';
  return { code: args.area, quarter: args.quarter, format };
}

/** Computes the return on the store and prints it in the format asked for. */
export async function runDataReturn(
  db: Db,
  crypto: AppCrypto,
  request: DataReturnRequest,
): Promise<CommandOutput> {
  const areaId = await areaIdOfCode(db, request.code);
  if (!areaId) {
    const codes = await areaCodes(db);
    const known = codes.length > 0 ? `the areas are ${codes.join(', ')}` : 'no area has a code yet';
    return usage(`--area: no area has the code ${request.code}; ${known}`);
  }
  const answer = await readDataReturn(
    { uow: sqlUnitOfWork(db, crypto) },
    { areaId, quarter: request.quarter, references: true },
  );
  const stdout =
    request.format === 'json'
      ? `${JSON.stringify(answer, null, 2)}\n`
      : request.format === 'csv'
        ? dataReturnCsv(answer)
        : dataReturnText(answer);
  return { exitCode: 0, stdout, stderr: '' };
}
