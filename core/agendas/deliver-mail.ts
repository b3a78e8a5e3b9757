import type { MailPort, OutgoingMail } from '../ports/mail.js';

/** One recipient's message, on its nth attempt (1 for the first). */
export interface DeliveryAttempt {
  mailbox: string;
  messageId: string;
  attempt: number;
  /** Builds the message only when it is to be sent (encryption is not free). */
  build: () => Promise<OutgoingMail>;
  /**
   * An earlier attempt may have gone out (a retry, or the coordinator's resend of a dead row):
   * Sent Items is asked first. Defaults to `attempt > 1`.
   */
  mayHaveSent?: boolean;
}

export type DeliveryOutcome =
  | { kind: 'sent'; foundInSentItems: boolean }
  | { kind: 'retry'; afterSeconds: number; reason: string }
  | { kind: 'dead'; reason: string };

export interface DeliveryPolicy {
  maxAttempts: number;
  baseSeconds: number;
  maxSeconds: number;
  /** 0 to 1; tests pass a fixed value. */
  random: () => number;
}

export const defaultDeliveryPolicy: DeliveryPolicy = {
  maxAttempts: 8,
  baseSeconds: 5,
  maxSeconds: 3600,
  random: Math.random,
};

/** What a mail adapter's error may say: an HTTP status (0 for no answer) and Graph's Retry-After. */
interface SendFailure {
  status?: number;
  retryAfterSeconds?: number;
  code?: string;
  /** Set by a message that cannot be built (no certificate for the rep): trying again will not help. */
  permanent?: boolean;
}

/** A message that cannot be built as things stand; `reason` is what the coordinator reads. */
export class UndeliverableError extends Error {
  readonly permanent = true;
  constructor(readonly code: string) {
    super(code);
    this.name = 'UndeliverableError';
  }
}

/**
 * Delivers one recipient's message exactly once, in the order Company Communicator taught the
 * field: before any resend, ask the mailbox whether an earlier attempt already went (a crash or a
 * lost answer between sending and recording must not send twice); then send. Throttling and
 * server errors are tried again after Retry-After or a backoff with jitter; answers that will not
 * change (a bad message, a mailbox that does not exist) and the last attempt end the delivery
 * as dead, for the coordinator to see.
 */
export async function deliverMail(
  deps: { mail: MailPort },
  attempt: DeliveryAttempt,
  policy: DeliveryPolicy = defaultDeliveryPolicy,
): Promise<DeliveryOutcome> {
  if (attempt.mayHaveSent ?? attempt.attempt > 1) {
    try {
      if (await deps.mail.wasSent(attempt.mailbox, attempt.messageId))
        return { kind: 'sent', foundInSentItems: true };
    } catch (error) {
      // Not knowing is not a reason to send: sending blind could send twice.
      return retryOrDead(attempt, error, policy);
    }
  }
  try {
    await deps.mail.send(await attempt.build());
    return { kind: 'sent', foundInSentItems: false };
  } catch (error) {
    return retryOrDead(attempt, error, policy);
  }
}

function retryOrDead(
  attempt: DeliveryAttempt,
  error: unknown,
  policy: DeliveryPolicy,
): DeliveryOutcome {
  const failure = (error ?? {}) as SendFailure;
  const reason = describe(failure);
  if (failure.permanent) return { kind: 'dead', reason: failure.code ?? 'cannot be built' };
  if (!isRetryable(failure.status)) return { kind: 'dead', reason };
  if (attempt.attempt >= policy.maxAttempts)
    return { kind: 'dead', reason: `${reason}, after ${attempt.attempt} attempts` };
  if (failure.retryAfterSeconds !== undefined && failure.retryAfterSeconds > 0) {
    return { kind: 'retry', afterSeconds: Math.ceil(failure.retryAfterSeconds), reason };
  }
  // Full jitter: workers that failed together do not come back together.
  const ceiling = Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** (attempt.attempt - 1));
  return { kind: 'retry', afterSeconds: Math.max(1, Math.ceil(policy.random() * ceiling)), reason };
}

/** No answer, throttling, timeouts and server errors may pass; anything else will not. */
function isRetryable(status: number | undefined): boolean {
  if (status === undefined || status === 0) return true;
  return status === 408 || status === 429 || status >= 500;
}

function describe(failure: SendFailure): string {
  const parts = [
    failure.status === undefined ? 'no answer' : `HTTP ${failure.status}`,
    failure.code,
  ].filter(Boolean);
  return parts.join(' ');
}
