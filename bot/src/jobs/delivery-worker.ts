import type { Logger } from 'pino';
import {
  deliverMail,
  defaultDeliveryPolicy,
  type DeliveryPolicy,
} from '#core/agendas/deliver-mail.js';
import type { MailPort, OutgoingMail } from '#core/ports/mail.js';
import type { Db } from '../db/db.js';
import { leaseDeliveries, recordDelivery, type LeasedDelivery } from '../store/sql-deliveries.js';
import { startDrainLoop } from './drain-loop.js';

export interface DeliveryWorkerOptions {
  db: Db;
  mail: MailPort;
  /** Builds a leased row's message from the store (the agenda version, the recipient's mode). */
  build: (delivery: LeasedDelivery) => Promise<OutgoingMail>;
  log: Logger;
  /** Rows in flight at once. The Graph client still holds each mailbox to Outlook's four. */
  concurrency?: number;
  leaseSeconds?: number;
  pollMs?: number;
  policy?: DeliveryPolicy;
  /** Called once for each row that ends dead, so the coordinator hears of it. */
  onDead?: (delivery: LeasedDelivery, reason: string) => Promise<void>;
}

/**
 * Sends queued deliveries, several at a time, each exactly once (deliverMail asks Sent Items
 * before any resend). Several workers, in one process or many, share the table through leases.
 */
export function startDeliveryWorker(options: DeliveryWorkerOptions) {
  const { db, log } = options;
  const concurrency = options.concurrency ?? 8;
  const policy = options.policy ?? defaultDeliveryPolicy;

  async function deliverOne(leased: LeasedDelivery): Promise<void> {
    const outcome = await deliverMail(
      { mail: options.mail },
      {
        mailbox: leased.mailbox,
        messageId: leased.messageId,
        attempt: leased.attempt,
        mayHaveSent: leased.mayHaveSent,
        build: () => options.build(leased),
      },
      policy,
    ).catch((error: unknown) => ({
      kind: 'retry' as const,
      afterSeconds: 30,
      reason: `build failed: ${(error as Error).name}`,
    }));
    const recorded = await recordDelivery(db, leased, outcome);
    if (!recorded) {
      log.warn({ deliveryId: leased.id }, 'delivery lease lost before its outcome was recorded');
      return;
    }
    log.info(
      { deliveryId: leased.id, outcome: outcome.kind, attempt: leased.attempt },
      'mail delivery',
    );
    if (outcome.kind === 'dead') await options.onDead?.(leased, outcome.reason);
  }

  async function drainOnce(stopped: () => boolean): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    for (;;) {
      if (stopped()) break;
      const room = concurrency - inFlight.size;
      const leased = room > 0 ? await leaseDeliveries(db, room, options.leaseSeconds ?? 120) : [];
      for (const row of leased) {
        const task = deliverOne(row).finally(() => inFlight.delete(task));
        inFlight.add(task);
      }
      if (inFlight.size === 0) break;
      // Wait for a slot (or for the last ones) before leasing more.
      await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }

  return startDrainLoop({ drainOnce, log, name: 'mail delivery', pollMs: options.pollMs });
}
