import type { RateClock } from '../graph/mailbox-rate.js';

/** At most `max` messages in any `seconds`. */
export interface RateWindow {
  seconds: number;
  max: number;
}

/**
 * Teams' limits for a bot (learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit):
 * per conversation 7 a second, 8 in 2 seconds, 60 in 30 and 1,800 an hour; per app per tenant
 * 50 a second. The service counts a request when it arrives; ours counts it when it leaves, so
 * every window is kept a little longer here (`MARGIN_MS`) and a request that is slow on the way
 * does not land inside a window that has just closed.
 */
export const TEAMS_CONVERSATION_WINDOWS: readonly RateWindow[] = [
  { seconds: 1, max: 7 },
  { seconds: 2, max: 8 },
  { seconds: 30, max: 60 },
  { seconds: 3600, max: 1800 },
];
export const TEAMS_TENANT_WINDOWS: readonly RateWindow[] = [{ seconds: 1, max: 50 }];
const MARGIN_MS = 25;

/** One conversation's or one tenant's sends, oldest first, and a pause that Teams asked for. */
class Lane {
  readonly times: number[] = [];
  pausedUntil = 0;
  private readonly longestMs: number;

  constructor(private readonly windows: readonly RateWindow[]) {
    this.longestMs = Math.max(...windows.map((w) => w.seconds * 1000 + MARGIN_MS));
  }

  /** The earliest time at or after `at` when one more send fits every window. */
  earliest(at: number): number {
    let t = Math.max(at, this.pausedUntil, this.times[this.times.length - 1] ?? -Infinity);
    for (;;) {
      let next = t;
      for (const w of this.windows) {
        const span = w.seconds * 1000 + MARGIN_MS;
        const inWindow = this.times.filter((time) => time > t - span);
        if (inWindow.length >= w.max)
          next = Math.max(next, inWindow[inWindow.length - w.max]! + span);
      }
      if (next === t) return t;
      t = next;
    }
  }

  forget(now: number): void {
    while (this.times.length && this.times[0]! <= now - this.longestMs) this.times.shift();
  }

  /** A send placed at `from` counts from `to` instead (later); the times stay in order. */
  move(from: number, to: number): void {
    const index = this.times.indexOf(from);
    if (index < 0) return; // forgotten already
    this.times.splice(index, 1);
    let insertAt = this.times.length;
    while (insertAt > 0 && this.times[insertAt - 1]! > to) insertAt -= 1;
    this.times.splice(insertAt, 0, to);
  }

  get idle(): boolean {
    return this.times.length === 0;
  }
}

/**
 * Paces the bot's messages so that Teams never has to refuse one: each send reserves the first
 * moment that fits both its conversation's windows and its tenant's, and waits until then.
 * Reservations are handed out in order, so concurrent senders share the tenant's 50 a second
 * without either earning a 429. When Teams answers 429 all the same (another instance of the
 * app sent too), `pause` holds the lane for its `Retry-After`.
 */
export class TeamsPace {
  private readonly conversations = new Map<string, Lane>();
  private readonly tenants = new Map<string, Lane>();

  constructor(
    private readonly clock: RateClock,
    private readonly windows = {
      conversation: TEAMS_CONVERSATION_WINDOWS,
      tenant: TEAMS_TENANT_WINDOWS,
    },
  ) {}

  /**
   * Resolves when a message to `conversationId` in `tenantId` may leave; its place is taken. Call
   * the function it resolves with when Teams has answered: the place moves to that moment. Teams
   * counts a message when it arrives, at the latest when its answer comes back; counted then, a
   * message slow to leave (the event loop busy, a connection opening) cannot let the next ones
   * land too close behind it, and earn a 429 that holds the whole tenant for a second. In a
   * steady flow every place moves by about the same round trip, so the rate stays the same.
   */
  async take(conversationId: string, tenantId: string): Promise<() => void> {
    const { at, waitMs } = this.place(conversationId, tenantId);
    if (waitMs > 0) await this.clock.sleep(waitMs);
    return () => this.answered(conversationId, tenantId, at);
  }

  /** Reserves the next moment that fits; the milliseconds until it comes. */
  reserve(conversationId: string, tenantId: string): number {
    return this.place(conversationId, tenantId).waitMs;
  }

  private place(conversationId: string, tenantId: string): { at: number; waitMs: number } {
    const now = this.clock.now();
    const conversation = this.lane(this.conversations, conversationId, this.windows.conversation);
    const tenant = this.lane(this.tenants, tenantId, this.windows.tenant);
    conversation.forget(now);
    tenant.forget(now);
    let at = now;
    for (;;) {
      const fits = Math.max(conversation.earliest(at), tenant.earliest(at));
      if (fits === at) break;
      at = fits;
    }
    conversation.times.push(at);
    tenant.times.push(at);
    if (this.conversations.size > 1000) this.forgetIdle(this.conversations, now);
    return { at, waitMs: at - now };
  }

  /** The message placed at `at` was answered now: it counts from now. */
  private answered(conversationId: string, tenantId: string, at: number): void {
    const now = this.clock.now();
    if (now <= at) return;
    this.conversations.get(conversationId)?.move(at, now);
    this.tenants.get(tenantId)?.move(at, now);
  }

  /** Teams said 429 with `Retry-After`: nothing more goes to that conversation (or tenant) until then. */
  pause(key: { conversationId?: string; tenantId?: string }, seconds: number): void {
    const until = this.clock.now() + seconds * 1000;
    const lanes = [
      key.conversationId && this.conversations.get(key.conversationId),
      key.tenantId && this.tenants.get(key.tenantId),
    ];
    for (const lane of lanes) if (lane) lane.pausedUntil = Math.max(lane.pausedUntil, until);
  }

  private lane(lanes: Map<string, Lane>, key: string, windows: readonly RateWindow[]): Lane {
    let found = lanes.get(key);
    if (!found) lanes.set(key, (found = new Lane(windows)));
    return found;
  }

  private forgetIdle(lanes: Map<string, Lane>, now: number): void {
    for (const [key, lane] of lanes) {
      lane.forget(now);
      if (lane.idle && lane.pausedUntil <= now) lanes.delete(key);
    }
  }
}

/** A 429 from the Bot Connector, with the seconds Teams asked for: the outbox waits that long. */
export class TeamsThrottledError extends Error {
  readonly status = 429;
  constructor(readonly retryAfterSeconds: number) {
    super(`Teams asked the bot to wait ${retryAfterSeconds} seconds`);
    this.name = 'TeamsThrottledError';
  }
}

/**
 * The seconds of a 429's `Retry-After` from the Agents SDK's HttpError (its response keeps the
 * fetch Headers), or null when the error is not a 429. Without the header, 1 second.
 */
export function retryAfterOf(error: unknown): number | null {
  const e = error as { status?: unknown; response?: { headers?: unknown } } | null;
  if (e?.status !== 429) return null;
  const headers = e.response?.headers;
  const raw =
    headers instanceof Headers
      ? headers.get('retry-after')
      : ((headers as Record<string, string> | undefined)?.['retry-after'] ?? null);
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 1;
}
