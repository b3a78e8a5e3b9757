import { X509Certificate } from 'node:crypto';
import { DomainError } from '#core/shared/errors.js';
import { parseCertificatePem } from './smime.js';

/** What the coordinator is shown about a rep's uploaded certificate, and what is stored. */
export interface RecipientCertificate {
  pem: string;
  /** The rep's address it was checked against, lower-cased. */
  email: string;
  subject: string;
  notAfter: Date;
  /** SHA-256 of the DER, as OpenSSL and Windows show it: the rep can compare it by eye. */
  fingerprint: string;
}

const EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';
const ANY_EXTENDED_KEY_USAGE = '2.5.29.37.0';
const KEY_USAGE = '2.5.29.15';
/** keyEncipherment is bit 2 of the KeyUsage BIT STRING (RFC 5280 4.2.1.3), counted from the left. */
const KEY_ENCIPHERMENT_MASK = 0x20;

const refuse = (what: string): DomainError =>
  new DomainError('VALIDATION_FAILED', `Certificate: ${what}`, [
    { path: 'body.certificatePem', message: `Certificate: ${what}` },
  ]);

const day = (date: Date): string =>
  date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });

/**
 * Checks a rep's certificate before any agenda is encrypted to it: a PEM certificate, in date,
 * an RSA key (S/MIME key transport here is RSA-OAEP), allowed for key encipherment and for
 * e-mail protection where it says what it is for, and issued for the rep's address.
 */
export function checkRecipientCertificate(
  pem: string,
  repEmail: string,
  now: Date,
): RecipientCertificate {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem.trim());
  } catch {
    throw refuse(
      'this is not a certificate. Upload the rep\u2019s public certificate as a .pem or .crt file (it starts with "-----BEGIN CERTIFICATE-----").',
    );
  }
  const notBefore = new Date(certificate.validFrom);
  const notAfter = new Date(certificate.validTo);
  if (notAfter.getTime() <= now.getTime()) {
    throw refuse(`it expired on ${day(notAfter)}. Ask the rep for their current certificate.`);
  }
  if (notBefore.getTime() > now.getTime()) {
    throw refuse(`it is not valid until ${day(notBefore)}. Upload it on or after that day.`);
  }
  if (certificate.publicKey.asymmetricKeyType !== 'rsa') {
    throw refuse(
      'its key is not an RSA key, which encrypted mail needs. Ask the rep for an RSA e-mail certificate.',
    );
  }
  if (!allowsKeyEncipherment(certificate)) {
    throw refuse(
      'it cannot be used to encrypt. Ask the rep for their encryption certificate, not their signing one.',
    );
  }
  const purposes = certificate.keyUsage; // Node names the extended key usages so
  if (
    purposes &&
    !purposes.some((oid) => oid === EMAIL_PROTECTION || oid === ANY_EXTENDED_KEY_USAGE)
  ) {
    throw refuse(
      'it is not an e-mail certificate. Ask the rep for their S/MIME (e-mail protection) certificate.',
    );
  }
  if (!certificateEmails(certificate).includes(repEmail.trim().toLowerCase())) {
    throw refuse(
      `it was issued for another e-mail address. Upload the certificate for ${repEmail}.`,
    );
  }
  return {
    pem: certificate.toString(),
    email: repEmail.trim().toLowerCase(),
    subject: certificate.subject,
    notAfter,
    fingerprint: certificate.fingerprint256,
  };
}

/** The addresses a certificate is issued for, lower-cased: mail systems treat them without case. */
function certificateEmails(certificate: X509Certificate): string[] {
  const altNames = (certificate.subjectAltName ?? '')
    .split(', ')
    .filter((name) => name.startsWith('email:'));
  const subject = certificate.subject
    .split('\n')
    .filter((part) => part.startsWith('emailAddress='));
  return [
    ...altNames.map((name) => name.slice('email:'.length)),
    ...subject.map((part) => part.slice('emailAddress='.length)),
  ].map((address) => address.replace(/^"|"$/g, '').toLowerCase());
}

/** True when the certificate has no KeyUsage extension, or one that allows keyEncipherment. */
function allowsKeyEncipherment(certificate: X509Certificate): boolean {
  const extension = parseCertificatePem(certificate.toString()).extensions?.find(
    (e) => e.extnID === KEY_USAGE,
  );
  if (!extension) return true;
  const bits = new Uint8Array(extension.parsedValue?.valueBlock?.valueHexView ?? []);
  return ((bits[0] ?? 0) & KEY_ENCIPHERMENT_MASK) !== 0;
}
