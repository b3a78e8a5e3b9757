import type { MeetingSnapshot } from '#core/meeting-run/meeting-snapshot.js';
import type { LiveEvent, LiveEvents, LiveListener } from '#core/ports/live.js';
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
  /** The events committed, as `eventsSince` reads them back; and each such read. */
  const committed: LiveEvent[] = [];
  const readsSince: { topic: string; seq: number }[] = [];
  const live: LiveEvents = {
    subscribe(topic, listener, options) {
      listeners.set(topic, listener);
      subscriptions.push({ topic, after: options?.after });
      return () => listeners.delete(topic);
    },
    eventsSince: async (topic, seq) => {
      readsSince.push({ topic, seq });
      return committed.filter((e) => e.topic === topic && e.seq > seq);
    },
  };
  const event = (meetingId: string, seq: number, kind: string): LiveEvent => ({
    topic: `meeting:${meetingId}`,
    seq,
    kind,
    ids: { meetingId },
    at: new Date(),
  });
  const hear = (meetingId: string, seq: number, kind = 'meeting.current') =>
    listeners.get(`meeting:${meetingId}`)?.(event(meetingId, seq, kind));
  const commit = (meetingId: string, seq: number, kind: string) =>
    committed.push(event(meetingId, seq, kind));
  return { live, listeners, subscriptions, hear, commit, readsSince };
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

it('moves a kept snapshot on past an event that changes nothing in it, without reading the store', async () => {
  const store = fakeStore();
  const { live, hear } = fakeLive();
  const cache = cachedSnapshots(store, live, { topicOf });
  const first = (await cache.load(M1))!;
  hear(M1, 6, 'case.action'); // an action recorded: the snapshot holds none
  const moved = (await cache.load(M1))!;
  expect(moved.seq).toBe(6);
  expect(first.seq).toBe(5); // the snapshot handed out before is not changed under its readers
  hear(M1, 7, 'case.notes');
  expect((await cache.load(M1))!.seq).toBe(7);
  expect(store.loads).toEqual([M1]);
  store.set(M1, 8);
  hear(M1, 8, 'meeting.attendance'); // this one changes the register: read again
  expect((await cache.load(M1))!.seq).toBe(8);
  expect(store.loads).toEqual([M1, M1]);
  cache.close();
});

it('after a write here, asks for the events since the snapshot: only unchanging ones, and it is served moved on', async () => {
  const store = fakeStore();
  const { live, commit, readsSince } = fakeLive();
  const cache = cachedSnapshots(store, live, { topicOf });
  await cache.load(M1);
  // The chair records an action; the write settles before its event is heard here.
  commit(M1, 6, 'case.action');
  store.set(M1, 6);
  cache.drop(M1, { writes: 1, since: 0 });
  expect((await cache.load(M1))!.seq).toBe(6);
  expect(readsSince).toEqual([{ topic: `meeting:${M1}`, seq: 5 }]);
  expect(store.loads).toEqual([M1]);
  // The chair moves to the next case: that changes the snapshot, so the store is read.
  commit(M1, 7, 'case.action');
  commit(M1, 8, 'meeting.current');
  store.set(M1, 8);
  cache.drop(M1, { writes: 1, since: 0 });
  expect((await cache.load(M1))!.seq).toBe(8);
  expect(store.loads).toEqual([M1, M1]);
  cache.close();
});

it('reads the store after a write here that published nothing, after writes one over another, or after a drop without writes', async () => {
  const store = fakeStore();
  const { live, commit } = fakeLive();
  const cache = cachedSnapshots(store, live, { topicOf });
  await cache.load(M1);
  // A write that published no event (or was refused) may still have changed what is shown.
  cache.drop(M1, { writes: 1, since: 0 });
  await cache.load(M1);
  expect(store.loads).toEqual([M1, M1]);
  // Two writes at once: one may have changed the register without an event of its own.
  commit(M1, 6, 'case.action');
  store.set(M1, 6);
  cache.drop(M1, { writes: 2, since: 0 });
  expect((await cache.load(M1))!.seq).toBe(6);
  expect(store.loads).toEqual([M1, M1, M1]);
  cache.drop(M1);
  await cache.load(M1);
  expect(store.loads).toEqual([M1, M1, M1, M1]);
  cache.close();
});

it('does not move on a dropped snapshot past a changing event heard meanwhile', async () => {
  const store = fakeStore();
  const { live, hear, commit, readsSince } = fakeLive();
  const cache = cachedSnapshots(store, live, { topicOf });
  await cache.load(M1);
  commit(M1, 6, 'case.action');
  cache.drop(M1, { writes: 1, since: 0 });
  commit(M1, 7, 'meeting.current');
  hear(M1, 6, 'case.action');
  hear(M1, 7, 'meeting.current'); // another instance moved the meeting on
  store.set(M1, 7);
  expect((await cache.load(M1))!.seq).toBe(7);
  expect(readsSince).toEqual([]);
  expect(store.loads).toEqual([M1, M1]);
  cache.close();
});

it('keeps the view a writer read after its commit for the reads held behind it, and nothing read before', async () => {
  const store = fakeStore();
  const { live } = fakeLive();
  let clock = 100;
  const cache = cachedSnapshots(store, live, { topicOf, mark: () => clock });
  await cache.load(M1);
  // A read begun before the write, still running when the write commits and settles.
  const release = store.holdLoads();
  cache.drop(M1);
  const before = cache.load(M1);
  // The write began at 150, committed seq 6, and reads its view afresh at 160.
  clock = 160;
  store.set(M1, 6);
  const written = cache.loadAfterWrite(M1);
  release();
  expect((await before)!.seq).toBe(5);
  expect((await written)!.seq).toBe(6);
  cache.drop(M1, { writes: 1, since: 150 });
  expect((await cache.load(M1))!.seq).toBe(6);
  expect(store.loads).toEqual([M1, M1, M1]);
  // A view read before a later write began is not kept across that write.
  cache.drop(M1, { writes: 1, since: 170 });
  store.set(M1, 7);
  expect((await cache.load(M1))!.seq).toBe(7);
  expect(store.loads).toEqual([M1, M1, M1, M1]);
  cache.close();
});

it('keeps no load that began before a drop', async () => {
  const store = fakeStore();
  const cache = cachedSnapshots(store, fakeLive().live, { topicOf });
  await cache.load(M1);
  cache.drop(M1);
  const release = store.holdLoads();
  const before = cache.load(M1); // reads seq 5 ... and is held
  store.set(M1, 6); // committed here meanwhile, its event not yet heard
  cache.drop(M1, { writes: 1, since: 0 });
  release();
  expect((await before)!.seq).toBe(5);
  expect((await cache.load(M1))!.seq).toBe(6);
  cache.close();
});
