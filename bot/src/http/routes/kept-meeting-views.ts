import type { MeetingRun } from '#core/contracts/meeting-api.js';
import type { MeetingViewer } from '#core/meeting-run/meeting-seat.js';
import type { MeetingSnapshot, MeetingSnapshotSource } from '#core/meeting-run/meeting-snapshot.js';
import { meetingViewFor, seatInSnapshot } from '#core/meeting-run/meeting-view.js';
import { DomainError } from '#core/shared/errors.js';
import type { MeetingWriteGate } from '../meeting-write-gate.js';
import { keptAnswer } from '../route.js';

/**
 * `GET /meetings/{id}/run` as `readMeetingRun` answers it, with each person's view kept beside
 * the snapshot it was made from: fifty people reading an unchanged meeting in a loop get the
 * same view, serialised once, until the snapshot is replaced. The view depends on the snapshot
 * and the seat only (both immutable here), so the seat is the key; a new snapshot starts afresh,
 * and the old one's views go with it.
 */
export function keptMeetingViews(
  snapshots: MeetingSnapshotSource,
  writes?: MeetingWriteGate,
): (viewer: MeetingViewer) => Promise<MeetingRun> {
  const views = new WeakMap<MeetingSnapshot, Map<string, MeetingRun>>();
  return async (viewer) => {
    // A write to the meeting in flight here goes first; the read then shows what it left.
    if (writes) await writes.idle(viewer.meetingId);
    const snapshot = await snapshots.load(viewer.meetingId);
    const seat = snapshot ? seatInSnapshot(snapshot, viewer) : null;
    if (!snapshot || !seat) {
      throw new DomainError('MEETING_NOT_FOUND', 'There is no such meeting, or you are not on it.');
    }
    const bySeat = views.get(snapshot) ?? new Map<string, MeetingRun>();
    views.set(snapshot, bySeat);
    const key = JSON.stringify(seat);
    let view = bySeat.get(key);
    if (!view) {
      view = keptAnswer(meetingViewFor(snapshot, seat));
      bySeat.set(key, view);
    }
    return view;
  };
}
