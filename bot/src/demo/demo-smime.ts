import { createPrivateKey, X509Certificate } from 'node:crypto';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from '../ics/ics-files.js';
import { newDemoCa, newRepCertificate, type KeyAndCertificate } from './demo-certificate.js';

/*
 * The demo reps' S/MIME keys and certificates, kept under `<data>/demo/smime/` so that the
 * .eml files local mode writes can be opened (by Outlook with the .key imported, or by
 * `openssl cms -decrypt`) across restarts: made once, then reused.
 */

const CA_FILE = 'demo-ca';

/**
 * Makes sure every e-mail address has a demo key and certificate (issued by the demo CA, itself
 * made once), and answers each address's certificate PEM, keyed by the address as given.
 * A pair already on disk is reused while it is in date and its key matches its certificate.
 */
export async function ensureDemoCertificates(
  dataDir: string,
  emails: string[],
  now: Date,
): Promise<Map<string, string>> {
  const addresses = [...new Set(emails.map(fileNameOf))];
  const folder = join(dataDir, 'demo', 'smime');
  // The folder holds private keys: only this user may list or read it.
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await chmod(folder, 0o700);
  const notBefore = new Date(now.getTime() - 86_400_000); // yesterday: clocks differ a little
  const ca =
    (await stored(folder, CA_FILE, now)) ??
    (await save(folder, CA_FILE, await newDemoCa(notBefore)));
  // Side by side: RSA key generation runs in libuv's thread pool, one key per free thread.
  const pairs = await Promise.all(
    addresses.map(
      async (address) =>
        (await stored(folder, address, now)) ??
        (await save(folder, address, await newRepCertificate(address, ca, notBefore))),
    ),
  );
  const byAddress = new Map(addresses.map((address, i) => [address, pairs[i]!.certificatePem]));
  return new Map(emails.map((email) => [email, byAddress.get(fileNameOf(email))!]));
}

/** The address as a file name; anything that could leave the folder is refused. */
function fileNameOf(email: string): string {
  const address = email.trim().toLowerCase();
  if (!/^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(address)) {
    throw new Error(`Not an e-mail address for a demo certificate: ${email}`);
  }
  return address;
}

async function stored(folder: string, name: string, now: Date): Promise<KeyAndCertificate | null> {
  let pair: KeyAndCertificate;
  try {
    pair = {
      keyPem: await readFile(join(folder, `${name}.key`), 'utf8'),
      certificatePem: await readFile(join(folder, `${name}.crt`), 'utf8'),
    };
  } catch {
    return null;
  }
  try {
    const certificate = new X509Certificate(pair.certificatePem);
    const inDate = new Date(certificate.validFrom) <= now && now < new Date(certificate.validTo);
    // A crash between writing a new key and its certificate leaves a pair that does not match.
    return inDate && certificate.checkPrivateKey(createPrivateKey(pair.keyPem)) ? pair : null;
  } catch {
    return null;
  }
}

/** The key first, then the certificate; each file whole or not at all, readable by this user only. */
async function save(
  folder: string,
  name: string,
  pair: KeyAndCertificate,
): Promise<KeyAndCertificate> {
  await writeFileAtomically(folder, `${name}.key`, pair.keyPem);
  await writeFileAtomically(folder, `${name}.crt`, pair.certificatePem);
  return pair;
}
