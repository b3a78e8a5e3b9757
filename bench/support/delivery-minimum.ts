import type { OutlookLimits } from './outlook-mail-server.js';

export interface DeliveryMinimum {
  /** The least time `requests` requests can take under the limits, in ms. */
  ms: number;
  /** Waves of `concurrency` requests, each taking the latency: ceil(n / c) x latency. */
  concurrencyMs: number;
  /** The last request waits for its token, max(0, n - burst) / rate, then takes the latency. */
  rateMs: number;
}

/**
 * The shortest time Outlook's limits allow for `requests` requests to one mailbox, counted from the
 * first request to the last answer: the larger of the two bounds. Each is a floor on its own; where
 * the two are close, the true floor under both at once can be a little longer, so a ratio against
 * this minimum errs on the side of looking worse.
 */
export function deliveryMinimum(
  requests: number,
  limits: Pick<OutlookLimits, 'concurrency' | 'latencyMs' | 'ratePerSecond' | 'burst'>,
): DeliveryMinimum {
  const concurrencyMs = Math.ceil(requests / limits.concurrency) * limits.latencyMs;
  const rateMs =
    (Math.max(0, requests - limits.burst) / limits.ratePerSecond) * 1000 + limits.latencyMs;
  return { ms: Math.max(concurrencyMs, rateMs), concurrencyMs, rateMs };
}
