import { createPublicKey } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';

/*
 * A loopback stand-in for Entra ID's key discovery: GET /<tenant id>/discovery/v2.0/keys answers each
 * tenant's own public key set, as login.microsoftonline.com does. sign() makes access tokens shaped
 * like Entra's. Only invented people and .example addresses appear here.
 */

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export type JwksMode = 'ok' | 'error' | 'hang';

export interface SignOptions {
  /** Tenant whose key signs, and whose tid/iss are the defaults. Default: the police tenant. */
  tenant?: string;
  /** v2.0 (default): iss .../v2.0, aud client id, preferred_username; v1.0: STS-style iss, aud URI, upn. */
  version?: '1.0' | '2.0';
  /** Sign with a key that was never published (a forgery), under the current kid unless `kid` says. */
  foreignKey?: boolean;
  /** Header kid to write, whatever key signs. */
  kid?: string;
}

/** Invented tenants and app registration. */
export const POLICE_TENANT = 'aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa';
export const HEALTH_TENANT = 'bbbbbbbb-2222-4222-8222-bbbbbbbbbbbb';
/** Served by the fake; the tests never allow it. */
export const STRANGER_TENANT = 'cccccccc-3333-4333-8333-cccccccccccc';
export const CLIENT_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const APP_ID_URI = `api://marac.example.org/${CLIENT_ID}`;
/** The Teams web client, which asks Entra for the tab's token. */
const TEAMS_CLIENT = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';

const TENANTS = [POLICE_TENANT, HEALTH_TENANT, STRANGER_TENANT];

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

let kidCounter = 0;

async function newKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = `test-key-${++kidCounter}`;
  // Entra's keys carry kty, use, kid, n, e (and x5c, x5t, issuer), but no alg.
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, use: 'sig' } };
}

export class FakeEntra {
  /** JWKS requests answered (or refused), per tenant. */
  readonly fetches = new Map<string, number>();
  jwksMode: JwksMode = 'ok';
  private requests = 0;
  private readonly keys = new Map<string, SigningKey[]>();
  private foreign: SigningKey | undefined;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeEntra> {
    const fake = new FakeEntra(createServer());
    for (const tenant of TENANTS) fake.keys.set(tenant, [await newKey()]);
    fake.foreign = await newKey();
    fake.server.on('request', (req: IncomingMessage, res: ServerResponse) => fake.handle(req, res));
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get authorityHost(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  fetchCount(tenant: string = POLICE_TENANT): number {
    return this.fetches.get(tenant) ?? 0;
  }

  /** Every request the fake received, for any path or tenant. */
  totalFetches(): number {
    return this.requests;
  }

  /** The key that signs now: the newest. */
  currentKey(tenant: string = POLICE_TENANT): SigningKey {
    return this.keySet(tenant)[0]!;
  }

  /** Publishes a new signing key first in the set; the old one stays published unless retired. */
  async rotateKeys(tenant: string = POLICE_TENANT, { retireOld = false } = {}): Promise<string> {
    const next = await newKey();
    this.keys.set(tenant, retireOld ? [next] : [next, ...this.keySet(tenant)]);
    return next.kid;
  }

  /** Entra-shaped claims for the tenant, before overrides. */
  claims(options: SignOptions = {}): JWTPayload {
    const tid = options.tenant ?? POLICE_TENANT;
    const now = Math.floor(Date.now() / 1000);
    const v1 = options.version === '1.0';
    const user = 'casey.marsh@police.example';
    return {
      ...{ iat: now, nbf: now, exp: now + 3600, tid, scp: 'access_as_user', name: 'Casey Marsh' },
      ...{ oid: '4f1d2c3b-5a69-4788-9abc-0d1e2f3a4b5c', sub: 'pairwise-subject-of-casey-marsh' },
      aud: v1 ? APP_ID_URI : CLIENT_ID,
      iss: v1 ? `${this.authorityHost}/${tid}/` : `${this.authorityHost}/${tid}/v2.0`,
      ver: v1 ? '1.0' : '2.0',
      ...(v1
        ? { appid: TEAMS_CLIENT, upn: user }
        : { azp: TEAMS_CLIENT, preferred_username: user }),
    };
  }

  /** An RS256 token; a claim set to undefined in `overrides` is left out. */
  async sign(overrides: Record<string, unknown> = {}, options: SignOptions = {}): Promise<string> {
    const tenant = options.tenant ?? POLICE_TENANT;
    const current = this.currentKey(tenant);
    const key = options.foreignKey ? this.foreign! : current;
    const payload = Object.fromEntries(
      Object.entries({ ...this.claims({ ...options, tenant }), ...overrides }).filter(
        ([, v]) => v !== undefined,
      ),
    );
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? current.kid })
      .sign(key.privateKey);
  }

  /* Tokens no honest Entra makes, for the refusal tests. */

  /** `alg: none`: header and claims with an empty signature. */
  unsigned(): string {
    return `${b64({ alg: 'none', typ: 'JWT', kid: this.currentKey().kid })}.${b64(this.claims())}.`;
  }

  /** The old confusion attack: HS256 keyed with the bytes of the tenant's published public key. */
  async hmacWithPublicKey(): Promise<string> {
    const { publicJwk, kid } = this.currentKey();
    const pem = createPublicKey({ key: publicJwk as never, format: 'jwk' }).export({
      type: 'spki',
      format: 'pem',
    });
    return new SignJWT(this.claims())
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid })
      .sign(new TextEncoder().encode(pem.toString()));
  }

  /** A genuine token whose claims were edited afterwards, keeping the signature. */
  async tampered(overrides: Record<string, unknown>): Promise<string> {
    const [header, , signature] = (await this.sign()).split('.');
    return `${header}.${b64({ ...this.claims(), ...overrides })}.${signature}`;
  }

  /** Properly signed, but with no kid in the header. */
  async withoutKid(): Promise<string> {
    return new SignJWT(this.claims())
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .sign(this.currentKey().privateKey);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private keySet(tenant: string): SigningKey[] {
    const set = this.keys.get(tenant);
    if (!set) throw new Error(`fake Entra has no tenant ${tenant}`);
    return set;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.requests++;
    const match = /^\/([^/]+)\/discovery\/v2\.0\/keys$/.exec(req.url ?? '');
    const tenant = match?.[1];
    if (req.method !== 'GET' || !tenant || !this.keys.has(tenant)) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not_found"}');
      return;
    }
    this.fetches.set(tenant, this.fetchCount(tenant) + 1);
    if (this.jwksMode === 'hang') return; // never answers; close() drops the connection
    if (this.jwksMode === 'error') {
      res
        .writeHead(503, { 'content-type': 'application/json' })
        .end('{"error":"temporarily_unavailable"}');
      return;
    }
    const issuer = `${this.authorityHost}/${tenant}/v2.0`;
    const body = { keys: this.keySet(tenant).map((k) => ({ ...k.publicJwk, issuer })) };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}
