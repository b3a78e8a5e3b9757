import type { DeliveryMode } from '#core/contracts/api.js';
import type { OutgoingMail } from '#core/ports/mail.js';
import {
  documentTitle,
  longDate,
  versionLabel,
  type AgendaDocument,
} from '../../bot/src/documents/agenda-document.js';
import { encryptPdf } from '../../bot/src/documents/encrypt-pdf.js';
import { composeBodyPart, composeMime } from '../../bot/src/mail/compose-mime.js';
import { envelope, parseCertificatePem, smimeMessage } from '../../bot/src/mail/smime.js';

/*
 * One recipient's agenda mail in their agency's mode, for the benchmark: a stand-in for the app's
 * own builder, made of the app's parts (pdfkit's PDF, pdf-lib's AES-256, pkijs's S/MIME,
 * nodemailer's MIME). The subject and the plain body name no one, in every mode.
 */

export interface AgendaRecipient {
  /** The delivery row's recipient key: the agency. */
  key: string;
  agency: string;
  email: string;
  mode: DeliveryMode;
  /** PEM, for `smime`. */
  certificatePem?: string;
  /** The document password, for `password` (sent to the rep by Teams, not in the mail). */
  password?: string;
}

export interface AgendaMailInput {
  mailbox: string;
  messageId: string;
  recipient: AgendaRecipient;
  document: AgendaDocument;
  /** The version's PDF, rendered once for all its recipients. */
  pdf: () => Promise<Buffer>;
  /** Where the agenda opens in the tab, for `link`. */
  tabUrl: string;
}

export async function buildAgendaMail(input: AgendaMailInput): Promise<OutgoingMail> {
  const { recipient, document } = input;
  const head = {
    from: input.mailbox,
    to: [recipient.email],
    subject: `${documentTitle(document)} - ${versionLabel(document)}`,
    messageId: input.messageId,
  };
  const intro = `The agenda for the MARAC meeting on ${longDate(document.meetingDate)} at ${document.startsAt}`;
  const file = (content: Uint8Array) => ({
    filename: `marac-agenda-v${document.version}.pdf`,
    contentType: 'application/pdf',
    content,
  });
  let mime: Buffer;
  switch (recipient.mode) {
    case 'smime': {
      const inner = await composeBodyPart({
        text: `${intro} is attached.`,
        attachments: [file(await input.pdf())],
      });
      const der = await envelope(inner, [parseCertificatePem(recipient.certificatePem!)]);
      mime = await smimeMessage(head, der);
      break;
    }
    case 'password':
      mime = await composeMime({
        ...head,
        text: `${intro} is attached, protected by a password. The password comes to you in a Teams message from the MARAC app.`,
        attachments: [file(await encryptPdf(await input.pdf(), recipient.password!))],
      });
      break;
    case 'purview':
      mime = await composeMime({
        ...head,
        text: `${intro} is attached. This message is encrypted by your organisation's mail system.`,
        attachments: [file(await input.pdf())],
        headers: { 'x-marac-protect': 'purview' },
      });
      break;
    case 'link':
      mime = await composeMime({
        ...head,
        text: `${intro} is ready. Open it in the MARAC app after signing in: ${input.tabUrl}`,
      });
      break;
  }
  return { mailbox: input.mailbox, messageId: input.messageId, mime };
}
