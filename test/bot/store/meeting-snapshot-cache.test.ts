import type { MeetingSnapshot } from '#core/meeting-run/meeting-snapshot.js';
import type { LiveEvents, LiveListener } from '#core/ports/live.js';
import { cachedSnapshots } from '../../../bot/src/store/meeting-snapshot-cache.js';

const M1 = '6a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
const M2 = '7b2c3d4e-5f6a-4b7c-9d8e-9f0a1b2c3d4e';

/** A store whose meeting stands at `seq`; each load can be held until the test lets it go. */
function fakeStore() {
  const seqs = new Map<string, number>([
    [M1, 5],
    [M2, 9],
  ]);
  let hold: Promise<void> | null = null;
  const loads: string[] = [];
  return {
    loads,
    set: (meetingId: string, seq: number) => seqs.set(meetingId, seq),
    holdLoads() {
      let release = () => {};
      hold = new Promise((resolve) => (release = resolve));
      return () => {
        hold = null;
        release();
      };
    },
    async load(meetingId: string) {
      loads.push(meetingId);
      // What the store would read now: the seq first, as loadMeetingSnapshot does.
      const seq = seqs.get(meetingId);
      await hold;
      return seq === undefined ? null : ({ seq } as MeetingSnapshot);
    },
  };
}

function fakeLive() {
  const listeners = new Map<string, LiveListener>();
  const subscriptions: { topic: string; after: number | undefined }[] = [];
  const live: LiveEvents = {
    subscribe(topic, listener, options) {
      listeners.set(topic, listener);
      subscriptions.push({ topic, after: options?.after });
      return () => listeners.delete(topic);
    },
    eventsSince: async () => [],
  };
  const hear = (meetingId: string, seq: number) =>
    listeners.get(`meeting:${meetingId}`)?.({
      topic: `meeting:${meetingId}`,
      seq,
      kind: 'case-opened',
      ids: { meetingId },
      at: new Date(),
    });
  return { live, listeners, subscriptions, hear };
}

const topicOf = (meetingId: string) => `meeting:${meetingId}`;

it('loads a meeting once, then serves it until its next live event', async () => {
  const store = fakeStore();
  const { live, subscriptions, hear } = fakeLive();
  const cache = cachedSnapshots(store, live, { topicOf });
  expect((await cache.load(M1))!.seq).toBe(5);
  expect((await cache.load(M1))!.seq).toBe(5);
  expect(store.loads).toEqual([M1]);
  // It follows from the snapshot's own seq: anything committed after that read is heard.
  expect(subscriptions).toEqual([{ topic: `meeting:${M1}`, after: 5 }]);
  store.set(M1, 6);
  hear(M1, 6);
  expect((await cache.load(M1))!.seq).toBe(6);
  expect((await cache.load(M1))!.seq).toBe(6);
  expect(store.loads).toEqual([M1, M1]);
  expect(subscriptions).toHaveLength(1);
  cache.close();
});

it('shares one load among readers who ask while it runs', async () => {
  const store = fakeStore();
  const cache = cachedSnapshots(store, fakeLive().live, { topicOf });
  const release = store.holdLoads();
  const reads = Array.from({ length: 50 }, () => cache.load(M1));
  release();
  expect((await Promise.all(reads)).map((s) => s!.seq)).toEqual(Array(50).fill(5));
  expect(store.loads).toEqual([M1]);
  cache.close();
});

it('gives a load that began before an event to its own readers only, and keeps none older than the event', async () => {
  const store = fakeStore();
  const { live, hear } = fakeLive();
  const cache = cachedSnapshots(store, live, { topicOf });
  await cache.load(M1); // following from seq 5
  store.set(M1, 6);
  hear(M1, 6);
  const release = store.holdLoads();
  store.set(M1, 6);
  const before = cache.load(M1); // reads seq 6 ... and is held
  store.set(M1, 7);
  hear(M1, 7); // the meeting changed again meanwhile
  const after = cache.load(M1); // must not join the load that began before seq 7
  release();
  expect((await before)!.seq).toBe(6);
  expect((await after)!.seq).toBe(7);
  expect((await cache.load(M1))!.seq).toBe(7);
  expect(store.loads).toEqual([M1, M1, M1]);
  cache.close();
});

it('reads the store again after the longest age, and lets go of the meeting read longest ago', async () => {
  let clock = 0;
  const store = fakeStore();
  const { live, listeners } = fakeLive();
  const cache = cachedSnapshots(store, live, {
    topicOf,
    maxAgeMs: 1_000,
    maxMeetings: 1,
    now: () => clock,
  });
  await cache.load(M1);
  clock = 1_000;
  await cache.load(M1);
  expect(store.loads).toEqual([M1]);
  clock = 1_001;
  await cache.load(M1);
  expect(store.loads).toEqual([M1, M1]);
  await cache.load(M2);
  expect([...listeners.keys()]).toEqual([`meeting:${M2}`]);
  cache.close();
  expect(listeners.size).toBe(0);
});

it('keeps nothing for a meeting that does not exist, and answers null each time', async () => {
  const store = fakeStore();
  const { live, subscriptions } = fakeLive();
  const cache = cachedSnapshots(store, live, { topicOf });
  const none = 'a9b8c7d6-e5f4-4a3b-8c2d-1e0f9a8b7c6d';
  expect(await cache.load(none)).toBeNull();
  expect(await cache.load(none)).toBeNull();
  expect(store.loads).toEqual([none, none]);
  expect(subscriptions).toEqual([]);
  cache.close();
});

it('drops a kept snapshot when this instance has written to the meeting, before its event is heard', async () => {
  const store = fakeStore();
  const { live, hear } = fakeLive();
  const cache = cachedSnapshots(store, live, { topicOf });
  expect((await cache.load(M1))!.seq).toBe(5);
  store.set(M1, 6); // committed here; the event is still on its way
  cache.drop(M1);
  expect((await cache.load(M1))!.seq).toBe(6);
  hear(M1, 6); // the event arrives: the kept snapshot already shows it
  expect((await cache.load(M1))!.seq).toBe(6);
  expect(store.loads).toEqual([M1, M1]);
  cache.drop(M2); // a meeting never read: nothing to drop
  cache.close();
});
