import { checkLiveEvent, type LiveEvent, type LivePublisher } from '#core/ports/live.js';
import type { Queryable } from '../db/db.js';

/**
 * The NOTIFY channel: `marac_live`, or `marac_live_<schema>` outside `public`, so that the test
 * runs (a schema each) on one server, or two deployments sharing a database, hear only their own.
 */
export const LIVE_CHANNEL_SQL = `CASE current_schema() WHEN 'public' THEN 'marac_live'
  ELSE 'marac_live_' || current_schema() END`;

// Any constant will do: it keys the per-topic advisory locks apart from the migration lock.
const LIVE_LOCK = 727_202;

/** NOTIFY refuses payloads from 8,000 bytes; ids and a kind stay far below. */
const MAX_PAYLOAD = 7_000;

interface EventRow {
  topic: string;
  seq: string;
  kind: string;
  ids: Record<string, string>;
  at: Date;
}

const toEvent = (row: EventRow): LiveEvent => ({
  topic: row.topic,
  seq: Number(row.seq),
  kind: row.kind,
  ids: row.ids,
  at: row.at instanceof Date ? row.at : new Date(row.at),
});

/**
 * Publishes inside the caller's transaction: the row and the NOTIFY commit with the change or
 * not at all. The advisory lock, held until commit, makes a topic's events take their `seq` in
 * commit order, so that a client resuming after seq N cannot miss an event numbered below N
 * that committed after it. (Two topics in one transaction: publish them in a fixed order.)
 */
export function sqlLivePublisher(q: Queryable): LivePublisher {
  return {
    async publish(topic, event) {
      checkLiveEvent(topic, event);
      const ids = JSON.stringify(event.ids);
      if (topic.length + event.kind.length + ids.length > MAX_PAYLOAD) {
        throw new Error('live event: too large for a notification');
      }
      await q.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LIVE_LOCK, topic]);
      const result = await q.query<{ seq: string }>(
        `WITH e AS (
           INSERT INTO live_event (topic, kind, ids) VALUES ($1, $2, $3::jsonb)
           RETURNING seq, topic, kind, ids, at)
         SELECT e.seq, pg_notify(${LIVE_CHANNEL_SQL},
           json_build_object('topic', e.topic, 'seq', e.seq, 'kind', e.kind, 'ids', e.ids,
             'at', e.at)::text)
         FROM e`,
        [topic, event.kind, ids],
      );
      return Number(result.rows[0]!.seq);
    },
    lastSeq: (topic) => lastLiveSeq(q, topic),
  };
}

/** The events of a topic after `seq`, in order: what a reconnecting client missed. */
export async function liveEventsSince(
  q: Queryable,
  topic: string,
  seq: number,
): Promise<LiveEvent[]> {
  const result = await q.query<EventRow>(
    `SELECT topic, seq, kind, ids, at FROM live_event
     WHERE topic = $1 AND seq > $2 ORDER BY seq`,
    [topic, seq],
  );
  return result.rows.map(toEvent);
}

/** The last event's seq of a topic (0 when none): where a new follower starts. */
export async function lastLiveSeq(q: Queryable, topic: string): Promise<number> {
  const result = await q.query<{ seq: string | null }>(
    'SELECT max(seq) AS seq FROM live_event WHERE topic = $1',
    [topic],
  );
  return Number(result.rows[0]?.seq ?? 0);
}

/** Parses a notification's payload as `sqlLivePublisher` writes it; null for anything else. */
export function parseLivePayload(payload: string): LiveEvent | null {
  try {
    const raw = JSON.parse(payload) as Partial<Record<keyof LiveEvent, unknown>>;
    if (typeof raw.topic !== 'string' || typeof raw.kind !== 'string') return null;
    const seq = Number(raw.seq);
    if (!Number.isSafeInteger(seq) || typeof raw.ids !== 'object' || raw.ids === null) return null;
    return {
      topic: raw.topic,
      seq,
      kind: raw.kind,
      ids: raw.ids as Record<string, string>,
      at: new Date(String(raw.at)),
    };
  } catch {
    return null;
  }
}

/**
 * Deletes events older than `days`. Catch-up serves a dropped connection, minutes long; a
 * client further behind than the table reloads the meeting instead. Returns the rows deleted.
 */
export async function pruneLiveEvents(q: Queryable, days = 1): Promise<number> {
  const result = await q.query(
    'DELETE FROM live_event WHERE at < now() - make_interval(days => $1)',
    [days],
  );
  return result.affectedRows;
}

/** How far back a topic can be replayed, and where it is now (see `liveHorizon`). */
export interface LiveHorizon {
  /** The topic's last event's seq (0 when none is kept). */
  last: number;
  /**
   * The oldest seq still kept, of any topic: pruning goes by age, and seqs rise with time, so an
   * event numbered from here on has not been pruned; one below may have been.
   */
  floor: number;
}

/** Where a topic stands and how far back the table still reaches (two index look-ups). */
export async function liveHorizon(q: Queryable, topic: string): Promise<LiveHorizon> {
  const result = await q.query<{ last: string | null; floor: string | null }>(
    `SELECT (SELECT max(seq) FROM live_event WHERE topic = $1) AS last,
            coalesce((SELECT min(seq) FROM live_event),
              pg_sequence_last_value(pg_get_serial_sequence('live_event', 'seq')) + 1, 1) AS floor`,
    [topic],
  );
  const row = result.rows[0];
  return { last: Number(row?.last ?? 0), floor: Number(row?.floor ?? 1) };
}
