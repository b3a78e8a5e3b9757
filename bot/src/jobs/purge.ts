import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { londonDateOf } from '#core/calendar/london-time.js';
import type { LocalDate } from '#core/shared/local-date.js';
import { appendAudit } from '../audit/audit-log.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { KeyDestruction } from '../crypto/retention-keys.js';
import { claimPeriod } from '../crypto/retention-lock.js';
import { periodEnded } from '../crypto/retention-period.js';
import type { Db, Queryable } from '../db/db.js';
import { emlFileName } from '../mail/eml-mail.js';
import { resealMeetingRecords } from '../store/legacy-seals.js';
import { eraseCaseGroup, eraseMeetingRecords, scrubErasedIds } from '../store/sql-erase.js';
import { sqlLivePublisher } from '../store/sql-live.js';
import { expireTransientKeys } from '../store/sql-transient-keys.js';
import {
  planRetention,
  refileAll,
  staleOwners,
  type RetentionPlan,
} from '../store/sql-retention-plan.js';

export interface PurgeDeps {
  db: Db;
  crypto: AppCrypto;
  now: () => Date;
  /** Local mode's mail outbox folder: the copies of erased agendas and minutes leave it too. */
  mailOutboxDir: string | null;
  /** Audited as this correlation id (the CLI's, or the nightly run's). */
  correlationId: string;
}

export interface PurgeReport {
  dryRun: boolean;
  today: LocalDate;
  /** Cases erased (or, in a dry run, due): ids, references and the date they fell due. */
  cases: { caseId: string; references: string[]; due: LocalDate }[];
  /** Meetings whose own records (agendas, action plan, minutes) were erased, or are due. */
  meetings: { meetingId: string; due: LocalDate }[];
  /** Retention keys destroyed (or that would be), and how far. */
  keys: { period: string; state: KeyDestruction['state'] | 'due'; until: string | null }[];
  counts: {
    cases: number;
    referrals: number;
    rows: number;
    meetings: number;
    documents: number;
    outboxFiles: number;
    /** Data keys moved to the period they now fall due in. */
    refiled: number;
    /** Meeting records sealed under the area's key by an older version, now under the meeting's. */
    resealed: number;
  };
}

/**
 * `npx marac purge` and the nightly job: erases what is past keeping, as the areas' retention
 * settings say. Each group of cases and each meeting's records go in a transaction of their own,
 * audited (ids and codes only); then every retention key whose quarter has ended and that wraps
 * nothing any more is destroyed, which makes the erased records unreadable in every backup too.
 * A dry run changes nothing (not even the audit log) and lists what would go.
 */
export async function runPurge(
  deps: PurgeDeps,
  options: { dryRun: boolean },
): Promise<PurgeReport> {
  const today = londonDateOf(deps.now());
  const report: PurgeReport = {
    dryRun: options.dryRun,
    today,
    cases: [],
    meetings: [],
    keys: [],
    counts: {
      cases: 0,
      referrals: 0,
      rows: 0,
      meetings: 0,
      documents: 0,
      outboxFiles: 0,
      refiled: 0,
      resealed: 0,
    },
  };
  if (options.dryRun) return dryRun(deps, report);
  // Keys first: no key is destroyed while a record it wraps is still kept (a longer retention).
  const filed = await fileDataKeys(deps.db, deps.crypto, deps.now);
  report.counts.resealed = filed.resealed;
  report.counts.refiled = filed.refiled;
  const plan = await planRetention(deps.db, today);
  await eraseCases(deps, plan, report);
  await eraseMeetings(deps, plan, report);
  await expireTransientKeys(deps.db, deps.now(), today);
  await destroyKeys(deps, report);
  await deps.db.transaction((tx) => audit(deps, tx, 'retention.purge', 'day', today));
  return report;
}

/**
 * At start (and before each purge): re-seals meeting records an older version sealed under the
 * area's key, and files every case and meeting data key under the period it falls due in.
 */
export async function fileDataKeys(
  db: Db,
  crypto: AppCrypto,
  now: () => Date,
): Promise<{ resealed: number; refiled: number }> {
  const today = londonDateOf(now());
  const resealed = await resealMeetingRecords(db, crypto);
  const refiled = await refileAll(db, crypto, await planRetention(db, today), today);
  return { resealed, refiled };
}

async function eraseCases(deps: PurgeDeps, plan: RetentionPlan, report: PurgeReport) {
  const erasedIds: string[] = [];
  for (const group of plan.dueGroups) {
    const erased = await deps.db.transaction(async (tx) => {
      const references = await referencesOf(tx, group.caseIds);
      const done = await eraseCaseGroup(tx, group.caseIds, report.today);
      if (!done) return null;
      await announceErased(tx, done.meetings);
      for (const caseId of done.caseIds) await audit(deps, tx, 'case.erased', 'case', caseId);
      return { done, references };
    });
    if (!erased) continue;
    for (const caseId of erased.done.caseIds) {
      deps.crypto.cipher.forget(`case:${caseId}`);
      report.cases.push({
        caseId,
        references: erased.references.get(caseId) ?? [],
        due: group.due,
      });
    }
    report.counts.cases += erased.done.caseIds.length;
    report.counts.referrals += erased.done.referrals;
    report.counts.rows += erased.done.rows;
    erasedIds.push(...erased.done.ids);
  }
  report.counts.rows += await deps.db.transaction((tx) => scrubErasedIds(tx, erasedIds));
}

