import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
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

/** The longest a development token lives, whatever its claims say. */
export const LIFETIME_SECONDS = 8 * 60 * 60;

export function loadDevSigningKey(dataDir: string): Buffer {
  const file = path.join(dataDir, 'keys', 'dev-sign-in.key');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(file, 'utf8'), 'base64');
}

const sign = (key: Buffer, payload: string) =>
  createHmac('sha256', key).update(`marac-dev.${payload}`).digest('base64url');

export function issueDevToken(key: Buffer, personId: string, now: Date): string {
  const iat = Math.floor(now.getTime() / 1000);
  const claims: DevClaims = { sub: personId, iat, exp: iat + LIFETIME_SECONDS };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `dev.${payload}.${sign(key, payload)}`;
}

/** A few seconds either way between the clock that issued a token and the one checking it. */
const SKEW_SECONDS = 60;
const PART = /^[A-Za-z0-9_-]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What a token's signature and claims were found to say: who, and from when until when (s). */
interface CheckedToken {
  sub: string;
  /** Its `iat` less the skew allowed: before this it is refused as issued in the future. */
  from: number;
  /** Its expiry, at most LIFETIME_SECONDS after it was issued. */
  until: number;
}

/** The token's claims once its form and signature are checked; null if it is not ours or malformed. */
function checkDevToken(key: Buffer, token: string): CheckedToken | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [prefix, payload, signature] = parts as [string, string, string];
  if (prefix !== 'dev' || !PART.test(payload) || !PART.test(signature)) return null;
  const expected = Buffer.from(sign(key, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(
      Buffer.from(payload, 'base64url').toString('utf8'),
    ) as Partial<DevClaims>;
    const { sub, iat, exp } = claims;
    if (typeof sub !== 'string' || !UUID.test(sub)) return null;
    if (!Number.isInteger(iat) || !Number.isInteger(exp)) return null;
    return { sub, from: iat! - SKEW_SECONDS, until: Math.min(exp!, iat! + LIFETIME_SECONDS) };
  } catch {
    return null;
  }
}

const inTime = (checked: CheckedToken, now: Date) => {
  const nowSeconds = now.getTime() / 1000;
  return checked.from <= nowSeconds && nowSeconds < checked.until;
};

/**
 * The person id the token speaks for, or null if it is not ours, tampered with or expired. The
 * token is exactly `dev.<payload>.<signature>`: nothing may trail it. Whatever its claims say, it
 * lives at most LIFETIME_SECONDS from when it was issued, and was not issued in the future.
 */
export function verifyDevToken(key: Buffer, token: string, now: Date): string | null {
  const checked = checkDevToken(key, token);
  return checked && inTime(checked, now) ? checked.sub : null;
}

/** Tokens whose signature a verifier keeps as checked, at most (the oldest checked goes first). */
const TOKENS_KEPT = 1_000;

/**
 * `verifyDevToken` for a server: a token whose signature and claims were checked once is known
 * again by its SHA-256 (the token itself is not kept) and only its times are checked again, so
 * a client calling in a loop does not cost an HMAC and a JSON parse a request. Only good tokens
 * are kept, at most TOKENS_KEPT of them; one found expired is let go.
 */
export function devTokenVerifier(key: Buffer): (token: string, now: Date) => string | null {
  const checked = new Map<string, CheckedToken>();
  return (token, now) => {
    const id = createHash('sha256').update(token).digest('base64url');
    let known = checked.get(id);
    if (!known) {
      const found = checkDevToken(key, token);
      if (!found) return null;
      if (checked.size >= TOKENS_KEPT) checked.delete(checked.keys().next().value!);
      checked.set(id, found);
      known = found;
    }
    if (inTime(known, now)) return known.sub;
    if (now.getTime() / 1000 >= known.until) checked.delete(id);
    return null;
  };
}
