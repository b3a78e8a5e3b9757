import {
  SNAPSHOT_UNCHANGED_BY,
  type MeetingSnapshot,
  type MeetingSnapshotSource,
} from '#core/meeting-run/meeting-snapshot.js';
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
  /** The clock of the write gate's `since` (the gate's default: `performance.now`). */
  mark?: () => number;
  /** The event kinds that change nothing a snapshot holds (default `SNAPSHOT_UNCHANGED_BY`). */
  unchangedBy?: ReadonlySet<string>;
}

/** Writes to a meeting that have settled, as the write gate tells of them. */
export interface SettledWrites {
  /** How many ran one over another. */
  writes: number;
  /** When the first began, on the `mark` clock. */
  since: number;
}

interface Kept {
  snapshot: MeetingSnapshot;
  /** When the store was read for what it holds (a seq moved on does not make it younger). */
  loadedAt: number;
  /** For a writer's view read after its commit (`loadAfterWrite`): when that load began. */
  afterWriteAt: number | null;
}

interface Entry {
  /** The last snapshot loaded, while no event that changes it has been heard. */
  kept: Kept | null;
  /**
   * The snapshot a write here dropped: the events committed since say whether it still holds
   * (only kinds that change nothing in it), so the next read need not load it all again.
   */
  dropped: Kept | null;
  /** A load in flight that started after every event heard: later readers share it. */
  pending: Promise<MeetingSnapshot | null> | null;
  /** Rises on every drop: a load begun before one is handed to its readers, never kept. */
  generation: number;
  /** The highest seq heard for the meeting: a snapshot below it is out of date. */
  heard: number;
  unsubscribe: (() => void) | null;
}

export interface SnapshotCache extends MeetingSnapshotSource {
  /**
   * This instance has just committed writes to the meeting (`writes`, as the write gate says
   * when they have settled), and their events may not have been heard yet: the kept snapshot
   * (and any load started before now) is not served again as it is. A snapshot the only writer
   * read after its commit (`loadAfterWrite`, begun after the writes began) shows them and stays.
   * Else, after one write, the next read asks for the events committed since the snapshot's seq:
   * if there are some and none changes what it holds (an action or notes recorded), it is
   * served with its seq moved on; otherwise, and after two writes or more, or without `writes`,
   * the store is read again.
   */
  drop(meetingId: string, writes?: SettledWrites): void;
  /**
   * The snapshot read afresh for a writer after its commit (its answer shows its change), and
   * kept for the readers held behind the write.
   */
  loadAfterWrite(meetingId: string): Promise<MeetingSnapshot | null>;
  /** Lets go of every meeting (the instance is stopping). */
  close(): void;
}

/**
 * One per app instance: the meeting view's shared snapshot, kept per meeting until the meeting's
 * next live event that changes it is heard (the live hub hears every instance's commits through
 * the one database, so a change made anywhere reaches here; an event that changes nothing in it,
 * an action recorded, moves its seq on). Fifty people reading the view in a loop then cost one
 * load per change, not one per read.
 *
 * Never older than a change it has heard of: a snapshot shows the events up to its `seq`; the
 * subscription starts from that seq, and delivers every event after it once, in order, so any
 * event committed after the load read it is heard. A load that started before an event was heard
 * (or before a drop) is handed to those who asked for it (it is as fresh as their request) but
 * not shared with later readers, nor kept unless it shows that event.
 */
