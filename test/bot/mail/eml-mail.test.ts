import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { composeMime } from '../../../bot/src/mail/compose-mime.js';
import { EmlMail } from '../../../bot/src/mail/eml-mail.js';
import { newMessageId } from '../../../bot/src/mail/message-id.js';

describe('local mode: one .eml file per message', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'marac-mail-'));
  const mailbox = 'marac.northbrook@riverside.example';
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('writes the message as it would be sent, readable by a mail parser, and knows it was sent', async () => {
    const mail = new EmlMail(folder);
    const messageId = newMessageId(mailbox);
    const mime = await composeMime({
      from: mailbox,
      to: ['core.rep@police.example'],
      subject: 'MARAC agenda - Northbrook',
      text: 'The agenda is ready in the MARAC app.',
      messageId,
      headers: { 'x-marac-protect': 'purview' },
    });
    await expect(mail.wasSent(mailbox, messageId)).resolves.toBe(false);
    await mail.send({ mailbox, messageId, mime });

    const files = readdirSync(folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^marac\.[0-9a-f-]{36}_riverside\.example\.eml$/);
    const file = path.join(folder, files[0]!);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const parsed = await simpleParser(readFileSync(file));
    expect(parsed.messageId).toBe(messageId);
    expect(parsed.subject).toBe('MARAC agenda - Northbrook');
    expect(parsed.headers.get('x-marac-protect')).toBe('purview');
    await expect(mail.wasSent(mailbox, messageId)).resolves.toBe(true);
  });

  it('makes Message-IDs on the mailbox domain that never repeat', () => {
    const ids = Array.from({ length: 100 }, () => newMessageId(mailbox));
    for (const id of ids) expect(id).toMatch(/^<marac\.[0-9a-f-]{36}@riverside\.example>$/);
    expect(new Set(ids).size).toBe(100);
    expect(() => newMessageId('no-domain')).toThrow('needs a domain');
  });
});