async function eraseMeetings(deps: PurgeDeps, plan: RetentionPlan, report: PurgeReport) {
  for (const meeting of plan.dueMeetings) {
    const erased = await deps.db.transaction(async (tx) => {
      const done = await eraseMeetingRecords(tx, meeting.meetingId, report.today);
      if (!done) return null;
      await announceErased(tx, [meeting.meetingId]);
      await audit(deps, tx, 'meeting.records-erased', 'meeting', meeting.meetingId);
      return done;
    });
    if (!erased) continue;
    deps.crypto.cipher.forget(`meeting:${meeting.meetingId}`);
    report.meetings.push({ meetingId: meeting.meetingId, due: meeting.due });
    report.counts.meetings += 1;
    report.counts.documents += erased.documents;
    report.counts.outboxFiles += await removeOutboxFiles(deps.mailOutboxDir, erased.messageIds);
  }
}

/**
 * A live event on each meeting whose records changed: every app instance drops what it keeps of
 * the meeting's view (meeting-snapshot-cache.ts), so nothing erased is served from memory. The
 * event names the meeting only.
 */
async function announceErased(q: Queryable, meetingIds: readonly string[]): Promise<void> {
  const live = sqlLivePublisher(q);
  for (const meetingId of [...meetingIds].sort())
    await live.publish(`meeting:${meetingId}`, { kind: 'records.erased', ids: { meetingId } });
}

/** In local mode the outbox folder stands for the recipients' mailboxes: their copies go too. */
async function removeOutboxFiles(dir: string | null, messageIds: string[]): Promise<number> {
  if (!dir) return 0;
  let removed = 0;
  for (const id of messageIds) {
    try {
      await unlink(path.join(dir, emlFileName(id)));
      removed += 1;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return removed;
}

/**
 * Destroys each retention key whose period has ended and that wraps no data key: under the
 * period's lock, so no transaction can be wrapping a new data key under it meanwhile.
 */
async function destroyKeys(deps: PurgeDeps, report: PurgeReport) {
  for (const { period, state } of await deps.crypto.retention.periods()) {
    if (!periodEnded(period, report.today)) continue;
    const outcome = await deps.db.transaction(async (tx) => {
      await claimPeriod(tx, period);
      if (await periodInUse(tx, period)) return null;
      const destroyed = await deps.crypto.retention.destroy(period);
      if (
        destroyed.state === 'destroyed' ||
        (destroyed.state === 'recoverable' && state === 'live')
      ) {
        const action =
          destroyed.state === 'destroyed' ? 'retention.key-destroyed' : 'retention.key-deleted';
        await audit(deps, tx, action, 'retention-period', period);
      }
      return destroyed;
    });
    if (!outcome || outcome.state === 'absent') continue;
    report.keys.push({
      period,
      state: outcome.state,
      until: outcome.state === 'recoverable' ? (outcome.until?.toISOString() ?? null) : null,
    });
  }
}

async function periodInUse(q: Queryable, period: string): Promise<boolean> {
  const used = await q.query('SELECT 1 FROM data_key WHERE period = $1 LIMIT 1', [period]);
  return used.rows.length > 0;
}

async function dryRun(deps: PurgeDeps, report: PurgeReport): Promise<PurgeReport> {
  const { db } = deps;
  const plan = await planRetention(db, report.today);
  report.counts.refiled = (await staleOwners(db, plan, report.today)).length;
  const references = await referencesOf(
    db,
    plan.dueGroups.flatMap((g) => g.caseIds),
  );
  const going = new Set<string>();
  for (const group of plan.dueGroups) {
    for (const caseId of group.caseIds) {
      going.add(`case:${caseId}`);
      report.cases.push({ caseId, references: references.get(caseId) ?? [], due: group.due });
    }
    const counted = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM referral WHERE case_id = ANY($1::uuid[])',
      [group.caseIds],
    );
    report.counts.cases += group.caseIds.length;
    report.counts.referrals += counted.rows[0]!.n;
  }
  for (const meeting of plan.dueMeetings) {
    going.add(`meeting:${meeting.meetingId}`);
    report.meetings.push({ meetingId: meeting.meetingId, due: meeting.due });
    report.counts.meetings += 1;
  }
  for (const { period } of await deps.crypto.retention.periods()) {
    if (!periodEnded(period, report.today)) continue;
    const users = await db.query<{ owner: string }>(
      'SELECT owner FROM data_key WHERE period = $1',
      [period],
    );
    const transient = period.startsWith('transient-');
    if (transient || users.rows.every((u) => going.has(u.owner)))
      report.keys.push({ period, state: 'due', until: null });
  }
  return report;
}

async function referencesOf(q: Queryable, caseIds: string[]): Promise<Map<string, string[]>> {
  const found = await q.query<{ case_id: string; reference: string }>(
    `SELECT case_id::text AS case_id, reference FROM referral
      WHERE case_id = ANY($1::uuid[]) ORDER BY reference`,
    [caseIds],
  );
  const byCase = new Map<string, string[]>();
  for (const r of found.rows)
    byCase.set(r.case_id, [...(byCase.get(r.case_id) ?? []), r.reference]);
  return byCase;
}

function audit(
  deps: PurgeDeps,
  q: Queryable,
  action: string,
  recordType: string,
  recordId: string,
): Promise<unknown> {
  return appendAudit(q, {
    actorId: null,
    action,
    recordType,
    recordId,
    outcome: 'ok',
    correlationId: deps.correlationId,
  });
}
