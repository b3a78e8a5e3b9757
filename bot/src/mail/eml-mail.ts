import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { MailPort, OutgoingMail } from '#core/ports/mail.js';
import { fileSafe, writeFileAtomically } from '../ics/ics-files.js';

/**
 * Local mode: each message is written as an RFC 5322 `.eml` file under `<data>/outbox/mail/`,
 * exactly as Graph would send it (encrypted parts included), one file per message, named by its
 * Message-ID so that "was it sent?" is "does the file exist?".
 */
export class EmlMail implements MailPort {
  constructor(private readonly folder: string) {}

  async send(mail: OutgoingMail): Promise<void> {
    await writeFileAtomically(this.folder, this.fileName(mail.messageId), mail.mime);
  }

  async wasSent(_mailbox: string, messageId: string): Promise<boolean> {
    try {
      await access(join(this.folder, this.fileName(messageId)));
      return true;
    } catch {
      return false;
    }
  }

  private fileName(messageId: string): string {
    return emlFileName(messageId);
  }
}

/** The file a message is written to, in the mail outbox folder. */
export function emlFileName(messageId: string): string {
  return `${fileSafe(messageId.replace(/^<|>$/g, ''))}.eml`;
}
