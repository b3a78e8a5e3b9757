import { checkRecipientCertificate } from '../../../bot/src/mail/recipient-certificate.js';
import { OpenSslWorkspace } from '../../support/openssl.js';

describe('a rep\u2019s S/MIME certificate, checked before anything is encrypted to it', () => {
  const openssl = new OpenSslWorkspace();
  const email = 'core.rep@police.example';
  afterAll(() => openssl.remove());

  it('accepts an RSA e-mail encryption certificate for the rep, and shows its fingerprint and expiry', () => {
    const pair = openssl.certificate({ email, days: 30 });
    const now = new Date();
    const checked = checkRecipientCertificate(pair.certificatePem, 'Core.Rep@police.example', now);
    expect(checked.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(checked.notAfter.getTime()).toBeGreaterThan(now.getTime() + 29 * 86_400_000);
    expect(checked.pem).toContain('BEGIN CERTIFICATE');
  });

  it.each([
    [
      'an expired certificate',
      () => [
        openssl.certificate({ email, days: 1 }).certificatePem,
        new Date(Date.now() + 3 * 86_400_000),
      ],
      /it expired on \d{1,2} [A-Z][a-z]+ \d{4}\. Ask the rep for their current certificate\./,
    ],
    [
      'a signing-only certificate',
      () => [
        openssl.certificate({ email, keyUsage: 'digitalSignature' }).certificatePem,
        new Date(),
      ],
      /cannot be used to encrypt/,
    ],
    [
      'a certificate for web servers',
      () => [
        openssl.certificate({ email, extendedKeyUsage: 'serverAuth' }).certificatePem,
        new Date(),
      ],
      /not an e-mail certificate/,
    ],
    [
      'an elliptic-curve key',
      () => [
        openssl.certificate({ email, keyType: 'ec', keyUsage: 'keyAgreement' }).certificatePem,
        new Date(),
      ],
      /not an RSA key/,
    ],
    [
      'someone else\u2019s certificate',
      () => [openssl.certificate({ email: 'other@health.example' }).certificatePem, new Date()],
      /issued for another e-mail address\. Upload the certificate for core\.rep@police\.example\./,
    ],
    ['text that is not a certificate', () => ['hello', new Date()], /this is not a certificate/],
    [
      'a private key by mistake',
      () => ['-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----', new Date()],
      /this is not a certificate/,
    ],
  ] as const)('refuses %s with a message a coordinator can act on', (_what, make, message) => {
    const [pem, at] = make();
    let thrown: unknown;
    try {
      checkRecipientCertificate(pem as string, email, at as Date);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((thrown as Error).message).toMatch(/^Certificate: /);
    expect((thrown as Error).message).toMatch(message);
  });
});
