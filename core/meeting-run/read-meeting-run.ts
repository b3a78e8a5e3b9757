import type { MeetingRun } from '../contracts/meeting-api.js';
import { DomainError } from '../shared/errors.js';
import type { MeetingViewer } from './meeting-seat.js';
import type { MeetingSnapshotSource } from './meeting-snapshot.js';
import { meetingViewFor, seatInSnapshot } from './meeting-view.js';

/**
 * `GET /meetings/{id}/run`: the meeting view as the caller may see it. A person off the meeting
 * is told there is no such meeting, as if it did not exist.
 */
export async function readMeetingRun(
  snapshots: MeetingSnapshotSource,
  viewer: MeetingViewer,
): Promise<MeetingRun> {
  const snapshot = await snapshots.load(viewer.meetingId);
  const seat = snapshot ? seatInSnapshot(snapshot, viewer) : null;
  if (!snapshot || !seat) {
    throw new DomainError('MEETING_NOT_FOUND', 'There is no such meeting, or you are not on it.');
  }
  return meetingViewFor(snapshot, seat);
}
