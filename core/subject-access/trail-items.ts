import type { AuditTrailEntry } from '../ports/subject-access.js';
import { personWords, type ItemContext } from './meeting-items.js';
import { atInstant, type ReportItem } from './report.js';

/*
 * Who viewed or changed the case, from the audit log: the person and their agency or role, what
 * they did (the log's own code, so nothing is lost in translation) and when. The log holds ids
 * and codes only; the names come from the directory as the PDF is made.
 */

const OUTCOME: Record<string, string> = {
  ok: '',
  denied: ' (refused)',
  failed: ' (failed)',
};

const WHAT: Record<string, string> = {
  referral: 'the referral',
  research: 'research',
  meeting_action: 'an action',
  case: 'the case',
  meeting: "the meeting's papers",
};

/** The case's trail, one line per entry, oldest first; none when the log holds nothing of it. */
export function trailItem(
  ctx: ItemContext,
  entries: readonly AuditTrailEntry[],
  marac: string,
): ReportItem | null {
  if (entries.length === 0) return null;
  return {
    title: 'Who viewed or changed this case',
    providedBy: `${marac} (the app's audit log)`,
    on: atInstant(entries.at(-1)!.at),
    // The names are the professionals', not the person's.
    review: 'third-party',
    fields: entries.map((e) => ({
      label: atInstant(e.at),
      value: `${personWords(ctx, e.actorId) ?? 'The app itself'}: ${e.action} on ${WHAT[e.recordType] ?? e.recordType}${OUTCOME[e.outcome] ?? ` (${e.outcome})`}`,
    })),
  };
}
