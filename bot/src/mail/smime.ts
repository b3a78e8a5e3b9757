import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import MimeNode from 'nodemailer/lib/mime-node';

/*
 * S/MIME enveloped data (RFC 8551, CMS RFC 5652) built with pkijs: the content encrypted with
 * AES-256-CBC under a fresh key, that key encrypted to each recipient's certificate with
 * RSAES-OAEP (SHA-256). Outlook opens it with the rep's private key; so does
 * `openssl cms -decrypt`, which the tests use as the independent check.
 */

const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto });

const ID_DATA = '1.2.840.113549.1.7.1';
const ID_ENVELOPED_DATA = '1.2.840.113549.1.7.3';

/** Encrypts a MIME entity to every certificate given; returns the CMS ContentInfo in DER. */
export async function envelope(
  entity: Uint8Array,
  certificates: readonly pkijs.Certificate[],
): Promise<Buffer> {
  if (certificates.length === 0) throw new Error('S/MIME needs at least one recipient certificate');
  const enveloped = new pkijs.EnvelopedData();
  for (const certificate of certificates) {
    enveloped.addRecipientByCertificate(certificate, { oaepHashAlgorithm: 'SHA-256' }, 1, engine);
  }
  const content = entity.buffer.slice(
    entity.byteOffset,
    entity.byteOffset + entity.byteLength,
  ) as ArrayBuffer;
  await enveloped.encrypt({ name: 'AES-CBC', length: 256 } as Algorithm, content, engine);
  // pkijs leaves the content type of the encrypted content unset for plain data.
  enveloped.encryptedContentInfo.contentType = ID_DATA;
  const info = new pkijs.ContentInfo({
    contentType: ID_ENVELOPED_DATA,
    content: enveloped.toSchema(),
  });
  return Buffer.from(info.toSchema().toBER(false));
}

export interface SmimeEnvelope {
  from: string;
  to: readonly string[];
  subject: string;
  messageId: string;
  date?: Date;
  headers?: Readonly<Record<string, string>>;
}

/**
 * The outer message: envelope headers and one `application/pkcs7-mime` part. Only what the outer
 * headers say is readable without the key, so the subject must hold no personal data.
 */
export async function smimeMessage(head: SmimeEnvelope, der: Uint8Array): Promise<Buffer> {
  const root = new MimeNode('application/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"');
  root.setHeader({
    from: head.from,
    to: [...head.to].join(', '),
    subject: head.subject,
    'message-id': head.messageId,
    date: (head.date ?? new Date()).toUTCString().replace(/GMT/, '+0000'),
    'content-disposition': 'attachment; filename="smime.p7m"',
    'content-transfer-encoding': 'base64',
    ...head.headers,
  });
  root.setContent(Buffer.from(der));
  return root.build();
}

/** Reads a PEM certificate (the first one, if a chain is given). */
export function parseCertificatePem(pem: string): pkijs.Certificate {
  const match = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/.exec(pem);
  if (!match) throw new Error('not a PEM certificate');
  const der = Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64');
  const asn1 = asn1js.fromBER(new Uint8Array(der).buffer);
  if (asn1.offset === -1) throw new Error('not a DER certificate');
  return new pkijs.Certificate({ schema: asn1.result });
}
