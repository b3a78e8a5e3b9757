import type { MailPort, OutgoingMail } from '#core/ports/mail.js';
import { graphPath, type GraphClient } from './graph-client.js';

/**
 * Mail through Microsoft Graph from the area's MARAC mailbox: `sendMail` with the whole MIME
 * message in base64 (so S/MIME and our own Message-ID go out exactly as built), and a look-up in
 * Sent Items by `internetMessageId` before any resend.
 */
export class GraphMail implements MailPort {
  constructor(private readonly graph: GraphClient) {}

  async send(mail: OutgoingMail): Promise<void> {
    await this.graph.request({
      method: 'POST',
      path: graphPath`/users/${mail.mailbox}/sendMail`,
      rawBody: { contentType: 'text/plain', text: Buffer.from(mail.mime).toString('base64') },
      // A 5xx or a lost answer may come after Graph sent the mail: never re-POST here; the
      // outbox asks wasSent() before it tries again.
      idempotent: false,
    });
  }

  async wasSent(mailbox: string, messageId: string): Promise<boolean> {
    if (!/^<[^<>'\s]+>$/.test(messageId))
      throw new Error('A Message-ID is <local@domain>, with no quotes or spaces');
    const page = await this.graph.request<{ value?: unknown[] }>({
      method: 'GET',
      path: graphPath`/users/${mailbox}/mailFolders/sentitems/messages`,
      query: { $filter: `internetMessageId eq '${messageId}'`, $select: 'id', $top: '1' },
    });
    return (page?.value?.length ?? 0) > 0;
  }
}
