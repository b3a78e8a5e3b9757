import { simpleParser } from 'mailparser';
import { composeBodyPart } from '../../../bot/src/mail/compose-mime.js';
import { envelope, parseCertificatePem, smimeMessage } from '../../../bot/src/mail/smime.js';
import { OpenSslWorkspace, type KeyPair } from '../../support/openssl.js';

// What a rep's mail client does with the agenda, done by OpenSSL instead: the app's S/MIME must
// open with the rep's key, and with no other.
describe('S/MIME enveloped mail', () => {
  const openssl = new OpenSslWorkspace();
  let rep: KeyPair;
  let deputy: KeyPair;
  let stranger: KeyPair;
  let message: Buffer;
  const pdf = Buffer.from('%PDF-1.7\nan agenda\n%%EOF\n');

  beforeAll(async () => {
    rep = openssl.certificate({ email: 'core.rep@police.example' });
    deputy = openssl.certificate({ email: 'deputy.rep@police.example' });
    stranger = openssl.certificate({ email: 'someone@elsewhere.example' });
    const inner = await composeBodyPart({
      text: 'The agenda for the meeting is attached.',
      attachments: [{ filename: 'agenda.pdf', contentType: 'application/pdf', content: pdf }],
    });
    const der = await envelope(inner, [
      parseCertificatePem(rep.certificatePem),
      parseCertificatePem(deputy.certificatePem),
    ]);
    message = await smimeMessage(
      {
        from: 'marac.northbrook@riverside.example',
        to: ['core.rep@police.example', 'deputy.rep@police.example'],
        subject: 'MARAC agenda - Northbrook',
        messageId: '<marac.test-1@riverside.example>',
      },
      der,
    );
  });
  afterAll(() => openssl.remove());

  it.each([
    ['the core rep', () => rep],
    ['the deputy', () => deputy],
  ])('opens with the key of %s, and the inner message holds the agenda', async (_who, pair) => {
    const inner = await simpleParser(openssl.decrypt(message, pair()));
    expect(inner.text?.trim()).toBe('The agenda for the meeting is attached.');
    expect(inner.attachments).toHaveLength(1);
    expect(inner.attachments[0]!.filename).toBe('agenda.pdf');
    expect(Buffer.compare(inner.attachments[0]!.content, pdf)).toBe(0);
  });

  it('does not open with any other key', () => {
    expect(() => openssl.decrypt(message, stranger)).toThrow();
  });

  it('uses AES-256 for the content and RSA-OAEP for the key', () => {
    const structure = openssl.describe(message);
    expect(structure).toContain('aes-256-cbc');
    expect(structure).toContain('rsaesOaep');
    // For each of the two recipients OAEP with SHA-256 and MGF1-SHA-256, not the SHA-1 defaults.
    expect(structure.match(/:sha256/g)).toHaveLength(4);
    expect(structure).not.toMatch(/:sha1\b/);
  });

  it('shows only its envelope outside the encryption: our Message-ID, the subject given, no text', async () => {
    const outer = await simpleParser(message);
    expect(outer.messageId).toBe('<marac.test-1@riverside.example>');
    expect(outer.subject).toBe('MARAC agenda - Northbrook');
    expect(outer.headers.get('content-type')).toMatchObject({ value: 'application/pkcs7-mime' });
    expect(message.toString('latin1')).not.toContain('attached');
  });

  it('refuses to encrypt to nobody', async () => {
    await expect(envelope(Buffer.from('x'), [])).rejects.toThrow('at least one recipient');
  });
});
