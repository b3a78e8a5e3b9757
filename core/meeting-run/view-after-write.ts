import type { MeetingRun } from '../contracts/meeting-api.js';
import type { UnitOfWork } from '../ports/store.js';
import type { MeetingViewer } from './meeting-seat.js';
import { storeSnapshots } from './meeting-snapshot.js';
import { readMeetingRun } from './read-meeting-run.js';

/**
 * The meeting view as the writer sees it once their change has committed, read from the store
 * in a transaction of its own: the write commits (and its live event goes out to everyone) first,
 * without waiting for this read, and no cache can answer with the view from before the change.
 */
export function viewAfterWrite(uow: UnitOfWork, viewer: MeetingViewer): Promise<MeetingRun> {
  return readMeetingRun(storeSnapshots(uow), viewer);
}
