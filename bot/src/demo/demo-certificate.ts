import { createHash, generateKeyPair, randomBytes, webcrypto, X509Certificate } from 'node:crypto';
import { promisify } from 'node:util';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/*
 * X.509 certificates for the demo: a partnership CA and, under it, one S/MIME certificate per
 * demo rep, so that local mode can send S/MIME agendas a mail client really opens. Built with
 * pkijs and node:crypto, not the openssl command, which a machine running `npm start` may lack.
 * Demo only: the keys are written unencrypted and nothing here is fit to protect real data.
 */

const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto });
const makeKeyPair = promisify(generateKeyPair);

const OID = {
  commonName: '2.5.4.3',
  organisation: '2.5.4.10',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extendedKeyUsage: '2.5.29.37',
  emailProtection: '1.3.6.1.5.5.7.3.4',
} as const;

export const DEMO_CA_NAME = 'Riverside Partnership Demo CA';
const ORGANISATION = 'Riverside Safeguarding Partnership (demo)';

export interface KeyAndCertificate {
  /** PKCS#8, unencrypted. */
  keyPem: string;
  certificatePem: string;
}

/** RSA-2048, made in libuv's thread pool so that several keys are made side by side. */
async function newRsaKey(): Promise<{ keyPem: string; spki: Buffer }> {
  const { privateKey, publicKey } = await makeKeyPair('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { keyPem: privateKey, spki: publicKey };
}

/** The partnership's demo CA: self-signed, for issuing certificates only. */
export async function newDemoCa(notBefore: Date): Promise<KeyAndCertificate> {
  const key = await newRsaKey();
  const ski = keyIdentifier(key.spki);
  const der = await sign({
    subject: DEMO_CA_NAME,
    issuer: DEMO_CA_NAME,
    spki: key.spki,
    notBefore,
    years: 10,
    extensions: [
      extension(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: true }).toSchema()),
      // keyCertSign (bit 5) and cRLSign (bit 6): 0000 0110, one unused bit.
      extension(OID.keyUsage, true, bits(0x06, 1)),
      extension(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: ski })),
    ],
    signingKeyPem: key.keyPem,
  });
  return { keyPem: key.keyPem, certificatePem: new X509Certificate(der).toString() };
}

/** A rep's S/MIME certificate for `email`, issued by the demo CA. */
export async function newRepCertificate(
  email: string,
  ca: KeyAndCertificate,
  notBefore: Date,
): Promise<KeyAndCertificate> {
  const key = await newRsaKey();
  const caSpki = new X509Certificate(ca.certificatePem).publicKey.export({
    type: 'spki',
    format: 'der',
  });
  const der = await sign({
    subject: email,
    issuer: DEMO_CA_NAME,
    spki: key.spki,
    notBefore,
    years: 3,
    extensions: [
      extension(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: false }).toSchema()),
      // digitalSignature (bit 0) and keyEncipherment (bit 2): 1010 0000, five unused bits.
      extension(OID.keyUsage, true, bits(0xa0, 5)),
      extension(
        OID.extendedKeyUsage,
        false,
        new pkijs.ExtKeyUsage({ keyPurposes: [OID.emailProtection] }).toSchema(),
      ),
      extension(
        OID.subjectAltName,
        false,
        // rfc822Name: what S/MIME clients and checkRecipientCertificate match the address to.
        new pkijs.GeneralNames({
          names: [new pkijs.GeneralName({ type: 1, value: email })],
        }).toSchema(),
      ),
      extension(
        OID.subjectKeyIdentifier,
        false,
        new asn1js.OctetString({ valueHex: keyIdentifier(key.spki) }),
      ),
      extension(
        OID.authorityKeyIdentifier,
        false,
        new pkijs.AuthorityKeyIdentifier({
          keyIdentifier: new asn1js.OctetString({ valueHex: keyIdentifier(caSpki) }),
        }).toSchema(),
      ),
    ],
    signingKeyPem: ca.keyPem,
  });
  return { keyPem: key.keyPem, certificatePem: new X509Certificate(der).toString() };
}

interface ToSign {
  subject: string;
  issuer: string;
  spki: Buffer;
  notBefore: Date;
  years: number;
  extensions: pkijs.Extension[];
  signingKeyPem: string;
}

async function sign(what: ToSign): Promise<Buffer> {
  const certificate = new pkijs.Certificate();
  certificate.version = 2; // v3: it has extensions
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x40; // positive, and always 16 bytes long
  certificate.serialNumber = new asn1js.Integer({ valueHex: arrayBuffer(serial) });
  certificate.subject = name(what.subject);
  certificate.issuer = name(what.issuer);
  const notAfter = new Date(what.notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + what.years);
  certificate.notBefore = time(what.notBefore);
  certificate.notAfter = time(notAfter);
  certificate.subjectPublicKeyInfo = new pkijs.PublicKeyInfo({
    schema: asn1js.fromBER(arrayBuffer(what.spki)).result,
  });
  certificate.extensions = what.extensions;
  const signingKey = await webcrypto.subtle.importKey(
    'pkcs8',
    pemBody(what.signingKeyPem),
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  await certificate.sign(signingKey as unknown as CryptoKey, 'SHA-256', engine);
  return Buffer.from(certificate.toSchema().toBER(false));
}

/**
 * "O = ..., CN = ...": one attribute per RDN. pkijs writes the attributes it is given as one
 * multi-valued RDN ("O = ... + CN = ..."); a Name read from DER keeps its encoding, so the Name
 * is encoded here and read back.
 */
function name(commonName: string): pkijs.RelativeDistinguishedNames {
  const rdn = (type: string, value: string): asn1js.Set =>
    new asn1js.Set({
      value: [
        new pkijs.AttributeTypeAndValue({
          type,
          value: new asn1js.Utf8String({ value }),
        }).toSchema(),
      ],
    });
  const der = new asn1js.Sequence({
    value: [rdn(OID.organisation, ORGANISATION), rdn(OID.commonName, commonName)],
  }).toBER(false);
  return new pkijs.RelativeDistinguishedNames({ schema: asn1js.fromBER(der).result });
}

/** UTCTime until 2049, GeneralizedTime from 2050 (RFC 5280 4.1.2.5). */
const time = (value: Date): pkijs.Time =>
  new pkijs.Time({
    type: value.getUTCFullYear() < 2050 ? pkijs.TimeType.UTCTime : pkijs.TimeType.GeneralizedTime,
    value,
  });

const bits = (byte: number, unusedBits: number): asn1js.BitString =>
  new asn1js.BitString({ valueHex: new Uint8Array([byte]).buffer, unusedBits });

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

/** RFC 5280 4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits. */
function keyIdentifier(spki: Buffer): ArrayBuffer {
  const info = new pkijs.PublicKeyInfo({ schema: asn1js.fromBER(arrayBuffer(spki)).result });
  const key = info.subjectPublicKey.valueBlock.valueHexView;
  return arrayBuffer(createHash('sha1').update(key).digest());
}

const arrayBuffer = (bytes: Uint8Array): ArrayBuffer => new Uint8Array(bytes).buffer;

const pemBody = (pem: string): ArrayBuffer =>
  arrayBuffer(Buffer.from(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64'));
