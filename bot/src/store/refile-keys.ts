import type { AppCrypto } from '../crypto/app-crypto.js';
import { caseGroup } from '../crypto/retention-rule.js';
import type { Queryable } from '../db/db.js';

/*
 * A change that moves when records fall due (a case listed for a later meeting, a repeat
 * referral, a merge, a meeting moved) re-wraps their data keys under the period they now fall
 * due in, in the same transaction: a backup taken afterwards holds them under that period's key.
 * The purge re-files every key again before it destroys any (purge.ts), for what no write
 * announces (an area's retention changed).
 */

/** Re-files the data keys of these cases and every case tied to them. */
export async function refileCases(
  q: Queryable,
  crypto: AppCrypto,
  caseIds: readonly string[],
): Promise<void> {
  const done = new Set<string>();
  for (const caseId of new Set(caseIds)) {
    if (done.has(caseId)) continue;
    for (const member of await caseGroup(q, caseId)) {
      done.add(member);
      await crypto.cipher.refile(q, `case:${member}`);
    }
  }
}

/** Re-files a meeting's own key, and the keys of the cases listed for it. */
export async function refileMeeting(
  q: Queryable,
  crypto: AppCrypto,
  meetingId: string,
): Promise<void> {
  await crypto.cipher.refile(q, `meeting:${meetingId}`);
  const listed = await q.query<{ case_id: string }>(
    `SELECT case_id::text AS case_id FROM referral WHERE meeting_id = $1
     UNION SELECT case_id::text FROM meeting_case WHERE meeting_id = $1`,
    [meetingId],
  );
  await refileCases(
    q,
    crypto,
    listed.rows.map((r) => r.case_id),
  );
}
