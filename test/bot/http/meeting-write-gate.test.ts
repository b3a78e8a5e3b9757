import { meetingWriteGate } from '../../../bot/src/http/meeting-write-gate.js';

const M1 = '6a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
const M2 = '7b2c3d4e-5f6a-4b7c-9d8e-9f0a1b2c3d4e';

/** Whether the promise has settled after the microtasks queued so far have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

it('holds a meeting view read while a write to the meeting runs, and lets it go when the last settles', async () => {
  const dropped: { id: string; writes: number; since: number }[] = [];
  let clock = 10;
  const gate = meetingWriteGate({
    settled: (id, batch) => dropped.push({ id, ...batch }),
    now: () => clock,
  });
  expect(await settled(gate.idle(M1))).toBe(true);

  const first = gate.enter(M1);
  clock = 20;
  const second = gate.enter(M1);
  const read = gate.idle(M1);
  expect(await settled(gate.idle(M2))).toBe(true); // another meeting's reads are not held
  first();
  first(); // settling twice counts once
  expect(await settled(read)).toBe(false);
  expect(dropped).toEqual([]);
  second();
  expect(await settled(read)).toBe(true);
  // The kept snapshot is dropped before the held reads go on, so they read what the write left;
  // the cache is told how many writes there were, and when the first began.
  expect(dropped).toEqual([{ id: M1, writes: 2, since: 10 }]);
  clock = 30;
  gate.enter(M1)();
  expect(dropped.at(-1)).toEqual({ id: M1, writes: 1, since: 30 });
  expect(await settled(gate.idle(M1))).toBe(true);
});
