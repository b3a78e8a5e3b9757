import type { Request, Response } from 'express';
import type { LiveEvent, LiveEvents } from '#core/ports/live.js';

export interface LiveStreamOptions {
  topic: string;
  live: LiveEvents;
  /** A comment line this often keeps proxies (and Azure's 4-minute idle cut) from closing it. */
  heartbeatMs?: number;
  /** How long a browser waits before reconnecting (the stream's `retry:`). */
  retryMs?: number;
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
 * Streams a topic's live events to one client as server-sent events, from its `Last-Event-ID`
 * when it reconnects (what it missed first, then what follows, each once and in order). The
 * caller has authenticated the request and checked the topic is the caller's to follow.
 */
export function streamLiveEvents(req: Request, res: Response, options: LiveStreamOptions): void {
  const after = lastEventIdOf(req);
  res.status(200);
  res.set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  res.write(`retry: ${options.retryMs ?? 3_000}\n\n`);
  const unsubscribe = options.live.subscribe(
    options.topic,
    (event) => res.write(formatLiveEvent(event)),
    after === undefined ? {} : { after },
  );
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), options.heartbeatMs ?? 25_000);
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
