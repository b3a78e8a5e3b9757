/**
 * Per app instance: the writes to each meeting in flight, so that the meeting view's reads wait
 * for them rather than the other way round.
 *
 * Fifty people reading the view in a loop keep the event loop full. A write (the chair moving
 * to the next case, an action recorded) makes several database round trips one after another,
 * and each answer would wait behind every read queued meanwhile: on the PostgreSQL server the
 * chair's request took a second. While a write to the meeting runs here, a read of its view
 * waits; the readers then stop sending (each waits for its answer), the write has the loop, and
 * when it settles the readers get the view as the write left it (`settled` drops the kept
 * snapshot), which is what they would have read an instant later anyway.
 */
export interface MeetingWriteGate {
  /** A write to the meeting starts; call the returned function once when it has settled. */
  enter(meetingId: string): () => void;
  /** Resolves at once when no write to the meeting is in flight, else when the last settles. */
  idle(meetingId: string): Promise<void>;
}

/** The writes to a meeting that ran one over another until the last settled. */
export interface SettledWrites {
  /** How many writes there were (a second one entered before the first settled, and so on). */
  writes: number;
  /** When the first of them entered, on the gate's clock. */
  since: number;
}

export function meetingWriteGate(
  options: {
    settled?: (meetingId: string, batch: SettledWrites) => void;
    now?: () => number;
  } = {},
): MeetingWriteGate {
  const now = options.now ?? (() => performance.now());
  const writes = new Map<
    string,
    { count: number; total: number; since: number; waiting: (() => void)[] }
  >();
  return {
    enter(meetingId) {
      const entry = writes.get(meetingId) ?? { count: 0, total: 0, since: now(), waiting: [] };
      entry.count += 1;
      entry.total += 1;
      writes.set(meetingId, entry);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        entry.count -= 1;
        if (entry.count > 0) return;
        writes.delete(meetingId);
        options.settled?.(meetingId, { writes: entry.total, since: entry.since });
        for (const wake of entry.waiting) wake();
      };
    },
    idle(meetingId) {
      const entry = writes.get(meetingId);
      if (!entry) return Promise.resolve();
      return new Promise((resolve) => entry.waiting.push(resolve));
    },
  };
}
