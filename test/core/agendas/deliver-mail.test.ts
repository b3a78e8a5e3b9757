import {
  deliverMail,
  type DeliveryAttempt,
  type DeliveryPolicy,
} from '#core/agendas/deliver-mail.js';
import type { MailPort, OutgoingMail } from '#core/ports/mail.js';

const policy: DeliveryPolicy = {
  maxAttempts: 5,
  baseSeconds: 10,
  maxSeconds: 60,
  random: () => 0.5,
};

/** A mailbox that remembers what it sent; failures are queued per call. */
class FakeMailbox implements MailPort {
  readonly sent: string[] = [];
  readonly sendFailures: unknown[] = [];
  readonly lookUpFailures: unknown[] = [];
  /** Fail after sending: the message goes, the answer is lost. */
  loseNextAnswer = false;
  lookUps = 0;

  async send(mail: OutgoingMail): Promise<void> {
    const failure = this.sendFailures.shift();
    if (failure) throw failure;
    this.sent.push(mail.messageId);
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw Object.assign(new Error('socket hang up'), { status: 0 });
    }
  }

  async wasSent(_mailbox: string, messageId: string): Promise<boolean> {
    this.lookUps += 1;
    const failure = this.lookUpFailures.shift();
    if (failure) throw failure;
    return this.sent.includes(messageId);
  }
}

const attempt = (n: number): DeliveryAttempt => ({
  mailbox: 'marac.northbrook@riverside.example',
  messageId: '<marac.1@riverside.example>',
  attempt: n,
  build: async () => ({
    mailbox: 'marac.northbrook@riverside.example',
    messageId: '<marac.1@riverside.example>',
    mime: new Uint8Array([1]),
  }),
});

describe('deliverMail: exactly once', () => {
  it('sends on the first attempt without asking Sent Items', async () => {
    const mail = new FakeMailbox();
    await expect(deliverMail({ mail }, attempt(1), policy)).resolves.toEqual({
      kind: 'sent',
      foundInSentItems: false,
    });
    expect(mail.sent).toHaveLength(1);
    expect(mail.lookUps).toBe(0);
  });

  it('after a lost answer, finds the message in Sent Items and does not send it again', async () => {
    const mail = new FakeMailbox();
    mail.loseNextAnswer = true;
    await expect(deliverMail({ mail }, attempt(1), policy)).resolves.toMatchObject({
      kind: 'retry',
    });
    await expect(deliverMail({ mail }, attempt(2), policy)).resolves.toEqual({
      kind: 'sent',
      foundInSentItems: true,
    });
    expect(mail.sent).toHaveLength(1);
  });

  it('does not send blind when Sent Items cannot be asked', async () => {
    const mail = new FakeMailbox();
    mail.lookUpFailures.push({ status: 503, code: 'ServiceUnavailable' });
    await expect(deliverMail({ mail }, attempt(2), policy)).resolves.toMatchObject({
      kind: 'retry',
      reason: 'HTTP 503 ServiceUnavailable',
    });
    expect(mail.sent).toHaveLength(0);
  });

  it.each([
    [
      'throttling, after Retry-After',
      { status: 429, retryAfterSeconds: 7.2 },
      { kind: 'retry', afterSeconds: 8 },
    ],
    ['a server error, with jittered backoff', { status: 503 }, { kind: 'retry', afterSeconds: 20 }],
    ['no answer at all', { status: 0 }, { kind: 'retry', afterSeconds: 20 }],
    [
      'a bad message, never again',
      { status: 400, code: 'ErrorMimeContentInvalid' },
      { kind: 'dead', reason: 'HTTP 400 ErrorMimeContentInvalid' },
    ],
    [
      'a missing mailbox, never again',
      { status: 404, code: 'ErrorInvalidUser' },
      { kind: 'dead', reason: 'HTTP 404 ErrorInvalidUser' },
    ],
  ])('treats %s as it should', async (_what, failure, outcome) => {
    const mail = new FakeMailbox();
    mail.sendFailures.push(failure);
    await expect(deliverMail({ mail }, attempt(3), policy)).resolves.toMatchObject(outcome);
  });

  it('backs off longer each time, up to a ceiling', async () => {
    const waits: number[] = [];
    for (let n = 1; n <= 4; n += 1) {
      const mail = new FakeMailbox();
      mail.sendFailures.push({ status: 502 });
      const outcome = await deliverMail({ mail }, attempt(n), { ...policy, random: () => 1 });
      if (outcome.kind === 'retry') waits.push(outcome.afterSeconds);
    }
    expect(waits).toEqual([10, 20, 40, 60]);
  });

  it('is dead after the last attempt, saying how many were made', async () => {
    const mail = new FakeMailbox();
    mail.sendFailures.push({ status: 503 });
    await expect(deliverMail({ mail }, attempt(5), policy)).resolves.toEqual({
      kind: 'dead',
      reason: 'HTTP 503, after 5 attempts',
    });
  });
});
