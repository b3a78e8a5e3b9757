import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { pino } from 'pino';
import { deliverMail, type DeliveryPolicy } from '#core/agendas/deliver-mail.js';
import type { MailPort, OutgoingMail } from '#core/ports/mail.js';
import type { Db } from '../../../bot/src/db/db.js';
import { migrate } from '../../../bot/src/db/migrate.js';
import { GraphClient } from '../../../bot/src/graph/graph-client.js';
import { GraphMail } from '../../../bot/src/graph/graph-mail.js';
import { startDeliveryWorker } from '../../../bot/src/jobs/delivery-worker.js';
import { composeMime } from '../../../bot/src/mail/compose-mime.js';
import {
  deliveriesOf,
  enqueueDelivery,
  leaseDeliveries,
  requeueDelivery,
  type LeasedDelivery,
} from '../../../bot/src/store/sql-deliveries.js';
import { backends } from '../../support/backends.js';
import { FakeGraph } from '../../support/fake-graph.js';

const log = pino({ level: 'silent' });
const mailbox = 'marac.northbrook@riverside.example';
const policy: DeliveryPolicy = { maxAttempts: 6, baseSeconds: 1, maxSeconds: 4, random: () => 1 };

const build = async (row: LeasedDelivery): Promise<OutgoingMail> => ({
  mailbox: row.mailbox,
  messageId: row.messageId,
  mime: await composeMime({
    from: mailbox,
    to: [`${row.recipientKey}@agency.example`],
    subject: 'MARAC agenda',
    text: 'Ready.',
    messageId: row.messageId,
  }),
});

async function queue(db: Db, subjectId: string, count: number): Promise<void> {
  await db.transaction(async (tx) => {
    for (let i = 0; i < count; i += 1) {
      await enqueueDelivery(tx, {
        purpose: 'agenda',
        subjectId,
        recipientKey: `agency-${i}`,
        mailbox,
        messageId: `<marac.${randomUUID()}@riverside.example>`,
      });
    }
  });
}

/** Time passes: every wait and every lease is over. */
const fastForward = (db: Db) =>
  db.query(
    `UPDATE mail_delivery SET next_attempt_at = now(), lease_until = CASE WHEN lease_until IS NULL THEN NULL ELSE now() - interval '1 second' END`,
  );

/** A mailbox with Graph's habits: failures before acting, failures after acting, lost answers. */
type Fault =
  | 'none'
  | 'throttle'
  | 'fail-before'
  | 'fail-after'
  | 'lose-answer'
  | 'bad-request'
  | 'lookup-fails';
class FaultyMailbox implements MailPort {
  readonly sent: string[] = [];
  constructor(private readonly faults: Fault[]) {}
  private next(): Fault {
    return this.faults.shift() ?? 'none';
  }
  async send(mail: OutgoingMail): Promise<void> {
    const fault = this.next();
    if (fault === 'throttle') throw { status: 429, retryAfterSeconds: 2 };
    if (fault === 'fail-before') throw { status: 503 };
    if (fault === 'bad-request') throw { status: 400, code: 'ErrorMimeContentInvalid' };
    this.sent.push(mail.messageId);
    if (fault === 'fail-after') throw { status: 504 };
    if (fault === 'lose-answer') throw { status: 0 };
  }
  async wasSent(_mailbox: string, messageId: string): Promise<boolean> {
    if (this.next() === 'lookup-fails') throw { status: 503 };
    return this.sent.includes(messageId);
  }
}

