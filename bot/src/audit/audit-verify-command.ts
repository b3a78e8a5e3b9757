import type { Db } from '../db/db.js';
import { writeCheckpoint } from './checkpoint.js';
import { verifyAuditChain, type AuditVerification } from './verify.js';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export const AUDIT_VERIFY_USAGE = `Usage: npx marac audit-verify [--json] [--checkpoint]

Walks the audit log's hash chain and checks it against the signed checkpoint.
  --json        print {"ok":true|false,"entries":N,"firstBadEntry":<id or null>}
  --checkpoint  when the log verifies, sign a new checkpoint at its last entry
Exits 0 when the log is intact, 1 when it is not, 2 on a usage error.
`;

const OPTIONS = new Set(['--json', '--checkpoint']);

function render(result: AuditVerification, json: boolean): string {
  if (json) {
    // The id as a JSON number, as monitoring expects; ids stay far below 2^53.
    const firstBadEntry = result.firstBadEntry === null ? null : Number(result.firstBadEntry);
    return `${JSON.stringify({ ok: result.ok, entries: result.entries, firstBadEntry })}\n`;
  }
  return result.ok
    ? `Audit log intact: ${result.entries} entries.\n`
    : `Audit log NOT intact (${result.entries} entries): ${result.reason}\n`;
}

/**
 * `npx marac audit-verify`: returns what to print and the exit code rather than printing, so the
 * CLI and the tests share it. A checkpoint is only ever advanced over a log that has just
 * verified, and only up to the last entry that verification covered.
 */
export async function auditVerifyCommand(
  db: Db,
  dataDir: string | null,
  argv: string[],
): Promise<CommandResult> {
  if (argv.includes('--help')) return { exitCode: 0, stdout: AUDIT_VERIFY_USAGE, stderr: '' };
  const unknown = argv.filter((arg) => !OPTIONS.has(arg));
  if (unknown.length > 0) {
    return {
      exitCode: 2,
      stdout: '',
      stderr: `Unknown option "${unknown[0]}".\n\n${AUDIT_VERIFY_USAGE}`,
    };
  }
  const json = argv.includes('--json');
  const checkpoint = argv.includes('--checkpoint');
  if (checkpoint && !dataDir) {
    return {
      exitCode: 2,
      stdout: '',
      stderr: '--checkpoint needs a data folder (MARAC_DATA_DIR).\n',
    };
  }
  const result = await verifyAuditChain(db, { dataDir });
  let stdout = render(result, json);
  if (!result.ok) return { exitCode: 1, stdout, stderr: '' };
  if (checkpoint && dataDir && result.entries > 0) {
    try {
      // Ids run 1..N with no gaps when the log verifies, so N is the last verified entry.
      await writeCheckpoint(db, dataDir, { upTo: String(result.entries) });
      if (!json) stdout += `Checkpoint signed at entry ${result.entries}.\n`;
    } catch (error) {
      return { exitCode: 1, stdout, stderr: `${(error as Error).message}\n` };
    }
  }
  return { exitCode: 0, stdout, stderr: '' };
}
