import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import type { Db } from '../../../bot/src/db/db.js';
import { migrate } from '../../../bot/src/db/migrate.js';
import { streamLiveEvents, type LiveFollowing } from '../../../bot/src/http/sse.js';
import { openLiveHub, type LiveHub } from '../../../bot/src/store/live-hub.js';
import { sqlLivePublisher } from '../../../bot/src/store/sql-live.js';
import { instancePairs } from '../../support/backends.js';

const MEETING = 'meeting:0c6f2f0e-8d8e-4f53-9a3c-2b7b1c6a9d41';

interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
}

/** Reads a text/event-stream with Node's fetch, as a browser's EventSource would parse it. */
async function openStream(url: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await fetch(url, { headers, signal: abort.signal });
  const messages: SseMessage[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  let ended = false;
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: '', done: true }));
      if (done) {
        ended = true;
        return;
      }
      text += value;
      let end: number;
      while ((end = text.indexOf('\n\n')) >= 0) {
        const block = text.slice(0, end);
        text = text.slice(end + 2);
        const message: SseMessage = {};
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) message.comment = line.slice(1).trim();
          else {
            const colon = line.indexOf(':');
            const field = line.slice(0, colon) as keyof SseMessage;
            message[field] = line.slice(colon + 1).replace(/^ /, '');
          }
        }
        messages.push(message);
      }
    }
  })();
  return {
    response,
    messages,
    ended: () => ended,
    events: () => messages.filter((m) => m.event !== undefined),
    async close() {
      abort.abort();
      await reading;
    },
  };
}

