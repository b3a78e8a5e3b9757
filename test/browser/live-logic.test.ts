/**
 * The tab's live client (`tab/src/api/live.ts`) against a real stream: the server's own
 * `streamLiveEvents` over a live hub on PGlite, behind a check of the bearer token. The client
 * runs in Node with its fetch pointed at the server, as the browser's would be.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import type { Db } from '../../bot/src/db/db.js';
import { migrate } from '../../bot/src/db/migrate.js';
import { openPgliteDb } from '../../bot/src/db/pglite-db.js';
import { streamLiveEvents } from '../../bot/src/http/sse.js';
import { openLiveHub, type LiveHub } from '../../bot/src/store/live-hub.js';
import { sqlLivePublisher } from '../../bot/src/store/sql-live.js';
import {
  followMeetingWith,
  type FollowDeps,
  type LiveStatus,
  type MeetingLiveEvent,
} from '../../tab/src/api/live.js';

const MEETING = '5b0c1d2e-3f40-4a51-8b62-7c8d9e0f1a2b';

let db: Db;
let hub: LiveHub;
let server: Server;
let base: string;
/** The tokens the server accepts now; a test revokes one to see the client ask afresh. */
const accepted = new Set(['token-1']);
const authorisations: (string | undefined)[] = [];
const lastEventIds: (string | undefined)[] = [];
let streams = 0;

const publish = (kind: string, caseId: string) =>
  db.transaction((tx) =>
    sqlLivePublisher(tx).publish(`meeting:${MEETING}`, { kind, ids: { caseId } }),
  );

async function waitFor(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  db = await openPgliteDb(null);
  await migrate(db);
  hub = await openLiveHub(db);
  const app = express();
  app.get('/api/meetings/:meetingId/run/events', (req, res) => {
    authorisations.push(req.get('authorization'));
    lastEventIds.push(req.get('last-event-id'));
    const token = req.get('authorization')?.replace(/^Bearer /, '');
    if (!token || !accepted.has(token)) {
      res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in.' } });
      return;
    }
    streams += 1;
    res.on('close', () => (streams -= 1));
    void streamLiveEvents(req, res, {
      topic: `meeting:${req.params.meetingId}`,
      live: hub,
      retryMs: 50,
    });
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await hub.close();
  await db.close();
});

beforeEach(() => {
  authorisations.length = 0;
  lastEventIds.length = 0;
});

function follower(after: number, token: () => string = () => 'token-1') {
  const events: MeetingLiveEvent[] = [];
  const statuses: LiveStatus[] = [];
  let resets = 0;
  const refused: (string | undefined)[] = [];
  const deps: FollowDeps = {
    fetch: (input, init) => fetch(`${base}${String(input)}`, init),
    getToken: async () => token(),
    getFreshToken: async (old) => {
      refused.push(old);
      return 'token-2';
    },
    firstDelayMs: 20,
    maxDelayMs: 200,
  };
  const stop = followMeetingWith(deps, MEETING, {
    after,
    onEvent: (event) => events.push(event),
    onReset: () => (resets += 1),
    onStatus: (status) => statuses.push(status),
  });
  return { events, statuses, refused, resets: () => resets, stop };
}

it('hands on each event once, in order, with its seq, kind and ids, and says it is live', async () => {
  const after = await publish('case-opened', 'c0');
  const f = follower(after);
  await waitFor(() => f.statuses.includes('live'), 'live');
  const seqs = [await publish('case-opened', 'c1'), await publish('action-saved', 'c1')];
  await waitFor(() => f.events.length === 2, 'two events');
  expect(f.events).toEqual([
    { seq: seqs[0], kind: 'case-opened', ids: { caseId: 'c1' } },
    { seq: seqs[1], kind: 'action-saved', ids: { caseId: 'c1' } },
  ]);
  expect(authorisations).toEqual(['Bearer token-1']);
  expect(lastEventIds).toEqual([String(after)]);
  f.stop();
  await waitFor(() => streams === 0, 'the stream to close');
});

it('reconnects after a drop with Last-Event-ID and a token asked for again, and catches up', async () => {
  const after = await publish('case-opened', 'c2');
  let asked = 0;
  const f = follower(after, () => {
    asked += 1;
    return 'token-1';
  });
  await waitFor(() => f.statuses.includes('live'), 'live');
  const seen = await publish('note-saved', 'c2');
  await waitFor(() => f.events.length === 1, 'the first event');
  server.closeAllConnections();
  await waitFor(() => f.statuses.includes('reconnecting'), 'reconnecting');
  const missed = [await publish('action-saved', 'c2'), await publish('case-opened', 'c3')];
  await waitFor(() => f.events.length === 3, 'the missed events');
  expect(f.statuses).toEqual(['live', 'reconnecting', 'live']);
  expect(f.events.map((e) => e.seq)).toEqual([seen, ...missed]);
  expect(lastEventIds).toEqual([String(after), String(seen)]);
  expect(asked).toBe(2);
  f.stop();
  await waitFor(() => streams === 0, 'the stream to close');
});

it('asks for a fresh token once when the server refuses the one it had', async () => {
  const f = follower(await publish('case-opened', 'c4'), () => 'revoked');
  await waitFor(() => f.refused.length === 1, 'a fresh token');
  accepted.add('token-2');
  await waitFor(() => f.statuses.includes('live'), 'live');
  expect(new Set(f.refused)).toEqual(new Set(['revoked']));
  expect(authorisations.slice(-1)).toEqual(['Bearer token-2']);
  f.stop();
  accepted.delete('token-2');
  await waitFor(() => streams === 0, 'the stream to close');
});

it('tells the page to read the view again when the server sends a reset, then follows on', async () => {
  const last = await publish('case-opened', 'c5');
  const f = follower(last + 500);
  await waitFor(() => f.resets() === 1, 'the reset');
  const next = await publish('case-closed', 'c5');
  await waitFor(() => f.events.length === 1, 'the event after the reset');
  expect(f.events[0]!.seq).toBe(next);
  f.stop();
  await waitFor(() => streams === 0, 'the stream to close');
});

it('keeps trying, more slowly, while the server refuses, and says nothing more once stopped', async () => {
  const f = follower(0, () => 'nobody');
  await waitFor(() => authorisations.length >= 4, 'several attempts', 10_000);
  expect(f.statuses).toEqual(['reconnecting']);
  f.stop();
  const attempts = authorisations.length;
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(authorisations.length).toBe(attempts);
  expect(f.events).toEqual([]);
});
