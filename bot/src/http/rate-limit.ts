/**
 * A token bucket per caller: `capacity` requests at once, refilled at `perMinute`. In memory,
 * per app instance: it shields the store and Graph from a runaway client or a scripted probe,
 * not a distributed attack (that is the front door's job: App Service / Front Door rules).
 */
export interface RateLimiter {
  /** Seconds to wait, or 0 when the request may go ahead. */
  take(key: string): number;
}

export function createRateLimiter(options: {
  capacity: number;
  perMinute: number;
  now?: () => number;
  maxKeys?: number;
}): RateLimiter {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 50_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const ratePerMs = options.perMinute / 60_000;
  return {
    take(key) {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: options.capacity, at: t };
      bucket.tokens = Math.min(options.capacity, bucket.tokens + (t - bucket.at) * ratePerMs);
      bucket.at = t;
      buckets.delete(key);
      if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value!);
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.ceil((1 - bucket.tokens) / ratePerMs / 1000);
    },
  };
}
