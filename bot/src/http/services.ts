import type { MeetingWriteGate } from './meeting-write-gate.js';
import type { Logger } from 'pino';
import type { MeetingSnapshotSource } from '#core/meeting-run/meeting-snapshot.js';
import type { Clock, IdGenerator, UnitOfWork } from '#core/ports/store.js';
import type { AppConfig } from '../config/config.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Db } from '../db/db.js';
import type { Actor } from '../store/unit-of-work.js';
import type { RequestContext } from './route.js';
import type { LiveFollowing } from './sse.js';

/** What route handlers may use; built once by the composition root. */
export interface Services {
  config: AppConfig;
  db: Db;
  crypto: AppCrypto;
  uow: UnitOfWork & { as(actor: Actor): UnitOfWork };
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
  /** Sends what the outbox holds now; resolves when it is idle. */
  drainOutbox: () => Promise<void>;
  /** Wakes the mail delivery workers (an agenda was published or a delivery resent). */
  drainDeliveries: () => Promise<void>;
  devSigningKey: Buffer | null;
  /**
   * Where the meeting view reads its shared snapshot (issue #10): a per-instance cache dropped on
   * the meeting's live events, or (when absent) the store on every read.
   */
  meetingSnapshots?: MeetingSnapshotSource;
  /**
   * Where a meeting writer's answer reads the view after its commit: the same cache, read afresh
   * and kept for the reads held behind the write (when absent: the store).
   */
  meetingSnapshotsAfterWrite?: MeetingSnapshotSource;
  /** This instance's writes to each meeting in flight: the view's reads wait for them. */
  meetingWrites?: MeetingWriteGate;
  /** This instance's one LISTEN on the live events, fanned out to every stream it serves. */
  live: LiveFollowing;
}

/** The use cases' dependencies for one request: its writes are audited as the caller. */
export function depsFor(
  s: Services,
  ctx: Pick<RequestContext<unknown, unknown, unknown>, 'principal' | 'correlationId'>,
) {
  return {
    uow: s.uow.as({ actorId: ctx.principal?.personId ?? null, correlationId: ctx.correlationId }),
    clock: s.clock,
    ids: s.ids,
    ...(s.meetingSnapshotsAfterWrite ? { snapshotsAfterWrite: s.meetingSnapshotsAfterWrite } : {}),
  };
}
