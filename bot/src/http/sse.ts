import type { Request, Response } from 'express';
import type { LiveEvent, LiveEvents } from '#core/ports/live.js';
import type { LiveHorizon } from '../store/sql-live.js';

/** What a stream needs of the live events: to follow a topic, and how far back it reaches. */
export interface LiveFollowing extends LiveEvents {
  horizon(topic: string): Promise<LiveHorizon>;
}

export interface LiveStreamOptions {
  topic: string;
  live: LiveFollowing;
  /** A comment line this often keeps proxies (and Azure's 4-minute idle cut) from closing it. */
  heartbeatMs?: number;
  /** How long a browser waits before reconnecting (the stream's `retry:`). */
  retryMs?: number;
  /**
   * Asked at each heartbeat: false ends the stream (the person has lost their seat). A client
   * that reconnects is checked again by the route, as every request is.
   */
  stillAllowed?: () => Promise<boolean>;
}

const SEQ = /^\d{1,15}$/;

/**
 * Where a reconnecting client left off: the `Last-Event-ID` header its EventSource sends, or
 * `?lastEventId=` for a first connection that resumes from a seq the page already has.
 */
export function lastEventIdOf(req: Request): number | undefined {
  const header = req.get('last-event-id')?.trim();
  const query = typeof req.query.lastEventId === 'string' ? req.query.lastEventId : undefined;
  const value = header || query;
  return value !== undefined && SEQ.test(value) ? Number(value) : undefined;
}

/** One event in the WHATWG `text/event-stream` format: its seq, its kind, its ids as JSON. */
export function formatLiveEvent(event: LiveEvent): string {
  const data = JSON.stringify({
    topic: event.topic,
    seq: event.seq,
    kind: event.kind,
    ids: event.ids,
    at: event.at.toISOString(),
  });
  return `id: ${event.seq}\nevent: ${event.kind}\ndata: ${data}\n\n`;
}

/**
 * Whether a client resuming after `after` must reload instead: it is ahead of the topic (the
 * seq is not one this database gave), or behind where the table still reaches (events it
 * missed may have been pruned). Replaying then would silently leave a gap.
 */
export function mustReset(after: number, horizon: LiveHorizon): boolean {
  if (after > horizon.last) return true;
  return after < horizon.last && after + 1 < horizon.floor;
}

/**
 * The event that tells a client to read the whole view again; its id is where the stream now
 * stands, so what follows (and a later reconnect) continues from there.
 */
export function formatReset(seq: number): string {
  return `id: ${seq}\nevent: reset\ndata: ${JSON.stringify({ seq })}\n\n`;
}

/**
 * Streams a topic's live events to one client as server-sent events, from its `Last-Event-ID`
 * when it reconnects (what it missed first, then what follows, each once and in order), or a
 * `reset` first when what it missed cannot be replayed. The caller has authenticated the
 * request and checked the topic is the caller's to follow.
 */
export async function streamLiveEvents(
  req: Request,
  res: Response,
  options: LiveStreamOptions,
): Promise<void> {
  let closed = false;
  res.on('close', () => (closed = true));
  const asked = lastEventIdOf(req);
  const horizon = asked === undefined ? null : await options.live.horizon(options.topic);
  if (closed) return;
  const reset = asked !== undefined && horizon !== null && mustReset(asked, horizon);
  const after = reset ? horizon.last : asked;
  res.status(200);
  res.set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  res.write(`retry: ${options.retryMs ?? 3_000}\n\n`);
  if (reset) res.write(formatReset(horizon.last));
  const unsubscribe = options.live.subscribe(
    options.topic,
    (event) => res.write(formatLiveEvent(event)),
    after === undefined ? {} : { after },
  );
  let checking = false;
  const heartbeat = setInterval(() => {
    res.write(': heartbeat\n\n');
    if (!options.stillAllowed || checking) return;
    checking = true;
    options
      .stillAllowed()
      .catch(() => true) // a failed check is tried again at the next heartbeat
      .then((allowed) => {
        checking = false;
        if (!allowed && !closed) res.end();
      });
  }, options.heartbeatMs ?? 25_000);
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  if (closed) stop();
  else res.on('close', stop);
}
