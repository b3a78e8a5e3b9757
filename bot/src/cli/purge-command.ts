import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Db } from '../db/db.js';
import { runPurge, type PurgeReport } from '../jobs/purge.js';

export const PURGE_USAGE = `Usage: npx marac purge [--dry-run] [--json]

Erases the cases and meeting records past their area's retention (set per area; six years after
a case's last MARAC unless the area says otherwise), as the nightly job does, and destroys the
retention keys of quarters now empty, so that no backup can read what was erased.
  --dry-run  list what would be erased (ids, references, dates and counts); change nothing
  --json     print the report as JSON
`;

export interface PurgeCommandDeps {
  db: Db;
  crypto: AppCrypto;
  now?: () => Date;
  mailOutboxDir: string | null;
}

/** `npx marac purge`: prints ids, references, dates and counts, never a name. */
export async function purgeCommand(
  deps: PurgeCommandDeps,
  argv: string[],
): Promise<{ exitCode: number; stdout: string; stderr?: string }> {
  let values: { 'dry-run'?: boolean; json?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { exitCode: 2, stdout: '', stderr: `${(error as Error).message}\n\n${PURGE_USAGE}` };
  }
  const report = await runPurge(
    {
      db: deps.db,
      crypto: deps.crypto,
      now: deps.now ?? (() => new Date()),
      mailOutboxDir: deps.mailOutboxDir,
      correlationId: `cli-purge-${randomUUID()}`,
    },
    { dryRun: values['dry-run'] === true },
  );
  return { exitCode: 0, stdout: values.json ? JSON.stringify(report) : describe(report) };
}

function describe(report: PurgeReport): string {
  const { counts } = report;
  const lines = [
    report.dryRun
      ? `Dry run on ${report.today}: nothing was changed.`
      : `Purge on ${report.today}.`,
    `${report.dryRun ? 'Would erase' : 'Erased'} ${counts.cases} case(s) (${counts.referrals} referral(s)) and the records of ${counts.meetings} meeting(s).`,
  ];
  for (const c of report.cases)
    lines.push(`  case ${c.caseId} (${c.references.join(', ') || 'no referral'}), due ${c.due}`);
  for (const m of report.meetings) lines.push(`  meeting ${m.meetingId}, due ${m.due}`);
  lines.push(
    `${report.dryRun ? 'Retention keys that would be destroyed' : 'Retention keys destroyed'}: ${report.keys.length}.`,
  );
  for (const k of report.keys) {
    const note =
      k.state === 'recoverable'
        ? ` (deleted; Key Vault keeps it recoverable until ${k.until ?? 'its scheduled purge date'})`
        : '';
    lines.push(`  ${k.period}${note}`);
  }
  if (counts.refiled > 0)
    lines.push(
      `${report.dryRun ? 'Data keys to re-file' : 'Data keys re-filed'} under a later or earlier retention period: ${counts.refiled}.`,
    );
  return lines.join('\n');
}