describe.each(backends())('mail deliveries on $name', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
    await migrate(db);
  });
  afterAll(() => db.close());
  beforeEach(() => db.query('DELETE FROM mail_delivery'));

  it('sends each recipient\u2019s message once through Graph, throttled or not, and records it', async () => {
    const fake = await FakeGraph.start();
    try {
      const mail = new GraphMail(
        new GraphClient({
          tokens: { getToken: async () => fake.accessToken },
          baseUrl: fake.graphUrl,
          sleep: async () => {},
        }),
      );
      const subject = randomUUID();
      await queue(db, subject, 12);
      fake.throttleNext(3, 1);
      const worker = startDeliveryWorker({ db, mail, build, log, policy });
      await worker.drain();
      await worker.stop();

      const rows = await deliveriesOf(db, 'agenda', subject);
      expect(rows.map((r) => r.status)).toEqual(Array(12).fill('sent'));
      const sentIds = (fake.sentMail.get(mailbox) ?? []).map((mime) =>
        /^Message-ID: (.+)$/im.exec(mime)![1]!.trim(),
      );
      expect(new Set(sentIds)).toEqual(new Set(rows.map((r) => r.messageId)));
      expect(sentIds).toHaveLength(12);
      expect(Math.max(...fake.maxInFlight.values())).toBeLessThanOrEqual(4);
      // A 429 is waited out inside the Graph client: the attempt is still the first, and a first
      // attempt never asks Sent Items (only a resend after an unknown outcome does).
      expect(fake.graphRequests.filter((r) => r.rawPath.includes('/sentitems/'))).toEqual([]);
    } finally {
      await fake.stop();
    }
  });

  it('queues a recipient once however often the same publication is written', async () => {
    const subject = randomUUID();
    await queue(db, subject, 3);
    await db.transaction((tx) =>
      enqueueDelivery(tx, {
        purpose: 'agenda',
        subjectId: subject,
        recipientKey: 'agency-0',
        mailbox,
        messageId: '<marac.other@riverside.example>',
      }),
    );
    expect(await deliveriesOf(db, 'agenda', subject)).toHaveLength(3);
  });

  it('never sends one row twice with two workers at once', async () => {
    const subject = randomUUID();
    await queue(db, subject, 30);
    const mail = new FaultyMailbox([]);
    const slow: MailPort = {
      send: async (m) => {
        await new Promise((r) => setTimeout(r, 5));
        await mail.send(m);
      },
      wasSent: (b, id) => mail.wasSent(b, id),
    };
    const [a, b] = [
      startDeliveryWorker({ db, mail: slow, build, log, policy }),
      startDeliveryWorker({ db, mail: slow, build, log, policy }),
    ];
    await Promise.all([a.drain(), b.drain()]);
    await Promise.all([a.stop(), b.stop()]);
    expect(mail.sent).toHaveLength(30);
    expect(new Set(mail.sent).size).toBe(30);
  });

  it('ends a row dead after its last attempt, and a resend tries it again', async () => {
    const subject = randomUUID();
    await queue(db, subject, 1);
    const mail = new FaultyMailbox(['bad-request']);
    const dead: string[] = [];
    const worker = startDeliveryWorker({
      db,
      mail,
      build,
      log,
      policy,
      onDead: async (row, reason) => void dead.push(`${row.recipientKey}: ${reason}`),
    });
    await worker.drain();
    const [row] = await deliveriesOf(db, 'agenda', subject);
    expect(row).toMatchObject({ status: 'dead', lastError: 'HTTP 400 ErrorMimeContentInvalid' });
    expect(dead).toEqual(['agency-0: HTTP 400 ErrorMimeContentInvalid']);
    expect(await requeueDelivery(db, row!.id)).toBe(true);
    await worker.drain();
    await worker.stop();
    expect((await deliveriesOf(db, 'agenda', subject))[0]).toMatchObject({ status: 'sent' });
    expect(mail.sent).toHaveLength(1);
  });

  it('property: with faults and crashes at every step, every recipient gets one message or ends dead, none stuck', async () => {
    const faults = fc.constantFrom<Fault>(
      'none',
      'none',
      'throttle',
      'fail-before',
      'fail-after',
      'lose-answer',
      'bad-request',
      'lookup-fails',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(faults, { maxLength: 40 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        async (faultList, crashes) => {
          await db.query('DELETE FROM mail_delivery');
          const subject = randomUUID();
          await queue(db, subject, 5);
          const mail = new FaultyMailbox([...faultList]);
          for (let round = 0; round < 40; round += 1) {
            if (crashes[round % crashes.length] && round < crashes.length) {
              // A worker that dies after sending and before recording: the lease runs out.
              for (const row of await leaseDeliveries(db, 2, 60)) {
                await deliverMail(
                  { mail },
                  {
                    mailbox,
                    messageId: row.messageId,
                    attempt: row.attempt,
                    build: () => build(row),
                  },
                  policy,
                );
              }
            } else {
              const worker = startDeliveryWorker({ db, mail, build, log, policy });
              await worker.drain();
              await worker.stop();
            }
            await fastForward(db);
          }
          const rows = await deliveriesOf(db, 'agenda', subject);
          for (const row of rows) {
            expect(['sent', 'dead']).toContain(row.status);
            const copies = mail.sent.filter((id) => id === row.messageId).length;
            expect(copies).toBeLessThanOrEqual(1);
            if (row.status === 'sent') expect(copies).toBe(1);
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
