import type { Clock, IdGenerator, UnitOfWork } from '../ports/store.js';
import type { MeetingSnapshotSource } from './meeting-snapshot.js';

/** What the meeting's use cases need: one transaction over the store, the time, new ids. */
export interface MeetingRunDeps {
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  /**
   * Where a write's answer reads the meeting view once the write has committed: a source whose
   * every load starts afresh (the instance's snapshot cache, which then keeps it for the reads
   * held behind the write). Without it, the store in a transaction of its own.
   */
  snapshotsAfterWrite?: MeetingSnapshotSource;
}
