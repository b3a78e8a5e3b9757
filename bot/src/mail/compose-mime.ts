import MailComposer from 'nodemailer/lib/mail-composer';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export interface MailContent {
  from: string;
  to: readonly string[];
  /** Never a person's name: subjects are shown in every mail list and notification. */
  subject: string;
  /** The plain body: never a person's name either. */
  text: string;
  html?: string;
  attachments?: readonly MailAttachment[];
  messageId: string;
  /** Extra header lines, e.g. `x-marac-protect` for the tenant's Purview mail-flow rule. */
  headers?: Readonly<Record<string, string>>;
  date?: Date;
}

/** RFC 5322 lines end in CRLF, in the body too; our texts are written with \n. */
const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

/** The whole RFC 5322 message, built by nodemailer's composer with our own Message-ID. */
export async function composeMime(mail: MailContent): Promise<Buffer> {
  const composer = new MailComposer({
    from: mail.from,
    to: [...mail.to],
    subject: mail.subject,
    text: crlf(mail.text),
    ...(mail.html === undefined ? {} : { html: crlf(mail.html) }),
    attachments: (mail.attachments ?? []).map((file) => ({
      filename: file.filename,
      contentType: file.contentType,
      content: Buffer.from(file.content),
    })),
    messageId: mail.messageId,
    date: mail.date ?? new Date(),
    headers: { ...mail.headers },
  });
  return composer.compile().build();
}

/** Only the body part of a message (its Content-Type and what follows), for S/MIME to wrap. */
export async function composeBodyPart(
  mail: Omit<MailContent, 'from' | 'to' | 'subject' | 'messageId'>,
): Promise<Buffer> {
  const composer = new MailComposer({
    text: crlf(mail.text),
    ...(mail.html === undefined ? {} : { html: crlf(mail.html) }),
    attachments: (mail.attachments ?? []).map((file) => ({
      filename: file.filename,
      contentType: file.contentType,
      content: Buffer.from(file.content),
    })),
  });
  return withoutEnvelopeHeaders(await composer.compile().build());
}

const ENVELOPE_HEADERS = new Set(['date', 'message-id', 'mime-version']);

/**
 * The composer always gives its root a Date, a Message-ID and MIME-Version; an entity wrapped by
 * S/MIME carries none of them (the outer message does), so they are dropped from its header block.
 */
function withoutEnvelopeHeaders(entity: Buffer): Buffer {
  const text = entity.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const lines = text.slice(0, end).split('\r\n');
  const kept: string[] = [];
  let dropping = false;
  for (const line of lines) {
    const folded = line.startsWith(' ') || line.startsWith('\t');
    if (!folded) dropping = ENVELOPE_HEADERS.has(line.slice(0, line.indexOf(':')).toLowerCase());
    if (!dropping) kept.push(line);
  }
  return Buffer.from(kept.join('\r\n') + text.slice(end), 'latin1');
}
