import type { MeetingRun } from '../contracts/meeting-api.js';
import type { Repos } from '../ports/store.js';
import type { MeetingViewer } from './meeting-seat.js';
import { loadMeetingSnapshot } from './meeting-snapshot.js';
import { meetingViewFor, seatInSnapshot } from './meeting-view.js';

/**
 * The meeting view as the writer sees it once their change is made, read in the same
 * transaction (its `seq` includes the event just published).
 */
export async function viewAfterWrite(repos: Repos, viewer: MeetingViewer): Promise<MeetingRun> {
  const snapshot = (await loadMeetingSnapshot(repos, viewer.meetingId))!;
  return meetingViewFor(snapshot, seatInSnapshot(snapshot, viewer)!);
}
