import type {
  LiveEvent,
  LiveEvents,
  LiveListener,
  LiveSubscribeOptions,
} from '#core/ports/live.js';
import type { Db, Listening } from '../db/db.js';
import {
  LIVE_CHANNEL_SQL,
  lastLiveSeq,
  liveEventsSince,
  liveHorizon,
  parseLivePayload,
  type LiveHorizon,
} from './sql-live.js';

export interface LiveHub extends LiveEvents {
  /** Where a topic stands, and how far back it can still be replayed. */
  horizon(topic: string): Promise<LiveHorizon>;
  /** The listening connection's server process (tests end it to prove the reconnect). */
  backendPid(): number | null;
  close(): Promise<void>;
}

export interface LiveHubOptions {
  /** Told of a failed catch-up (it is retried) or a listener that threw. */
  onError?: (error: unknown) => void;
  retryMs?: number;
}

interface Subscription {
  topic: string;
  listener: LiveListener;
  /** The last seq delivered; null until the first catch-up has said where to start. */
  cursor: number | null;
  /** Notifications that arrive while the subscription reads back from the table. */
  buffer: LiveEvent[] | null;
  busy: boolean;
  again: boolean;
  closed: boolean;
  retry?: NodeJS.Timeout;
}

/**
 * One per app instance: a single LISTEN (one connection, not one per viewer) fanned out in
 * process to every subscriber. Nothing here is needed by another instance: each reads the same
 * `live_event` table and hears the same channel.
 *
 * Each subscription reads back from the table when it starts (from `after`) and after every
 * reconnect (from the last seq it delivered); notifications arriving meanwhile wait, and a seq
 * not above the last delivered is dropped, so a listener sees each event once, in order.
 */
export async function openLiveHub(db: Db, options: LiveHubOptions = {}): Promise<LiveHub> {
  const onError = options.onError ?? (() => undefined);
  const retryMs = options.retryMs ?? 1_000;
  const topics = new Map<string, Set<Subscription>>();

  const deliver = (sub: Subscription, event: LiveEvent) => {
    if (sub.closed || (sub.cursor !== null && event.seq <= sub.cursor)) return;
    sub.cursor = event.seq;
    try {
      sub.listener(event);
    } catch (error) {
      onError(error);
    }
  };

  // Reads back from the table; until it succeeds, notifications for the subscription wait in
  // `buffer` (a failed read is retried, so nothing is delivered out of order or skipped).
  const catchUp = async (sub: Subscription): Promise<void> => {
    if (sub.busy) {
      sub.again = true;
      return;
    }
    sub.busy = true;
    sub.buffer ??= [];
    clearTimeout(sub.retry);
    let ok = true;
    try {
      do {
        sub.again = false;
        if (sub.cursor === null) sub.cursor = await lastLiveSeq(db, sub.topic);
        else
          for (const event of await liveEventsSince(db, sub.topic, sub.cursor)) deliver(sub, event);
      } while (sub.again && !sub.closed);
    } catch (error) {
      ok = false;
      onError(error);
    }
    sub.busy = false;
    if (sub.closed) return;
    if (!ok) {
      sub.retry = setTimeout(() => void catchUp(sub), retryMs);
      return;
    }
    const waiting = sub.buffer.sort((a, b) => a.seq - b.seq);
    sub.buffer = null;
    for (const event of waiting) deliver(sub, event);
  };

  const listening: Listening = await db.listen(await channelOf(db), {
    onNotify(payload) {
      const event = parseLivePayload(payload);
      if (!event) return;
      for (const sub of topics.get(event.topic) ?? []) {
        if (sub.buffer) sub.buffer.push(event);
        else deliver(sub, event);
      }
    },
    onConnect() {
      for (const subs of topics.values()) for (const sub of subs) void catchUp(sub);
    },
  });

  return {
    subscribe(topic, listener, subscribeOptions: LiveSubscribeOptions = {}) {
      const sub: Subscription = {
        topic,
        listener,
        cursor: subscribeOptions.after ?? null,
        buffer: null,
        busy: false,
        again: false,
        closed: false,
      };
      const subs = topics.get(topic) ?? new Set<Subscription>();
      topics.set(topic, subs.add(sub));
      void catchUp(sub);
      return () => {
        sub.closed = true;
        clearTimeout(sub.retry);
        subs.delete(sub);
        if (subs.size === 0 && topics.get(topic) === subs) topics.delete(topic);
      };
    },
    eventsSince: (topic, seq) => liveEventsSince(db, topic, seq),
    horizon: (topic) => liveHorizon(db, topic),
    backendPid: () => listening.backendPid(),
    async close() {
      for (const subs of topics.values()) {
        for (const sub of subs) {
          sub.closed = true;
          clearTimeout(sub.retry);
        }
      }
      topics.clear();
      await listening.close();
    },
  };
}

async function channelOf(db: Db): Promise<string> {
  const result = await db.query<{ channel: string }>(`SELECT ${LIVE_CHANNEL_SQL} AS channel`);
  return result.rows[0]!.channel;
}
