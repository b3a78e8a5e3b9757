import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { newDocumentPassword } from '../../../bot/src/documents/encrypt-pdf.js';
import { agendaSubject } from '../../../bot/src/mail/agenda-mail-text.js';
import {
  buildAgendaMessage,
  type AgendaMessageInput,
} from '../../../bot/src/mail/agenda-message.js';
import { newMessageId } from '../../../bot/src/mail/message-id.js';
import { OpenSslWorkspace, type KeyPair } from '../../support/openssl.js';
import { agendaDocument, expectNoPersonalDetails } from './agenda-mail-fixtures.js';

// What each rep's mail client would do with the agenda e-mail, done by independent tools:
// mailparser reads it, OpenSSL opens the S/MIME, qpdf opens the PDF, poppler reads its text.

const MAILBOX = 'marac.northbrook@riverside-partnership.example';
const REP = { name: 'Priya Okonkwo-Hale', email: 'core.rep@police.example' };
const AGENDA_URL = 'https://marac.riverside-partnership.example/tab/meetings/mtg-42/agenda';
const SUBJECT = 'MARAC agenda - Northbrook - 8 December 2026 - Addendum 1';

const openssl = new OpenSslWorkspace();
let rep: KeyPair;
let otherRep: KeyPair;
beforeAll(() => {
  rep = openssl.certificate({ email: REP.email });
  otherRep = openssl.certificate({ email: 'deputy.rep@health.example' });
});
afterAll(() => openssl.remove());

const build = (input: Partial<AgendaMessageInput> & Pick<AgendaMessageInput, 'mode'>) =>
  buildAgendaMessage({
    from: MAILBOX,
    to: REP,
    messageId: newMessageId(MAILBOX),
    document: agendaDocument,
    agendaUrl: AGENDA_URL,
    certificatePem: rep.certificatePem,
    password: 'not-used-in-this-mode-1234',
    ...input,
  });

const file = (name: string, content: Uint8Array): string => {
  const target = path.join(openssl.dir, name);
  writeFileSync(target, content);
  return target;
};
const pdfText = (pdf: string): string =>
  execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe.each(['smime', 'password', 'purview', 'link'] as const)('the %s e-mail', (mode) => {
  it('has the meeting subject, our Message-ID and the marking, and no person or case in its subject or plain body', async () => {
    const messageId = newMessageId(MAILBOX);
    const message = await build({ mode, messageId });
    expect(message.subject).toBe(SUBJECT);
    expect(message.plainBody).toContain('OFFICIAL-SENSITIVE');
    expect(message.plainBody).toContain('Dear Priya Okonkwo-Hale,');
    expectNoPersonalDetails(message.subject, 'subject');
    expectNoPersonalDetails(message.plainBody, 'plain body');
    const outer = await simpleParser(message.mime);
    expect(outer.messageId).toBe(messageId);
    expect(outer.subject).toBe(SUBJECT);
    expect(outer.from?.value).toEqual([{ address: MAILBOX, name: '' }]);
    expect((outer.to as { value: unknown[] }).value).toEqual([
      { address: REP.email, name: REP.name },
    ]);
  });
});

