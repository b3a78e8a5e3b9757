import type { MeetingRun } from '../contracts/meeting-api.js';
import type { MeetingViewer } from './meeting-seat.js';
import { storeSnapshots } from './meeting-snapshot.js';
import { readMeetingRun } from './read-meeting-run.js';
import type { MeetingRunDeps } from './run-deps.js';

/**
 * The meeting view as the writer sees it once their change has committed, read afresh (from the
 * store in a transaction of its own, or through `snapshotsAfterWrite`, whose loads start after
 * the commit): the write commits (and its live event goes out to everyone) first, without
 * waiting for this read, and nothing kept from before the change can answer it.
 */
export function viewAfterWrite(
  deps: Pick<MeetingRunDeps, 'uow' | 'snapshotsAfterWrite'>,
  viewer: MeetingViewer,
): Promise<MeetingRun> {
  return readMeetingRun(deps.snapshotsAfterWrite ?? storeSnapshots(deps.uow), viewer);
}
