import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Tokens for the development sign-in (local mode only). HMAC-SHA256 over a small JSON claim set,
 * with a key made on first start and kept in the data folder, readable by its owner only.
 */
export interface DevClaims {
  sub: string;
  iat: number;
  exp: number;
}

const LIFETIME_SECONDS = 8 * 60 * 60;

export function loadDevSigningKey(dataDir: string): Buffer {
  const file = path.join(dataDir, 'keys', 'dev-sign-in.key');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(file, 'utf8'), 'base64');
}

const sign = (key: Buffer, payload: string) => createHmac('sha256', key).update(`marac-dev.${payload}`).digest('base64url');

export function issueDevToken(key: Buffer, personId: string, now: Date): string {
  const iat = Math.floor(now.getTime() / 1000);
  const claims: DevClaims = { sub: personId, iat, exp: iat + LIFETIME_SECONDS };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `dev.${payload}.${sign(key, payload)}`;
}

/** The person id the token speaks for, or null if it is not ours, tampered with or expired. */
export function verifyDevToken(key: Buffer, token: string, now: Date): string | null {
  const [prefix, payload, signature] = token.split('.');
  if (prefix !== 'dev' || !payload || !signature) return null;
  const expected = Buffer.from(sign(key, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<DevClaims>;
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
    return claims.exp * 1000 > now.getTime() ? claims.sub : null;
  } catch {
    return null;
  }
}