describe('smime: the whole agenda e-mail enveloped to the rep\u2019s certificate', () => {
  let message: Awaited<ReturnType<typeof build>>;
  let inner: ParsedMail;
  beforeAll(async () => {
    message = await build({ mode: 'smime' });
    inner = await simpleParser(openssl.decrypt(message.mime, rep));
  });

  it('shows only the envelope headers outside the encryption, and nothing of the agenda', () => {
    const raw = message.mime.toString('latin1');
    const headers = raw.slice(0, raw.indexOf('\r\n\r\n'));
    const names = headers
      .split('\r\n')
      .filter((line) => !/^\s/.test(line))
      .map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
    expect(names.sort()).toEqual(
      [
        'content-disposition',
        'content-transfer-encoding',
        'content-type',
        'date',
        'from',
        'message-id',
        'mime-version',
        'subject',
        'to',
      ].sort(),
    );
    expect(headers).toMatch(
      /Content-Type: application\/pkcs7-mime; smime-type=enveloped-data;\s+name=("?)smime\.p7m\1/,
    );
    expectNoPersonalDetails(raw, 'the message as sent');
    expect(raw).not.toContain('OFFICIAL-SENSITIVE'); // even the body's wording is inside
    const structure = openssl.describe(message.mime);
    expect(structure).toContain('rsaesOaep');
    expect(structure).toContain('aes-256-cbc');
  });

  it('opens with the rep\u2019s key into the plain body, the agenda in HTML and the agenda PDF', () => {
    expect(inner.text?.trim()).toBe(message.plainBody);
    expect(inner.html).toContain('Harriet Quillfeather');
    expect(inner.html).toContain('St Aldhelm Primary School');
    expect(inner.attachments).toHaveLength(1);
    const [pdf] = inner.attachments;
    expect(pdf!.contentType).toBe('application/pdf');
    expect(pdf!.filename).toBe(`${SUBJECT}.pdf`);
    expect(pdfText(file('smime-agenda.pdf', pdf!.content))).toContain('Harriet Quillfeather');
  });

  it('does not open with another rep\u2019s key', () => {
    expect(() => openssl.decrypt(message.mime, otherRep)).toThrow();
  });

  it('refuses to build without a certificate, or with one for another address', async () => {
    await expect(build({ mode: 'smime', certificatePem: undefined })).rejects.toThrow(
      'needs the rep\u2019s certificate',
    );
    await expect(build({ mode: 'smime', certificatePem: otherRep.certificatePem })).rejects.toThrow(
      /issued for another e-mail address/,
    );
  });
});

describe('password: the agenda PDF encrypted with AES-256, the password kept out of the e-mail', () => {
  const password = newDocumentPassword();
  let message: Awaited<ReturnType<typeof build>>;
  let parsed: ParsedMail;
  let pdf: string;
  beforeAll(async () => {
    message = await build({ mode: 'password', password });
    parsed = await simpleParser(message.mime);
    pdf = file('password-agenda.pdf', parsed.attachments[0]!.content);
  });

  it('carries the plain body and one PDF, with no HTML version beside it', () => {
    expect(parsed.text?.trim()).toBe(message.plainBody);
    expect(parsed.html).toBe(false);
    expect(parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      [`${SUBJECT}.pdf`, 'application/pdf'],
    ]);
    expect(message.plainBody).toContain('in a message from the MARAC bot');
    expect(message.plainBody).toContain('never sent by e-mail');
  });

  it('holds neither the password nor anything of the agenda in clear, the PDF\u2019s bytes included', () => {
    const raw = message.mime.toString('latin1');
    expect(raw).not.toContain(password);
    expectNoPersonalDetails(raw, 'the message as sent');
    const pdfBytes = parsed.attachments[0]!.content.toString('latin1');
    expect(pdfBytes).not.toContain(password);
    expectNoPersonalDetails(pdfBytes, 'the encrypted PDF');
  });

  it('needs the password: qpdf opens it with the password and with no other', () => {
    expect(spawnSync('qpdf', ['--requires-password', pdf]).status).toBe(0);
    const opened = path.join(openssl.dir, 'password-opened.pdf');
    expect(spawnSync('qpdf', ['--decrypt', pdf, opened]).status).not.toBe(0);
    expect(
      spawnSync('qpdf', ['--password=wrong-password-123456', '--decrypt', pdf, opened]).status,
    ).not.toBe(0);
    execFileSync('qpdf', [`--password=${password}`, '--decrypt', pdf, opened]);
    expect(pdfText(opened)).toContain('Harriet Quillfeather');
    expect(
      execFileSync('qpdf', ['--show-encryption', `--password=${password}`, pdf], {
        encoding: 'utf8',
      }),
    ).toMatch(/R = 6[\s\S]*AESv3/);
  });

  it('opens with the same password when the message is built again for a retry', async () => {
    const retry = await simpleParser((await build({ mode: 'password', password })).mime);
    const again = file('password-retry.pdf', retry.attachments[0]!.content);
    execFileSync('qpdf', [
      `--password=${password}`,
      '--decrypt',
      again,
      path.join(openssl.dir, 'retry-opened.pdf'),
    ]);
    expect(pdfText(path.join(openssl.dir, 'retry-opened.pdf'))).toContain('Harriet Quillfeather');
  });

  it('refuses to build without a password', async () => {
    await expect(build({ mode: 'password', password: undefined })).rejects.toThrow(
      'needs its password',
    );
  });
});

describe('purview: the agenda in the e-mail, marked for the tenant\u2019s encryption rule', () => {
  it('has the x-marac-protect header, the plain body, the agenda in HTML and the PDF', async () => {
    const message = await build({ mode: 'purview' });
    const parsed = await simpleParser(message.mime);
    expect(parsed.headers.get('x-marac-protect')).toBe('agenda');
    expect(parsed.text?.trim()).toBe(message.plainBody);
    expect(parsed.html).toContain('Harriet Quillfeather');
    expect(parsed.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    expect(message.plainBody).toMatch(/Purview Message Encryption/);
    expect(message.plainBody).toMatch(/Do not forward/);
  });
});

describe('link: a notice only', () => {
  it('has no attachment, no HTML and nothing of the agenda, and links to the agenda in the tab', async () => {
    const message = await build({ mode: 'link' });
    const parsed = await simpleParser(message.mime);
    expect(parsed.attachments).toEqual([]);
    expect(parsed.html).toBe(false);
    expect(parsed.text).toContain(AGENDA_URL);
    expect(message.plainBody).toContain(
      'Open the agenda in the MARAC app in Teams, after signing in',
    );
    expectNoPersonalDetails(message.mime.toString('utf8'), 'the message as sent');
  });

  it.each(['javascript:alert(1)', 'not a link', 'https://someone:secret@marac.example/agenda'])(
    'refuses the link %s',
    async (agendaUrl) => {
      await expect(build({ mode: 'link', agendaUrl })).rejects.toThrow(/agenda link/);
    },
  );
});

it('names the first version without an addendum', () => {
  expect(agendaSubject({ ...agendaDocument, version: 1 })).toBe(
    'MARAC agenda - Northbrook - 8 December 2026',
  );
  expect(agendaSubject({ ...agendaDocument, version: 4 })).toBe(
    'MARAC agenda - Northbrook - 8 December 2026 - Addendum 3',
  );
});