async function waitFor(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(instancePairs())('server-sent live events on $name', ({ open }) => {
  let a: Db;
  let b: Db;
  let closeDbs: () => Promise<void>;
  let hub: LiveHub;
  let server: Server;
  let base: string;
  let following = 0;
  /** Followers (`?who=`) whose seat is gone: their stream ends at the next heartbeat. */
  const refused = new Set<string>();

  const publish = (kind: string, caseId: string) =>
    a.transaction((tx) =>
      sqlLivePublisher(tx).publish(MEETING, { kind, ids: { meetingId: 'm1', caseId } }),
    );

  beforeAll(async () => {
    ({ a, b, close: closeDbs } = await open());
    await migrate(a);
    hub = await openLiveHub(b);
    // Counts the subscriptions open, to see a closed stream let go of its own.
    const live: LiveFollowing = {
      eventsSince: hub.eventsSince,
      horizon: hub.horizon,
      subscribe(topic, listener, options) {
        following += 1;
        const stop = hub.subscribe(topic, listener, options);
        return () => {
          following -= 1;
          stop();
        };
      },
    };
    const app = express();
    app.get('/live/:topic', (req, res) =>
      streamLiveEvents(req, res, {
        topic: req.params.topic,
        live,
        heartbeatMs: 100,
        stillAllowed: async () => !refused.has(String(req.query.who)),
      }),
    );
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/live/${MEETING}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await hub.close();
    await closeDbs();
  });

  it('streams each event with its id, kind and ids, and a heartbeat comment', async () => {
    const stream = await openStream(base);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.response.headers.get('cache-control')).toBe('no-cache');
    expect(stream.response.headers.get('x-accel-buffering')).toBe('no');
    await waitFor(() => following === 1, 'the subscription');
    await new Promise((resolve) => setTimeout(resolve, 200)); // its first read has answered
    const seq = await publish('case-opened', 'c1');
    await waitFor(() => stream.events().length === 1, 'the event');
    const [message] = stream.events();
    expect(message).toEqual({
      id: String(seq),
      event: 'case-opened',
      data: expect.any(String),
    });
    expect(JSON.parse(message!.data!)).toEqual({
      topic: MEETING,
      seq,
      kind: 'case-opened',
      ids: { meetingId: 'm1', caseId: 'c1' },
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    await waitFor(() => stream.messages.some((m) => m.comment === 'heartbeat'), 'a heartbeat');
    await stream.close();
    await waitFor(() => following === 0, 'the stream to let go');
  });

  it('gives a client reconnecting with Last-Event-ID exactly the events it missed, in order', async () => {
    const first = await openStream(base);
    await waitFor(() => following === 1, 'the subscription');
    await new Promise((resolve) => setTimeout(resolve, 200)); // its first read has answered
    const seen = await publish('case-opened', 'c2');
    await waitFor(() => first.events().length === 1, 'the first event');
    await first.close();
    await waitFor(() => following === 0, 'the stream to let go');
    const missed = [
      await publish('action-saved', 'c3'),
      await publish('note-saved', 'c4'),
      await publish('case-closed', 'c5'),
    ];
    const again = await openStream(base, { 'Last-Event-ID': first.events()[0]!.id! });
    await waitFor(() => again.events().length === 3, 'the missed events');
    const next = await publish('case-opened', 'c6');
    await waitFor(() => again.events().length === 4, 'the next event');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(seen).toBeLessThan(missed[0]!);
    expect(again.events().map((m) => [m.id, m.event])).toEqual([
      [String(missed[0]), 'action-saved'],
      [String(missed[1]), 'note-saved'],
      [String(missed[2]), 'case-closed'],
      [String(next), 'case-opened'],
    ]);
    await again.close();
  });

  it('resumes from ?lastEventId= too, and ignores one that is not a sequence number', async () => {
    const from = await publish('case-opened', 'c7');
    const after = await publish('case-closed', 'c8');
    const byQuery = await openStream(`${base}?lastEventId=${from}`);
    await waitFor(() => byQuery.events().length === 1, 'the event after it');
    expect(byQuery.events()[0]!.id).toBe(String(after));
    const bad = await openStream(base, { 'Last-Event-ID': '1; DROP TABLE live_event' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(bad.events()).toEqual([]);
    await byQuery.close();
    await bad.close();
  });

  it('sends one reset, and then what follows, to a client ahead of the topic', async () => {
    const last = await publish('case-opened', 'c9');
    const ahead = await openStream(base, { 'Last-Event-ID': String(last + 1000) });
    await waitFor(() => ahead.events().length === 1, 'the reset');
    expect(ahead.events()[0]).toMatchObject({ id: String(last), event: 'reset' });
    expect(JSON.parse(ahead.events()[0]!.data!)).toEqual({ seq: last });
    const next = await publish('case-closed', 'c10');
    await waitFor(() => ahead.events().length === 2, 'the next event');
    expect(ahead.events()[1]).toMatchObject({ id: String(next), event: 'case-closed' });
    await ahead.close();
  });

  it('sends a reset to a client behind what the table still holds, and none to one up to date', async () => {
    const old = await publish('case-opened', 'c11');
    const kept = await publish('case-closed', 'c12');
    // As pruning does after a day: the oldest rows go.
    await a.query('DELETE FROM live_event WHERE seq <= $1', [old]);
    const behind = await openStream(base, { 'Last-Event-ID': String(old - 1) });
    await waitFor(() => behind.events().length === 1, 'the reset');
    expect(behind.events()[0]).toMatchObject({ id: String(kept), event: 'reset' });
    const current = await openStream(base, { 'Last-Event-ID': String(kept) });
    const resumed = await openStream(base, { 'Last-Event-ID': String(old) });
    await waitFor(() => resumed.events().length === 1, 'the event after the kept floor');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(current.events()).toEqual([]);
    expect(resumed.events().map((m) => [m.id, m.event])).toEqual([[String(kept), 'case-closed']]);
    expect(behind.events()).toHaveLength(1);
    await Promise.all([behind.close(), current.close(), resumed.close()]);
  });

  it('ends the stream of a follower who has lost their seat, at the next heartbeat', async () => {
    const kept = await openStream(`${base}?who=kept`);
    const lost = await openStream(`${base}?who=lost`);
    await waitFor(() => following >= 2, 'the subscriptions');
    refused.add('lost');
    await waitFor(() => lost.ended(), 'the lost seat to end its stream');
    const next = await publish('case-opened', 'c13');
    await waitFor(() => kept.events().length === 1, 'the event to the one still seated');
    expect(kept.events()[0]!.id).toBe(String(next));
    expect(lost.events()).toEqual([]);
    await kept.close();
    await waitFor(() => following === 0, 'both streams to let go');
  });
});
