import { execFileSync } from 'node:child_process';
import {
  constants,
  generateKeyPairSync,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/*
 * A Key Vault on a loopback HTTPS port that answers the REST calls the Azure SDK's KeyClient and
 * CryptographyClient make for keys (api-version 7.x shapes): the bearer challenge, create, get,
 * list, wrap and unwrap (RSA-OAEP-256, done here with Node's crypto), delete, the deleted key,
 * and purge (refused with 403 when `purgeProtection`). So the real SDK, with its pipeline,
 * retries and long-running delete, runs against it. Its certificate is made by OpenSSL for
 * 127.0.0.1; pass `ca` to the SDK's `tlsOptions`.
 */

interface Version {
  id: string;
  pair: { publicKey: KeyObject; privateKey: KeyObject };
  created: number;
}

export interface FakeKeyVault {
  url: string;
  ca: string;
  /** `METHOD /path` of every request that carried a token. */
  requests: string[];
  live: Map<string, Version[]>;
  deleted: Map<string, Version[]>;
  close(): Promise<void>;
}

const b64url = (buffer: Buffer) => buffer.toString('base64url');
const epoch = () => Math.floor(Date.now() / 1000);
const TENANT_URL = 'https://login.microsoftonline.com/11111111-2222-4333-8444-555555555555';

export async function startFakeKeyVault(
  options: { purgeProtection?: boolean } = {},
): Promise<FakeKeyVault> {
  const dir = mkdtempSync(path.join(tmpdir(), 'marac-fake-vault-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const cert = readFileSync(path.join(dir, 'cert.pem'), 'utf8');
  const key = readFileSync(path.join(dir, 'key.pem'), 'utf8');
  rmSync(dir, { recursive: true, force: true });

  const live = new Map<string, Version[]>();
  const deleted = new Map<string, Version[]>();
  const requests: string[] = [];
  let base = '';

  const bundle = (name: string, v: Version) => {
    const jwk = v.pair.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
    return {
      key: {
        kid: `${base}/keys/${name}/${v.id}`,
        kty: 'RSA',
        key_ops: ['wrapKey', 'unwrapKey'],
        n: jwk.n,
        e: jwk.e,
      },
      attributes: {
        enabled: true,
        created: v.created,
        updated: v.created,
        recoveryLevel: 'Recoverable+Purgeable',
      },
      tags: {},
    };
  };
  const deletedBundle = (name: string, versions: Version[]) => ({
    ...bundle(name, versions.at(-1)!),
    recoveryId: `${base}/deletedkeys/${name}`,
    deletedDate: epoch(),
    scheduledPurgeDate: epoch() + 7 * 86_400,
  });
  const oaep = (k: KeyObject) => ({
    key: k,
    padding: constants.RSA_PKCS1_OAEP_PADDING,
    oaepHash: 'sha256',
  });

  function route(method: string, parts: string[], body: Record<string, string>) {
    const notFound = {
      status: 404,
      json: { error: { code: 'KeyNotFound', message: 'no such key' } },
    };
    const [collection, name, third, fourth] = parts;
    if (method === 'GET' && parts.length === 1) {
      const from = collection === 'keys' ? live : deleted;
      const value = [...from.keys()].map((n) =>
        collection === 'keys'
          ? { kid: `${base}/keys/${n}`, attributes: { enabled: true } }
          : { kid: `${base}/keys/${n}`, recoveryId: `${base}/deletedkeys/${n}`, attributes: {} },
      );
      return { status: 200, json: { value, nextLink: null } };
    }
    if (!name) return notFound;
    if (collection === 'deletedkeys') {
      const versions = deleted.get(name);
      if (!versions) return notFound;
      if (method === 'GET') return { status: 200, json: deletedBundle(name, versions) };
      if (options.purgeProtection) {
        return {
          status: 403,
          json: { error: { code: 'Forbidden', message: 'Operation "purge" is not allowed' } },
        };
      }
      deleted.delete(name);
      return { status: 204, json: null };
    }
    if (method === 'POST' && third === 'create') {
      if (deleted.has(name))
        return {
          status: 409,
          json: { error: { code: 'Conflict', message: 'deleted but recoverable' } },
        };
      const v: Version = {
        id: randomBytes(16).toString('hex'),
        pair: generateKeyPairSync('rsa', { modulusLength: 2048 }),
        created: epoch(),
      };
      live.set(name, [...(live.get(name) ?? []), v]);
      return { status: 200, json: bundle(name, v) };
    }
    const versions = live.get(name);
    if (!versions) return notFound;
    if (method === 'DELETE') {
      live.delete(name);
      deleted.set(name, versions);
      return { status: 200, json: deletedBundle(name, versions) };
    }
    const version = third ? versions.find((v) => v.id === third) : versions.at(-1);
    if (!version) return notFound;
    if (method === 'GET') return { status: 200, json: bundle(name, version) };
    const kid = `${base}/keys/${name}/${version.id}`;
    const value = Buffer.from(body.value ?? '', 'base64url');
    if (body.alg !== 'RSA-OAEP-256')
      return { status: 400, json: { error: { code: 'BadParameter', message: 'algorithm' } } };
    if (fourth === 'wrapkey')
      return {
        status: 200,
        json: { kid, value: b64url(publicEncrypt(oaep(version.pair.publicKey), value)) },
      };
    if (fourth === 'unwrapkey')
      return {
        status: 200,
        json: { kid, value: b64url(privateDecrypt(oaep(version.pair.privateKey), value)) },
      };
    return notFound;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (!req.headers.authorization) {
      res.writeHead(401, {
        'www-authenticate': `Bearer authorization="${TENANT_URL}", resource="https://vault.azure.net"`,
        'content-type': 'application/json',
      });
      res.end(JSON.stringify({ error: { code: 'Unauthorized', message: 'token needed' } }));
      return;
    }
    const url = new URL(req.url ?? '/', base);
    requests.push(`${req.method} ${url.pathname}`);
    const parts = url.pathname.split('/').filter(Boolean);
    const answer = route(req.method ?? 'GET', parts, text ? JSON.parse(text) : {});
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.json === null ? undefined : JSON.stringify(answer.json));
  }

  const server = createServer({ key, cert }, (req, res) => {
    handle(req, res).catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    ca: cert,
    requests,
    live,
    deleted,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
