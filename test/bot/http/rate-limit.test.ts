import { createRateLimiter } from '../../../bot/src/http/rate-limit.js';

describe('rate limiter', () => {
  it('allows a burst, then asks the caller to wait, then refills', () => {
    let t = 0;
    const limiter = createRateLimiter({ capacity: 3, perMinute: 60, now: () => t });
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(1);
    expect(limiter.take('b')).toBe(0); // callers do not share a bucket
    t += 1000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(1);
  });

  it('forgets the oldest callers beyond its bound', () => {
    const limiter = createRateLimiter({ capacity: 1, perMinute: 1, now: () => 0, maxKeys: 2 });
    limiter.take('a');
    limiter.take('b');
    limiter.take('c');
    expect(limiter.take('a')).toBe(0); // a was evicted, so it starts full again
  });
});

describe('rate limit on the API', () => {
  it('answers 429 with Retry-After once a caller has used its burst', async () => {
    const { startApp, signIn } = await import('../../support/start-app.js');
    const app = await startApp({ env: { RATE_LIMIT_PER_MINUTE: '1', MARAC_SEED_DEMO: 'true' } });
    try {
      const api = await signIn(app, 'rosalind.marsh@riverside-partnership.example');
      const statuses: number[] = [];
      for (let i = 0; i < 61; i += 1) statuses.push((await api('/api/me')).status);
      expect(statuses.slice(0, 59).every((s) => s === 200)).toBe(true);
      const last = await api('/api/me');
      expect(last.status).toBe(429);
      expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await app.stop();
    }
  });
});
