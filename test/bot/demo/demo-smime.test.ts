import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDemoCertificates } from '../../../bot/src/demo/demo-smime.js';
import { composeBodyPart } from '../../../bot/src/mail/compose-mime.js';
import { checkRecipientCertificate } from '../../../bot/src/mail/recipient-certificate.js';
import { envelope, parseCertificatePem, smimeMessage } from '../../../bot/src/mail/smime.js';
import { OpenSslWorkspace, type KeyPair } from '../../support/openssl.js';

// The demo reps' S/MIME certificates, made by the app without the openssl command, then checked
// by OpenSSL as the independent party: the chain, the extensions, and a message that opens.

const CORE = 'core.rep@police.example';
const DEPUTY = 'Deputy.Rep@Health.example';
const now = new Date();
const dataDir = mkdtempSync(path.join(tmpdir(), 'marac-demo-smime-'));
const folder = path.join(dataDir, 'demo', 'smime');
const openssl = new OpenSslWorkspace();
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  openssl.remove();
});

const pairOf = (email: string): KeyPair => ({
  certificatePem: readFileSync(path.join(folder, `${email.toLowerCase()}.crt`), 'utf8'),
  certificatePath: path.join(folder, `${email.toLowerCase()}.crt`),
  keyPath: path.join(folder, `${email.toLowerCase()}.key`),
});
const filesNow = () =>
  Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((name) => [name, readFileSync(path.join(folder, name), 'utf8')]),
  );

let first: Map<string, string>;
beforeAll(async () => {
  first = await ensureDemoCertificates(dataDir, [CORE, DEPUTY], now);
});

it('writes a CA and a key and certificate per rep, readable by this user only', () => {
  expect(Object.keys(filesNow())).toEqual(
    ['core.rep@police.example', 'demo-ca', 'deputy.rep@health.example'].flatMap((name) => [
      `${name}.crt`,
      `${name}.key`,
    ]),
  );
  expect(statSync(folder).mode & 0o777).toBe(0o700);
  for (const name of readdirSync(folder)) {
    expect([name, statSync(path.join(folder, name)).mode & 0o777]).toEqual([name, 0o600]);
  }
  expect(readFileSync(pairOf(CORE).keyPath, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  expect([...first.keys()]).toEqual([CORE, DEPUTY]);
  expect(first.get(DEPUTY)).toBe(pairOf(DEPUTY).certificatePem);
});

it.each([CORE, DEPUTY])('issues %s a certificate the app accepts for that address', (email) => {
  const checked = checkRecipientCertificate(first.get(email)!, email, now);
  const validFrom = Date.parse(
    execFileSync(
      'openssl',
      ['x509', '-noout', '-startdate', '-in', pairOf(email).certificatePath],
      {
        encoding: 'utf8',
      },
    ).replace('notBefore=', ''),
  );
  expect(Math.abs(validFrom - (now.getTime() - 86_400_000))).toBeLessThan(2000);
  const threeYears = new Date(validFrom);
  threeYears.setUTCFullYear(threeYears.getUTCFullYear() + 3);
  expect(Math.abs(checked.notAfter.getTime() - threeYears.getTime())).toBeLessThan(2000);
});

it('is RSA-2048, for signing and key encipherment, e-mail protection, under the demo CA', () => {
  const { certificatePath } = pairOf(CORE);
  const text = execFileSync('openssl', ['x509', '-noout', '-text', '-in', certificatePath], {
    encoding: 'utf8',
  });
  expect(text).toContain('Public-Key: (2048 bit)');
  expect(text).toContain(
    'Issuer: O = Riverside Safeguarding Partnership (demo), CN = Riverside Partnership Demo CA',
  );
  expect(text).toContain(
    'Subject: O = Riverside Safeguarding Partnership (demo), CN = core.rep@police.example',
  );
  expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Key Encipherment\n/);
  expect(text).toMatch(/X509v3 Extended Key Usage:\s+E-mail Protection\n/);
  expect(text).toMatch(/X509v3 Subject Alternative Name:\s+email:core\.rep@police\.example\n/);
  expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
  const verified = execFileSync(
    'openssl',
    [
      'verify',
      '-purpose',
      'smimeencrypt',
      '-CAfile',
      path.join(folder, 'demo-ca.crt'),
      certificatePath,
    ],
    { encoding: 'utf8' },
  );
  expect(verified.trim()).toBe(`${certificatePath}: OK`);
});

it('makes keys that open a message encrypted to their certificate, and no other', async () => {
  const inner = await composeBodyPart({ text: 'The demo agenda is attached.' });
  const der = await envelope(inner, [parseCertificatePem(first.get(CORE)!)]);
  const message = await smimeMessage(
    {
      from: 'marac.northbrook@riverside-partnership.example',
      to: [CORE],
      subject: 'MARAC agenda - Northbrook',
      messageId: '<marac.demo-1@riverside-partnership.example>',
    },
    der,
  );
  expect(openssl.decrypt(message, pairOf(CORE)).toString('utf8')).toContain(
    'The demo agenda is attached.',
  );
  expect(() => openssl.decrypt(message, pairOf(DEPUTY))).toThrow();
});

it('reuses what it made on the next start (same bytes), and makes only what is new', async () => {
  const before = filesNow();
  const again = await ensureDemoCertificates(
    dataDir,
    [DEPUTY, CORE, 'idva@riverside.example'],
    now,
  );
  expect(again.get(CORE)).toBe(first.get(CORE));
  expect(again.get(DEPUTY)).toBe(first.get(DEPUTY));
  const after = filesNow();
  expect(Object.keys(after)).toHaveLength(8);
  for (const [name, content] of Object.entries(before))
    expect([name, after[name]]).toEqual([name, content]);
  expect(() =>
    checkRecipientCertificate(again.get('idva@riverside.example')!, 'idva@riverside.example', now),
  ).not.toThrow();
});

it('makes eight reps\u2019 certificates, as the demo seeds, in a few seconds', async () => {
  const emails = Array.from({ length: 8 }, (_, i) => `rep.${i + 1}@agency${i + 1}.example`);
  const started = performance.now();
  const made = await ensureDemoCertificates(mkdtempSync(path.join(dataDir, 'eight-')), emails, now);
  const seconds = (performance.now() - started) / 1000;
  expect(made.size).toBe(8);
  // Generous for a busy 2-core machine; jest --verbose shows the time taken.
  expect(seconds).toBeLessThan(30);
});

it.each(['../../etc/passwd@x.example', 'no-at-sign', 'rep@example/..'])(
  'refuses to make a file for %s',
  async (email) => {
    await expect(ensureDemoCertificates(dataDir, [email], now)).rejects.toThrow(
      'Not an e-mail address',
    );
  },
);
