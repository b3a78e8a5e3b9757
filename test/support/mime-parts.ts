import { simpleParser } from 'mailparser';

export interface MimeParts {
  subject: string;
  /** The recipients' addresses. */
  to: string[];
  /** The headers as sent, lower-case names. */
  headers: Map<string, unknown>;
  /** Every text/plain part a mail client shows without a key (an S/MIME body is not one). */
  plainBodies: string[];
  html: string | null;
  attachments: { filename: string | undefined; contentType: string; content: Buffer }[];
}

/** A message read by mailparser, as a mail client would: what a reader sees without any key. */
export async function mimeParts(eml: Buffer): Promise<MimeParts> {
  const parsed = await simpleParser(eml);
  return {
    subject: parsed.subject ?? '',
    to: [parsed.to ?? []].flat().flatMap((group) => group.value.map((a) => a.address ?? '')),
    headers: parsed.headers as Map<string, unknown>,
    plainBodies: parsed.text ? [parsed.text] : [],
    html: typeof parsed.html === 'string' ? parsed.html : null,
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
    })),
  };
}