export function cachedSnapshots(
  store: MeetingSnapshotSource,
  live: LiveEvents,
  options: SnapshotCacheOptions,
): SnapshotCache {
  const maxAge = options.maxAgeMs ?? 2_000;
  const maxMeetings = options.maxMeetings ?? 200;
  const now = options.now ?? (() => Date.now());
  const mark = options.mark ?? (() => performance.now());
  const unchangedBy = options.unchangedBy ?? SNAPSHOT_UNCHANGED_BY;
  const entries = new Map<string, Entry>();

  const forget = (meetingId: string) => {
    entries.get(meetingId)?.unsubscribe?.();
    entries.delete(meetingId);
  };

  const moved = (kept: Kept, seq: number): Kept => ({
    ...kept,
    snapshot: { ...kept.snapshot, seq },
  });

  const follow = (meetingId: string, entry: Entry, after: number) => {
    entry.unsubscribe = live.subscribe(
      options.topicOf(meetingId),
      (event) => {
        entry.heard = Math.max(entry.heard, event.seq);
        const unchanged = unchangedBy.has(event.kind);
        // Events come once and in order: a kept snapshot below this one shows every event
        // before it, so one that changes nothing in it leaves it true at this seq.
        if (entry.kept && entry.kept.snapshot.seq < event.seq) {
          entry.kept = unchanged ? moved(entry.kept, event.seq) : null;
        }
        if (!unchanged && entry.dropped && entry.dropped.snapshot.seq < event.seq) {
          entry.dropped = null;
        }
        entry.pending = null;
      },
      { after },
    );
  };

  /** From the dropped snapshot when only events that change nothing in it came since. */
  const fetch = async (
    meetingId: string,
    from: Kept | null,
    afterWriteAt: number | null,
  ): Promise<Kept | null> => {
    if (from) {
      const since = await live.eventsSince(options.topicOf(meetingId), from.snapshot.seq);
      if (since.length > 0 && since.every((e) => unchangedBy.has(e.kind))) {
        return moved(from, since.at(-1)!.seq);
      }
    }
    const loadedAt = now();
    const snapshot = await store.load(meetingId);
    return snapshot ? { snapshot, loadedAt, afterWriteAt } : null;
  };

  const load = (
    meetingId: string,
    entry: Entry,
    from: Kept | null,
    afterWriteAt: number | null = null,
  ): Promise<MeetingSnapshot | null> => {
    const generation = entry.generation;
    const loading = fetch(meetingId, from, afterWriteAt).then(
      (kept) => {
        if (entry.pending === loading) entry.pending = null;
        if (!kept || entries.get(meetingId) !== entry) return kept?.snapshot ?? null;
        if (!entry.unsubscribe) follow(meetingId, entry, kept.snapshot.seq);
        if (kept.snapshot.seq >= entry.heard && entry.generation === generation) {
          entry.kept = kept;
        }
        return kept.snapshot;
      },
      (error: unknown) => {
        if (entry.pending === loading) entry.pending = null;
        throw error;
      },
    );
    entry.pending = loading;
    return loading;
  };

  const entryOf = (meetingId: string): Entry => {
    let entry = entries.get(meetingId);
    if (entry) {
      entries.delete(meetingId); // kept in the order of use: the first is read longest ago
      entries.set(meetingId, entry);
    } else {
      entry = {
        kept: null,
        dropped: null,
        pending: null,
        generation: 0,
        heard: 0,
        unsubscribe: null,
      };
      entries.set(meetingId, entry);
      while (entries.size > maxMeetings) forget(entries.keys().next().value!);
    }
    return entry;
  };

  const young = (kept: Kept | null): kept is Kept =>
    kept !== null && now() - kept.loadedAt <= maxAge;

  const drop = (meetingId: string, writes?: SettledWrites) => {
    const entry = entries.get(meetingId);
    if (!entry) return;
    entry.pending = null;
    entry.generation += 1;
    const kept = entry.kept;
    const single = writes?.writes === 1;
    if (single && kept?.afterWriteAt != null && kept.afterWriteAt >= writes.since) return;
    entry.kept = null;
    entry.dropped = single ? (kept ?? entry.dropped) : null;
  };

  return {
    load(meetingId) {
      const entry = entryOf(meetingId);
      if (young(entry.kept)) return Promise.resolve(entry.kept.snapshot);
      if (entry.pending) return entry.pending;
      const from = young(entry.dropped) ? entry.dropped : null;
      entry.dropped = null;
      return load(meetingId, entry, from);
    },
    loadAfterWrite(meetingId) {
      const entry = entryOf(meetingId);
      drop(meetingId);
      return load(meetingId, entry, null, mark());
    },
    drop,
    close() {
      for (const meetingId of [...entries.keys()]) forget(meetingId);
    },
  };
}
