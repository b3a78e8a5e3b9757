import { KeyedTokenBucket, type MailboxRate } from '../../../bot/src/graph/mailbox-rate.js';

/** A clock that moves only when someone sleeps: every wait is recorded, none is real. */
function fakeClock() {
  const clock = {
    t: 0,
    waits: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.waits.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

describe('pacing requests to a mailbox (token bucket)', () => {
  it.each<[string, MailboxRate, number, number[]]>([
    [
      'a burst goes at once, then one every tenth of a second',
      { perSecond: 10, burst: 3 },
      6,
      [0, 0, 0, 100, 200, 300],
    ],
    [
      'with no burst, every request waits its turn',
      { perSecond: 4, burst: 1 },
      4,
      [0, 250, 500, 750],
    ],
    [
      'a slow rate spaces requests seconds apart',
      { perSecond: 0.5, burst: 2 },
      4,
      [0, 0, 2000, 4000],
    ],
  ])('%s', (_, rate, requests, waits) => {
    const clock = fakeClock();
    const bucket = new KeyedTokenBucket(rate, clock);
    // Reserved at one instant: each caller is told when its own token is due, in arrival order.
    expect(Array.from({ length: requests }, () => bucket.reserve('marac@area.example'))).toEqual(
      waits,
    );
  });

  it('refills with time, but never beyond the burst', () => {
    const clock = fakeClock();
    const bucket = new KeyedTokenBucket({ perSecond: 10, burst: 2 }, clock);
    expect([bucket.reserve('m'), bucket.reserve('m'), bucket.reserve('m')]).toEqual([0, 0, 100]);
    clock.t += 150; // the reserved token came at 100 ms; half of the next one has come since
    expect(bucket.reserve('m')).toBe(50);
    clock.t += 60_000; // a quiet minute fills the bucket to its size, no more
    expect([bucket.reserve('m'), bucket.reserve('m'), bucket.reserve('m')]).toEqual([0, 0, 100]);
  });

  it('keeps one bucket per mailbox', () => {
    const bucket = new KeyedTokenBucket({ perSecond: 1, burst: 1 }, fakeClock());
    expect(bucket.reserve('north@area.example')).toBe(0);
    expect(bucket.reserve('south@area.example')).toBe(0);
    expect(bucket.reserve('north@area.example')).toBe(1000);
  });

  it('take() sleeps until the token is due, and callers who wait go in turn', async () => {
    const clock = fakeClock();
    const bucket = new KeyedTokenBucket({ perSecond: 5, burst: 1 }, clock);
    for (let i = 0; i < 4; i += 1) await bucket.take('m');
    expect(clock.waits).toEqual([200, 200, 200]);
    expect(clock.t).toBe(600);
  });

  it('forgets buckets that have filled up again once many mailboxes were seen', () => {
    const clock = fakeClock();
    const bucket = new KeyedTokenBucket({ perSecond: 1, burst: 1 }, clock);
    for (let i = 0; i < 1001; i += 1) bucket.reserve(`area-${i}@example.org`);
    clock.t += 1000;
    bucket.reserve('one-more@example.org');
    expect((bucket as unknown as { buckets: Map<string, unknown> }).buckets.size).toBe(1);
    // A forgotten mailbox starts again with a full bucket, which is what it had anyway.
    expect(bucket.reserve('area-0@example.org')).toBe(0);
  });

  it.each<[string, MailboxRate]>([
    ['a rate of 0', { perSecond: 0, burst: 1 }],
    ['a burst of 0', { perSecond: 1, burst: 0 }],
    ['a burst that is not whole', { perSecond: 1, burst: 1.5 }],
  ])('refuses %s', (_, rate) => {
    expect(() => new KeyedTokenBucket(rate, fakeClock())).toThrow(RangeError);
  });
});
