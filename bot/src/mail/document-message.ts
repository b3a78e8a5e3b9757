import { pageConfidentialityNote } from '#core/agendas/confidentiality.js';
import type { DeliveryMode } from '#core/contracts/agenda-api.js';
import { longDate } from '../documents/agenda-document.js';
import {
  meetingDocumentTitle,
  renderMeetingDocumentPdf,
  type DocumentHeading,
  type MeetingDocument,
} from '../documents/meeting-document.js';
import { encryptPdf } from '../documents/encrypt-pdf.js';
import { checkedLink, mailbox, purviewProtectHeader } from './agenda-message.js';
import { composeBodyPart, composeMime, type MailAttachment } from './compose-mime.js';
import { checkRecipientCertificate } from './recipient-certificate.js';
import { envelope, parseCertificatePem, smimeMessage } from './smime.js';

/*
 * One agency's copy of an action plan or of the minutes: ONE message to all of the agency's reps
 * on the meeting, in the agency's mode (DESIGN.md, "Encrypted agendas"): enveloped to each rep's
 * certificate (smime), a PDF under one password that the bot sends each rep (password), Purview
 * (purview), or a notice with a link to the tab (link). The subject and plain body name the area,
 * the meeting date and the kind of document only.
 */

export interface DocumentMessageInput {
  mode: DeliveryMode;
  from: string;
  /** The agency's reps on the meeting; smime: each with their certificate (PEM). */
  to: readonly { name: string; email: string; certificatePem?: string | null }[];
  messageId: string;
  document: MeetingDocument;
  password?: string;
  /** link: where the tab opens the document after sign-in (ids only). */
  link: string;
  now?: Date;
}

const what = (h: DocumentHeading): string =>
  h.kind === 'action-plan' ? 'action plan' : h.number > 1 ? 'corrected minutes' : 'minutes';

/** The subject: the document's title, which names the area and date and nobody. */
export const documentSubject = (h: DocumentHeading): string => meetingDocumentTitle(h);

export function documentPlainBody(input: {
  mode: DeliveryMode;
  heading: DocumentHeading;
  link: string;
}): string {
  const { heading, mode } = input;
  const meeting = `the ${heading.areaName} MARAC on ${longDate(heading.meetingDate)}`;
  const thing = what(heading);
  const lead =
    heading.kind === 'action-plan'
      ? `The action plan from ${meeting} is ready. It lists the cases in which your agency owns an action, with each action and when it is due.`
      : `The ${thing} of ${meeting} are ready.`;
  const todo: Record<DeliveryMode, string[]> = {
    smime: [
      `This e-mail and the ${thing} attached to it are encrypted to your e-mail certificate. Open them in Outlook on a device that holds your certificate and its private key.`,
      'Do not forward this e-mail, and do not save the document anywhere others can open it.',
    ],
    password: [
      `The ${thing} ${heading.kind === 'minutes' ? 'are' : 'is'} attached as a PDF protected by a password.`,
      'The password comes to you in Teams, in a message from the MARAC bot. It is never sent by e-mail.',
      'Do not forward this e-mail or the password, and do not save the opened document anywhere others can open it.',
    ],
    purview: [
      `This e-mail and the ${thing} attached to it are protected by Microsoft Purview Message Encryption. Open them in Outlook signed in with your work account.`,
      'Do not forward them, and do not save or print the document anywhere others can see it.',
    ],
    link: [
      `The ${thing} ${heading.kind === 'minutes' ? 'are' : 'is'} not attached to this e-mail: ${heading.kind === 'minutes' ? 'they hold' : 'it holds'} personal information, so ${heading.kind === 'minutes' ? 'they stay' : 'it stays'} in the MARAC app.`,
      `Open the MARAC app in Teams, after signing in with your work account:\n${input.link}`,
    ],
  };
  return [
    'OFFICIAL-SENSITIVE',
    'Dear colleagues,',
    lead,
    ...todo[mode],
    pageConfidentialityNote,
    'If this e-mail reached you by mistake, reply to tell the MARAC coordinator, then delete it.',
    `${heading.areaName} MARAC`,
  ].join('\n\n');
}

export interface DocumentMessage {
  mime: Buffer;
  subject: string;
  plainBody: string;
}

export async function buildDocumentMessage(input: DocumentMessageInput): Promise<DocumentMessage> {
  const subject = documentSubject(input.document);
  const plainBody = documentPlainBody({
    mode: input.mode,
    heading: input.document,
    link: input.mode === 'link' ? checkedLink(input.link) : input.link,
  });
  const now = input.now ?? new Date();
  const to = input.to.map(mailbox);
  const head = { from: input.from, to, subject, messageId: input.messageId, date: now };
  const attachment = async (content?: Uint8Array): Promise<MailAttachment> => ({
    filename: `${subject.replace(/[\\/:*?"<>|]/g, '')}.pdf`,
    contentType: 'application/pdf',
    content: content ?? (await renderMeetingDocumentPdf(input.document)),
  });
  let mime: Buffer;
  switch (input.mode) {
    case 'smime': {
      const certificates = input.to.map((rep) => {
        if (!rep.certificatePem)
          throw new Error('An S/MIME copy needs each rep\u2019s certificate');
        return parseCertificatePem(
          checkRecipientCertificate(rep.certificatePem, rep.email, now).pem,
        );
      });
      const inner = await composeBodyPart({ text: plainBody, attachments: [await attachment()] });
      mime = await smimeMessage(head, await envelope(inner, certificates));
      break;
    }
    case 'password': {
      if (!input.password) throw new Error('A password-protected copy needs its password');
      const pdf = await encryptPdf(await renderMeetingDocumentPdf(input.document), input.password);
      mime = await composeMime({ ...head, text: plainBody, attachments: [await attachment(pdf)] });
      break;
    }
    case 'purview':
      mime = await composeMime({
        ...head,
        text: plainBody,
        attachments: [await attachment()],
        headers: purviewProtectHeader,
      });
      break;
    case 'link':
      mime = await composeMime({ ...head, text: plainBody });
      break;
  }
  return { mime, subject, plainBody };
}
