import type { MeetingRun } from '../contracts/meeting-api.js';
import type { UnitOfWork } from '../ports/store.js';
import type { MeetingViewer } from './meeting-seat.js';
import { storeSnapshots, type MeetingSnapshotSource } from './meeting-snapshot.js';
import { readMeetingRun } from './read-meeting-run.js';

/** What a write that answers with the meeting view needs beside its own dependencies. */
export interface ViewAfterWriteDeps {
  uow: UnitOfWork;
  /**
   * Where the view is read once the write has committed: a source whose every load starts
   * afresh (the instance's snapshot cache, which then keeps it for the reads held behind the
   * write). Without it, the store in a transaction of its own.
   */
  snapshotsAfterWrite?: MeetingSnapshotSource;
}

/**
 * The meeting view as the writer sees it once their change has committed, read afresh (from the
 * store in a transaction of its own, or through `snapshotsAfterWrite`, whose loads start after
 * the commit): the write commits (and its live event goes out to everyone) first, without
 * waiting for this read, and nothing kept from before the change can answer it.
 */
export function viewAfterWrite(
  deps: ViewAfterWriteDeps,
  viewer: MeetingViewer,
): Promise<MeetingRun> {
  return readMeetingRun(deps.snapshotsAfterWrite ?? storeSnapshots(deps.uow), viewer);
}
