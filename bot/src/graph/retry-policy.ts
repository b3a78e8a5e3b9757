/** How the Graph client waits between attempts. Numbers are Graph's throttling guidance. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** A `Retry-After` longer than this is not waited out here: the error goes back to the outbox. */
  maxWaitSeconds: number;
  /** Up to this much is added to every wait, so that parked requests do not all wake together. */
  jitterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 4,
  maxWaitSeconds: 60,
  jitterMs: 250,
};

/**
 * Reads `Retry-After` as delta-seconds or as an HTTP date (RFC 9110 section 10.2.3). Returns
 * undefined when absent or unreadable.
 */
export function parseRetryAfter(
  header: string | null,
  now: number = Date.now(),
): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * Milliseconds to wait before attempt `attempt + 1`, or undefined to give up now. Graph's
 * `Retry-After` is honoured as a floor; without one, back off 1 s, 2 s, 4 s ...
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfterSeconds: number | undefined,
  random: () => number = Math.random,
): number | undefined {
  if (attempt >= policy.maxAttempts) return undefined;
  const seconds = retryAfterSeconds ?? Math.min(2 ** (attempt - 1), policy.maxWaitSeconds);
  if (seconds > policy.maxWaitSeconds) return undefined;
  return seconds * 1000 + Math.floor(random() * policy.jitterMs);
}
