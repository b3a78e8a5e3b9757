import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/* OpenSSL as the independent party: it makes the reps' certificates and opens what the app sent. */

export interface KeyPair {
  certificatePem: string;
  certificatePath: string;
  keyPath: string;
}

export interface CertificateOptions {
  email: string;
  /** `keyUsage` extension value; default allows encryption. */
  keyUsage?: string;
  extendedKeyUsage?: string;
  days?: number;
  keyType?: 'rsa:2048' | 'ec';
}

export class OpenSslWorkspace {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'marac-openssl-'));
  private made = 0;

  /** A self-signed certificate and its private key, as a rep's S/MIME certificate would be. */
  certificate(options: CertificateOptions): KeyPair {
    this.made += 1;
    const keyPath = path.join(this.dir, `rep-${this.made}.key`);
    const certificatePath = path.join(this.dir, `rep-${this.made}.crt`);
    const key =
      options.keyType === 'ec'
        ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1']
        : ['-newkey', 'rsa:2048'];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        ...key,
        '-nodes',
        '-keyout',
        keyPath,
        '-out',
        certificatePath,
        '-days',
        String(options.days ?? 365),
        '-subj',
        `/CN=Test Rep ${this.made}`,
        '-addext',
        `keyUsage=${options.keyUsage ?? 'keyEncipherment,digitalSignature'}`,
        '-addext',
        `extendedKeyUsage=${options.extendedKeyUsage ?? 'emailProtection'}`,
        '-addext',
        `subjectAltName=email:${options.email}`,
      ],
      { stdio: 'pipe' },
    );
    return { certificatePem: readFileSync(certificatePath, 'utf8'), certificatePath, keyPath };
  }

  /** `openssl cms -decrypt`: the inner MIME entity, or throws when this key cannot open it. */
  decrypt(message: Uint8Array, pair: KeyPair): Buffer {
    const input = path.join(this.dir, `message-${(this.made += 1)}.eml`);
    writeFileSync(input, message);
    return execFileSync(
      'openssl',
      ['cms', '-decrypt', '-in', input, '-recip', pair.certificatePath, '-inkey', pair.keyPath],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
  }

  /** `openssl cms -cmsout -print`: the structure, to check the algorithms used. */
  describe(message: Uint8Array): string {
    const input = path.join(this.dir, `message-${(this.made += 1)}.eml`);
    writeFileSync(input, message);
    return execFileSync('openssl', ['cms', '-cmsout', '-print', '-in', input], {
      encoding: 'utf8',
    });
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
