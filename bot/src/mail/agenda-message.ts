import type { DeliveryMode } from '#core/contracts/agenda-api.js';
import type { AgendaDocument } from '../documents/agenda-document.js';
import { renderAgendaHtml } from '../documents/agenda-html.js';
import { renderAgendaPdf } from '../documents/agenda-pdf.js';
import { encryptPdf } from '../documents/encrypt-pdf.js';
import { agendaPlainBody, agendaSubject } from './agenda-mail-text.js';
import { composeBodyPart, composeMime, type MailAttachment } from './compose-mime.js';
import { checkRecipientCertificate } from './recipient-certificate.js';
import { envelope, parseCertificatePem, smimeMessage } from './smime.js';

/*
 * One rep's agenda e-mail, in the delivery mode their agency chose (DESIGN.md, "Encrypted
 * agendas"). The agenda itself (HTML and PDF) only ever travels encrypted: by us to the rep's
 * certificate (smime) or with a password (password), by Exchange (purview), or not at all (link).
 */

export interface AgendaMessageInput {
  mode: DeliveryMode;
  /** The area's MARAC mailbox. */
  from: string;
  /** The rep. */
  to: { name: string; email: string };
  /** Ours, `<...@...>`, made before the first attempt and kept for every retry. */
  messageId: string;
  document: AgendaDocument;
  /** smime: the rep's own certificate (PEM). */
  certificatePem?: string;
  /**
   * password: stored with the delivery and sent to the rep in Teams separately, so every retry
   * encrypts with the same one and the password the rep already has opens whichever copy arrives.
   */
  password?: string;
  /**
   * The document's PDF when the caller already rendered it (one rendering per version serves
   * every recipient); rendered here otherwise.
   */
  pdf?: Uint8Array;
  /** link: where the tab opens the agenda after sign-in (ids only). */
  agendaUrl: string;
  /** The Date header, and the day the rep's certificate must be valid on. Default: now. */
  now?: Date;
}

export interface AgendaMessage {
  /** The whole RFC 5322 message, for MailPort.send. */
  mime: Buffer;
  subject: string;
  plainBody: string;
}

/**
 * The header the partnership's Exchange mail-flow (transport) rule matches: "if the message
 * header `x-marac-protect` includes `agenda`, apply Microsoft Purview Message Encryption with
 * Do Not Forward". Exchange encrypts the message as it leaves the tenant; the rule and this value
 * must be kept in step (README, deployment).
 */
export const purviewProtectHeader = { 'x-marac-protect': 'agenda' } as const;

interface Parts {
  input: AgendaMessageInput;
  subject: string;
  text: string;
  now: Date;
}

/** Builds one rep's agenda e-mail; throws when the mode's key material is missing or unusable. */
export async function buildAgendaMessage(input: AgendaMessageInput): Promise<AgendaMessage> {
  const subject = agendaSubject(input.document);
  const plainBody = agendaPlainBody({
    mode: input.mode,
    heading: input.document,
    repName: input.to.name,
    agendaUrl: input.mode === 'link' ? checkedLink(input.agendaUrl) : input.agendaUrl,
  });
  const parts: Parts = { input, subject, text: plainBody, now: input.now ?? new Date() };
  const mime = await builders[input.mode](parts);
  return { mime, subject, plainBody };
}

const builders: Record<DeliveryMode, (parts: Parts) => Promise<Buffer>> = {
  // The whole entity (text, HTML, PDF) inside the envelope: outside it only the headers remain.
  async smime({ input, subject, text, now }) {
    if (!input.certificatePem) throw new Error('An S/MIME agenda needs the rep\u2019s certificate');
    const certificate = checkRecipientCertificate(input.certificatePem, input.to.email, now);
    const inner = await composeBodyPart({
      text,
      html: renderAgendaHtml(input.document),
      attachments: [pdfAttachment(input.document, await pdfOf(input))],
    });
    const der = await envelope(inner, [parseCertificatePem(certificate.pem)]);
    return smimeMessage(
      { from: input.from, to: [mailbox(input.to)], subject, messageId: input.messageId, date: now },
      der,
    );
  },
  // No HTML version: it would carry the agenda in clear beside the encrypted PDF.
  async password(parts) {
    const { input } = parts;
    if (!input.password) throw new Error('A password-protected agenda needs its password');
    const pdf = await encryptPdf(await pdfOf(input), input.password);
    return composeMime({ ...envelopeOf(parts), attachments: [pdfAttachment(input.document, pdf)] });
  },
  async purview(parts) {
    const { input } = parts;
    return composeMime({
      ...envelopeOf(parts),
      html: renderAgendaHtml(input.document),
      attachments: [pdfAttachment(input.document, await pdfOf(input))],
      headers: purviewProtectHeader,
    });
  },
  async link(parts) {
    return composeMime(envelopeOf(parts));
  },
};

const pdfOf = async (input: AgendaMessageInput): Promise<Uint8Array> =>
  input.pdf ?? renderAgendaPdf(input.document);

function envelopeOf({ input, subject, text, now }: Parts) {
  return {
    from: input.from,
    to: [mailbox(input.to)],
    subject,
    text,
    messageId: input.messageId,
    date: now,
  };
}

/** The file name the rep sees: the subject, which names the meeting and version and nobody. */
function pdfAttachment(document: AgendaDocument, content: Uint8Array): MailAttachment {
  const name = agendaSubject(document).replace(/[\\/:*?"<>|]/g, '');
  return { filename: `${name}.pdf`, contentType: 'application/pdf', content };
}

/** `"Name" <address>`: quotes and line breaks in the name cannot break out of the header. */
export function mailbox(to: AgendaMessageInput['to']): string {
  const name = to.name
    .replace(/["\\\r\n]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return name ? `"${name}" <${to.email}>` : to.email;
}

/** The link goes into a message a rep clicks: only a web address of ours, never a script. */
export function checkedLink(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('The agenda link is not a web address');
  }
  if (!['https:', 'http:'].includes(parsed.protocol) || parsed.username || parsed.password) {
    throw new Error('The agenda link must be an http(s) address without credentials');
  }
  return parsed.href;
}
