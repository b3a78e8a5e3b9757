import { lane, SlidingWindows, type Window } from '../../test/support/sliding-windows.js';

export interface TeamsWindows {
  perConversation: readonly Window[];
  perTenant: readonly Window[];
}

export interface FanOutMinimum {
  /** The least time from the first message accepted to the last, in ms: the larger floor. */
  ms: number;
  /** The busiest conversation's floor on its own. */
  conversationMs: number;
  /** The tenant's floor for every message on its own. */
  tenantMs: number;
}

/**
 * The earliest the n-th of n messages to one lane can be accepted after the first, under sliding
 * windows of "at most `max` in any `seconds`". A window counts the times `t > now - span` (as
 * Teams and the fake do), so message k may go exactly one span after message k - max; sending
 * each as early as that allows is the fastest any order can be:
 *
 *   t(0) = 0;  t(k) = max(t(k - 1), max over windows with max <= k of t(k - max) + span)
 *
 * 1,000 messages at 50 a second: t(k) = floor(k / 50) s, so the last (k = 999) at 19 s; 20 to one
 * conversation under 7/1 s and 8/2 s: t(8) = 2 s, t(16) = 4 s, t(19) = 4 s.
 */
export function laneMinimumMs(messages: number, windows: readonly Window[]): number {
  const t: number[] = [];
  for (let k = 0; k < messages; k += 1) {
    let at = k === 0 ? 0 : t[k - 1]!;
    for (const w of windows) if (k >= w.max) at = Math.max(at, t[k - w.max]! + w.seconds * 1000);
    t.push(at);
  }
  return messages === 0 ? 0 : t[messages - 1]!;
}

/**
 * The least time Teams' limits allow for a fan-out, from the first message accepted to the last:
 * each conversation's floor for its own messages, and the tenant's for all of them (one tenant),
 * whichever is longer. Each is a floor on its own; `simulateFanOutMs` shows whether both can be
 * met at once in the order the app sends.
 */
export function fanOutMinimum(
  perConversation: readonly number[],
  windows: TeamsWindows,
): FanOutMinimum {
  const conversationMs = Math.max(
    0,
    ...perConversation.map((n) => laneMinimumMs(n, windows.perConversation)),
  );
  const total = perConversation.reduce((sum, n) => sum + n, 0);
  const tenantMs = laneMinimumMs(total, windows.perTenant);
  return { ms: Math.max(conversationMs, tenantMs), conversationMs, tenantMs };
}

/**
 * The fake connector's own windows (`SlidingWindows`) on a virtual clock: the messages in the
 * order given (conversation ids), each sent at the first moment both its conversation and the
 * tenant admit it and no earlier than the one before. The time of the last, in ms.
 */
export function simulateFanOutMs(order: readonly string[], windows: TeamsWindows): number {
  const conversations = new Map<string, SlidingWindows>();
  const tenant = new SlidingWindows(windows.perTenant);
  let now = 0;
  for (const conversationId of order) {
    const conversation = lane(conversations, conversationId, windows.perConversation);
    for (;;) {
      const wait = Math.max(conversation.wait(now), tenant.wait(now));
      if (wait === 0) break;
      now += wait;
    }
    conversation.take(now);
    tenant.take(now);
  }
  return now;
}
