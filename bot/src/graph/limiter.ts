/**
 * At most `limit` tasks at a time per key. Graph keys are mailboxes: Outlook allows an app four
 * concurrent requests per mailbox and answers the fifth with 429 (MailboxConcurrency).
 */
export class KeyedLimiter {
  private readonly lanes = new Map<string, { active: number; waiting: (() => void)[] }>();

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError('The concurrency limit must be 1 or more');
  }

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    await this.acquire(key);
    try {
      return await task();
    } finally {
      this.release(key);
    }
  }

  private async acquire(key: string): Promise<void> {
    const lane = this.lanes.get(key) ?? { active: 0, waiting: [] };
    this.lanes.set(key, lane);
    if (lane.active < this.limit) {
      lane.active += 1;
      return;
    }
    // The releasing task hands its slot straight to the next waiter, so `active` stays put.
    await new Promise<void>((resolve) => lane.waiting.push(resolve));
  }

  private release(key: string): void {
    const lane = this.lanes.get(key);
    if (!lane) return;
    const next = lane.waiting.shift();
    if (next) {
      next();
      return;
    }
    lane.active -= 1;
    if (lane.active === 0) this.lanes.delete(key);
  }
}
