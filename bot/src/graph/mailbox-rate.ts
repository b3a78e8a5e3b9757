/** Requests a second per mailbox that the app allows itself, and how many may go at once. */
export interface MailboxRate {
  perSecond: number;
  /** Requests that may go together after a quiet spell (the bucket's size); 1 or more. */
  burst: number;
}

export interface RateClock {
  /** Milliseconds on a clock that only goes forward (performance.now). */
  now(): number;
  sleep(ms: number): Promise<void>;
}

/**
 * A token bucket per key. Graph keys are mailboxes: Outlook counts each app's requests to a
 * mailbox (10,000 per 10 minutes) and answers those beyond its rate with 429 and a Retry-After
 * in whole seconds. Pacing the requests here means the app never earns one, so a publish to 25
 * agencies never stalls for a second it did not need to.
 *
 * A caller who finds the bucket empty reserves the next token (the count goes below zero) and
 * sleeps until it is due: waiters go in the order they came, evenly spaced, and none is starved.
 */
export class KeyedTokenBucket {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    private readonly rate: MailboxRate,
    private readonly clock: RateClock,
  ) {
    if (!(rate.perSecond > 0)) throw new RangeError('The rate must be more than 0 a second');
    if (!Number.isInteger(rate.burst) || rate.burst < 1)
      throw new RangeError('The burst must be a whole number, 1 or more');
    this.perMs = rate.perSecond / 1000;
  }

  /** Resolves when a request for `key` may go; its token is taken. */
  async take(key: string): Promise<void> {
    const waitMs = this.reserve(key);
    if (waitMs > 0) await this.clock.sleep(waitMs);
  }

  /** Takes a token, or reserves the next one to come; returns the milliseconds until it is due. */
  reserve(key: string): number {
    const now = this.clock.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.rate.burst, at: now };
    bucket.tokens = Math.min(this.rate.burst, bucket.tokens + (now - bucket.at) * this.perMs) - 1;
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 1000) this.forgetFull(now);
    return bucket.tokens >= 0 ? 0 : Math.ceil(-bucket.tokens / this.perMs);
  }

  /** A bucket that has filled up again is the same as no bucket: drop it, so keys do not pile up. */
  private forgetFull(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.rate.burst)
        this.buckets.delete(key);
    }
  }
}
