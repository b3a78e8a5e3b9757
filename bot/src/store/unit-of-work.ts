import type { AuditRecorder, Repos, UnitOfWork } from '#core/ports/store.js';
import { appendAudit } from '../audit/audit-log.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Db, Queryable } from '../db/db.js';
import { sqlActionChasing } from './sql-action-chasing.js';
import { sqlActionUpdates } from './sql-action-updates.js';
import { sqlAgendas } from './sql-agendas.js';
import { sqlAreas } from './sql-areas.js';
import { sqlMeetingActions } from './sql-meeting-actions.js';
import { sqlMeetings, sqlSeries } from './sql-meetings.js';
import { sqlOutbox } from './sql-outbox.js';
import { sqlReferrals } from './sql-referrals.js';
import { sqlResearch } from './sql-research.js';
import { sqlLivePublisher } from './sql-live.js';
import { sqlMeetingRun } from './sql-meeting-run.js';
import { sqlDashboard } from './sql-dashboard.js';
import { sqlMeetingDocuments } from './sql-meeting-documents.js';
import { sqlSubjectAccess } from './sql-subject-access.js';
import { sqlRetention } from './sql-retention-settings.js';

/** Who is acting: a signed-in person with the request's correlation id, or the system. */
export interface Actor {
  actorId: string | null;
  correlationId: string;
}

export const SYSTEM: Actor = { actorId: null, correlationId: 'system' };

function sqlAudit(q: Queryable, actor: Actor): AuditRecorder {
  return {
    async record(action, recordType, recordId) {
      await appendAudit(q, { ...actor, action, recordType, recordId, outcome: 'ok' });
    },
  };
}

export function reposOver(q: Queryable, crypto: AppCrypto, actor: Actor = SYSTEM): Repos {
  return {
    audit: sqlAudit(q, actor),
    areas: sqlAreas(q, crypto),
    series: sqlSeries(q),
    meetings: sqlMeetings(q, crypto),
    outbox: sqlOutbox(q),
    referrals: sqlReferrals(q, crypto),
    agendas: sqlAgendas(q, crypto),
    research: sqlResearch(q, crypto),
    meetingRun: sqlMeetingRun(q, crypto),
    meetingActions: sqlMeetingActions(q, crypto),
    actionChasing: sqlActionChasing(q),
    actionUpdates: sqlActionUpdates(q, crypto),
    live: sqlLivePublisher(q),
    meetingDocuments: sqlMeetingDocuments(q, crypto),
    dashboard: sqlDashboard(q),
    subjectAccess: sqlSubjectAccess(q, crypto),
    retention: sqlRetention(q),
  };
}

/** Every use case's writes, and the outbox jobs they raise, commit together or not at all. */
export interface SqlUnitOfWork extends UnitOfWork {
  /**
   * Called after a commit that queued an outbox job, to wake the workers. Only then: a research
   * prompt's send commits twice (reading it, recording it), and waking every worker for each
   * commit cost two empty lease transactions a message, a fifth of the fan-out's database work.
   */
  afterJobsCommit(listener: () => void): void;
  /** The same unit of work, auditing as this actor. */
  as(actor: Actor): UnitOfWork;
}

export function sqlUnitOfWork(db: Db, crypto: AppCrypto): SqlUnitOfWork {
  const listeners: (() => void)[] = [];
  const runAs =
    (actor: Actor): UnitOfWork['run'] =>
    async (work) => {
      let queued = false;
      const result = await db.transaction((tx) => {
        const repos = reposOver(tx, crypto, actor);
        const { outbox } = repos;
        const enqueue: typeof outbox.enqueue = (job, key) => {
          queued = true;
          return outbox.enqueue(job, key);
        };
        return work({ ...repos, outbox: { ...outbox, enqueue } });
      });
      if (queued) for (const listener of listeners) listener();
      return result;
    };
  return {
    run: runAs(SYSTEM),
    as: (actor) => ({ run: runAs(actor) }),
    afterJobsCommit(listener) {
      listeners.push(listener);
    },
  };
}
