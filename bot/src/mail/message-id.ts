import { randomUUID } from 'node:crypto';

/**
 * Our own Message-ID, made before the message is sent and stored with its outbox row, so the
 * Sent Items look-up can tell whether a crashed attempt went out. The right-hand side is the
 * mailbox's domain: it names the sender, never the recipient or the case.
 */
export function newMessageId(mailbox: string): string {
  const domain = mailbox.split('@')[1]?.toLowerCase();
  if (!domain || !/^[a-z0-9.-]+$/.test(domain)) throw new Error('The MARAC mailbox needs a domain');
  return `<marac.${randomUUID()}@${domain}>`;
}
