import type { MeetingSnapshot, MeetingSnapshotSource } from '#core/meeting-run/meeting-snapshot.js';
import type { LiveEvents } from '#core/ports/live.js';

export interface SnapshotCacheOptions {
  /** The meeting's live topic (`meeting:<id>`), as the use cases publish to it. */
  topicOf: (meetingId: string) => string;
  /**
   * The longest a snapshot is served without a live event: a change that publishes none (the
   * agency list, a rep replaced, a name) shows within this time.
   */
  maxAgeMs?: number;
  /** Meetings kept at most; the one read longest ago goes first. */
  maxMeetings?: number;
  now?: () => number;
}

interface Entry {
  /** The last snapshot loaded, while no event after its seq has been heard. */
  snapshot: MeetingSnapshot | null;
  loadedAt: number;
  /** A load in flight that started after every event heard: later readers share it. */
  pending: Promise<MeetingSnapshot | null> | null;
  /** The highest seq heard for the meeting: a snapshot below it is out of date. */
  heard: number;
  unsubscribe: (() => void) | null;
}

export interface SnapshotCache extends MeetingSnapshotSource {
  /**
   * Drops the meeting's kept snapshot (and any load started before now): this instance has
   * just committed a change to it, and its event may not have been heard yet.
   */
  drop(meetingId: string): void;
  /** Lets go of every meeting (the instance is stopping). */
  close(): void;
}

/**
 * One per app instance: the meeting view's shared snapshot, kept per meeting and dropped when
 * the meeting's next live event is heard (the live hub hears every instance's commits through
 * the one database, so a change made anywhere reaches here). Fifty people reading the view in a
 * loop then cost one load per change, not one per read.
 *
 * Never older than a change it has heard of: a snapshot shows the events up to its `seq`; the
 * subscription starts from that seq, so any event committed after the load read it is heard,
 * and drops it. A load that started before an event was heard is handed to those who asked
 * for it (it is as fresh as their request) but not shared with later readers, nor kept unless
 * it shows that event.
 */
export function cachedSnapshots(
  store: MeetingSnapshotSource,
  live: LiveEvents,
  options: SnapshotCacheOptions,
): SnapshotCache {
  const maxAge = options.maxAgeMs ?? 2_000;
  const maxMeetings = options.maxMeetings ?? 200;
  const now = options.now ?? (() => Date.now());
  const entries = new Map<string, Entry>();

  const forget = (meetingId: string) => {
    entries.get(meetingId)?.unsubscribe?.();
    entries.delete(meetingId);
  };

  const follow = (meetingId: string, entry: Entry, after: number) => {
    entry.unsubscribe = live.subscribe(
      options.topicOf(meetingId),
      (event) => {
        entry.heard = Math.max(entry.heard, event.seq);
        if (entry.snapshot && entry.snapshot.seq < event.seq) entry.snapshot = null;
        entry.pending = null;
      },
      { after },
    );
  };

  const load = (meetingId: string, entry: Entry): Promise<MeetingSnapshot | null> => {
    const loading = store.load(meetingId).then(
      (snapshot) => {
        if (entry.pending === loading) entry.pending = null;
        if (!snapshot || entries.get(meetingId) !== entry) return snapshot;
        if (!entry.unsubscribe) follow(meetingId, entry, snapshot.seq);
        if (snapshot.seq >= entry.heard) {
          entry.snapshot = snapshot;
          entry.loadedAt = now();
        }
        return snapshot;
      },
      (error: unknown) => {
        if (entry.pending === loading) entry.pending = null;
        throw error;
      },
    );
    entry.pending = loading;
    return loading;
  };

  return {
    load(meetingId) {
      let entry = entries.get(meetingId);
      if (entry) {
        entries.delete(meetingId); // kept in the order of use: the first is read longest ago
        entries.set(meetingId, entry);
      } else {
        entry = { snapshot: null, loadedAt: 0, pending: null, heard: 0, unsubscribe: null };
        entries.set(meetingId, entry);
        while (entries.size > maxMeetings) forget(entries.keys().next().value!);
      }
      if (entry.snapshot && now() - entry.loadedAt <= maxAge) {
        return Promise.resolve(entry.snapshot);
      }
      return entry.pending ?? load(meetingId, entry);
    },
    drop(meetingId) {
      const entry = entries.get(meetingId);
      if (!entry) return;
      entry.snapshot = null;
      entry.pending = null;
    },
    close() {
      for (const meetingId of [...entries.keys()]) forget(meetingId);
    },
  };
}
