import type { LiveEvent } from '#core/ports/live.js';
import type { Db } from '../../../bot/src/db/db.js';
import { migrate } from '../../../bot/src/db/migrate.js';
import { openPgliteDb } from '../../../bot/src/db/pglite-db.js';
import { openLiveHub, type LiveHub } from '../../../bot/src/store/live-hub.js';
import { lastLiveSeq, pruneLiveEvents, sqlLivePublisher } from '../../../bot/src/store/sql-live.js';
import { sqlUnitOfWork } from '../../../bot/src/store/unit-of-work.js';
import { instancePairs, testCrypto } from '../../support/backends.js';

const MEETING = 'meeting:7d0b6a5e-3f2c-4c1e-9a55-0f7e5c1d2b3a';
const OTHER = 'meeting:1b9e1c57-5a37-4d7e-8d57-8c3a3e0f6a10';

async function waitFor(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const quiet = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(instancePairs())('live events on $name', ({ name, open }) => {
  let a: Db;
  let b: Db;
  let close: () => Promise<void>;
  let hubA: LiveHub;
  let hubB: LiveHub;
  const errors: unknown[] = [];

  const publish = (db: Db, topic: string, kind: string, caseId = 'c1') =>
    db.transaction((tx) =>
      sqlLivePublisher(tx).publish(topic, { kind, ids: { meetingId: 'm1', caseId } }),
    );
  // From the topic's last seq as the test knows it: a fresh subscription would start from the
  // last seq when its first read answers, and an event committed before that would be missed.
  const follow = async (hub: LiveHub, topic: string, after?: number) => {
    const seen: LiveEvent[] = [];
    const from = after ?? (await lastLiveSeq(a, topic));
    const stop = hub.subscribe(topic, (event) => seen.push(event), { after: from });
    return { seen, stop };
  };

  beforeAll(async () => {
    ({ a, b, close } = await open());
    await migrate(a);
    const onError = (error: unknown) => errors.push(error);
    hubA = await openLiveHub(a, { onError, retryMs: 50 });
    hubB = await openLiveHub(b, { onError, retryMs: 50 });
  });
  afterAll(async () => {
    await hubA.close();
    await hubB.close();
    await close();
  });
  afterEach(() => expect(errors).toEqual([]));

  it('delivers an event committed on one instance to a subscriber on the other, once', async () => {
    const onB = await follow(hubB, MEETING);
    const onA = await follow(hubA, MEETING);
    const elsewhere = await follow(hubB, OTHER);
    await quiet(50); // the subscriptions have read where they start
    const seq = await publish(a, MEETING, 'case-opened');
    await waitFor(() => onB.seen.length === 1 && onA.seen.length === 1, 'the event');
    expect(onB.seen[0]).toEqual({
      topic: MEETING,
      seq,
      kind: 'case-opened',
      ids: { meetingId: 'm1', caseId: 'c1' },
      at: expect.any(Date),
    });
    await quiet();
    expect([onA.seen.length, onB.seen.length, elsewhere.seen.length]).toEqual([1, 1, 0]);
    onA.stop();
    onB.stop();
    elsewhere.stop();
  });

  it('publishes through the unit of work, and a rolled-back transaction delivers nothing', async () => {
    const uow = sqlUnitOfWork(a, await testCrypto(a));
    const onB = await follow(hubB, MEETING);
    await quiet(50);
    await expect(
      uow.run(async (repos) => {
        await repos.live.publish(MEETING, { kind: 'note-saved', ids: { noteId: 'n1' } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const seq = await uow.run((repos) =>
      repos.live.publish(MEETING, { kind: 'note-saved', ids: { noteId: 'n2' } }),
    );
    await waitFor(() => onB.seen.length >= 1, 'the committed event');
    await quiet();
    expect(onB.seen.map((e) => [e.seq, e.ids.noteId])).toEqual([[seq, 'n2']]);
    expect((await hubB.eventsSince(MEETING, seq - 1)).map((e) => e.ids.noteId)).toEqual(['n2']);
    onB.stop();
  });

  it('replays the events after `after` in order, then follows, each once', async () => {
    const first = await publish(a, MEETING, 'case-opened', 'c10');
    const missed = [
      await publish(a, MEETING, 'action-saved', 'c11'),
      await publish(a, OTHER, 'action-saved', 'c99'),
      await publish(a, MEETING, 'case-closed', 'c12'),
    ];
    const back = await follow(hubB, MEETING, first);
    await waitFor(() => back.seen.length === 2, 'the missed events');
    const next = await publish(a, MEETING, 'case-opened', 'c13');
    await waitFor(() => back.seen.length === 3, 'the next event');
    await quiet();
    expect(back.seen.map((e) => [e.seq, e.ids.caseId])).toEqual([
      [missed[0], 'c11'],
      [missed[2], 'c12'],
      [next, 'c13'],
    ]);
    back.stop();
  });

  it('refuses an event that could carry more than ids, before writing anything', async () => {
    await expect(
      a.transaction((tx) =>
        sqlLivePublisher(tx).publish(MEETING, { kind: 'note-saved', ids: { name: 'Jo Bloggs' } }),
      ),
    ).rejects.toThrow('ids are names to identifiers');
    await expect(
      a.transaction((tx) => sqlLivePublisher(tx).publish('Jo Bloggs', { kind: 'x', ids: {} })),
    ).rejects.toThrow('topic');
  });

  it('prunes events older than the retention, keeping the recent ones', async () => {
    const seq = await publish(a, OTHER, 'case-opened', 'old');
    await a.query(`UPDATE live_event SET at = now() - interval '2 days' WHERE seq = $1`, [seq]);
    expect(await pruneLiveEvents(a, 1)).toBe(1);
    expect((await hubA.eventsSince(OTHER, 0)).map((e) => e.seq)).not.toContain(seq);
    expect((await hubA.eventsSince(MEETING, 0)).length).toBeGreaterThan(0);
  });

  if (name !== 'PGlite') {
    it('survives its listening connection being killed, and delivers what was committed meanwhile', async () => {
      const onB = await follow(hubB, MEETING);
      await quiet(50);
      const before = await publish(a, MEETING, 'case-opened', 'c20');
      await waitFor(() => onB.seen.length === 1, 'the event before');
      const pid = hubB.backendPid();
      expect(pid).toEqual(expect.any(Number));
      await a.query('SELECT pg_terminate_backend($1)', [pid]);
      // Published while B's listener is down: no notification reaches it.
      const during = [
        await publish(a, MEETING, 'action-saved', 'c21'),
        await publish(a, MEETING, 'action-saved', 'c22'),
      ];
      await waitFor(() => hubB.backendPid() !== null && hubB.backendPid() !== pid, 'the reconnect');
      const after = await publish(a, MEETING, 'case-closed', 'c23');
      await waitFor(() => onB.seen.length === 4, 'every event');
      await quiet();
      expect(onB.seen.map((e) => e.seq)).toEqual([before, ...during, after]);
      onB.stop();
    });

    it('numbers a topic in commit order when two transactions publish at once', async () => {
      const onB = await follow(hubB, MEETING);
      await quiet(50);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const slow = a.transaction(async (tx) => {
        const seq = await sqlLivePublisher(tx).publish(MEETING, { kind: 'slow', ids: {} });
        await held;
        return seq;
      });
      await quiet(50);
      const fast = b.transaction((tx) =>
        sqlLivePublisher(tx).publish(MEETING, { kind: 'fast', ids: {} }),
      );
      await quiet(100);
      release();
      const [slowSeq, fastSeq] = await Promise.all([slow, fast]);
      expect(slowSeq).toBeLessThan(fastSeq);
      await waitFor(() => onB.seen.length === 2, 'both events');
      expect(onB.seen.map((e) => e.kind)).toEqual(['slow', 'fast']);
      onB.stop();
    });
  }
});

describe('a live subscription whose read back fails', () => {
  it('retries it, holding notifications back meanwhile, so none is lost or out of order', async () => {
    const db = await openPgliteDb(null);
    await migrate(db);
    let failures = 0;
    const flaky: Db = {
      ...db,
      async query<Row>(sql: string, params?: unknown[]) {
        if (/FROM live_event/.test(sql) && failures < 2) {
          failures += 1;
          throw new Error('the database did not answer');
        }
        return db.query<Row>(sql, params);
      },
    };
    const errors: unknown[] = [];
    const hub = await openLiveHub(flaky, { onError: (e) => errors.push(e), retryMs: 100 });
    const first = await db.transaction((tx) =>
      sqlLivePublisher(tx).publish(MEETING, { kind: 'case-opened', ids: {} }),
    );
    const second = await db.transaction((tx) =>
      sqlLivePublisher(tx).publish(MEETING, { kind: 'case-closed', ids: {} }),
    );
    const seen: number[] = [];
    const stop = hub.subscribe(MEETING, (event) => seen.push(event.seq), { after: 0 });
    // Committed while the read back is failing: its notification waits for the read back.
    const third = await db.transaction((tx) =>
      sqlLivePublisher(tx).publish(MEETING, { kind: 'case-opened', ids: {} }),
    );
    await waitFor(() => seen.length === 3, 'every event');
    expect(seen).toEqual([first, second, third]);
    expect(errors).toHaveLength(2);
    stop();
    await hub.close();
    await db.close();
  });
});
