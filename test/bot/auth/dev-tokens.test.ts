import { createHmac, randomBytes } from 'node:crypto';
import {
  devTokenVerifier,
  issueDevToken,
  LIFETIME_SECONDS,
  verifyDevToken,
} from '../../../bot/src/auth/dev-tokens.js';

const key = randomBytes(32);
const person = '3f1c2a9e-8b7d-4c6e-9a5f-1b2c3d4e5f60';
const issuedAt = new Date('2026-12-01T09:00:00Z');
const iat0 = issuedAt.getTime() / 1000;
const later = (seconds: number) => new Date(issuedAt.getTime() + seconds * 1000);

/** A token with whatever claims a forger with the key would write (as if the key had leaked into a test). */
function signed(claims: object): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = createHmac('sha256', key).update(`marac-dev.${payload}`).digest('base64url');
  return `dev.${payload}.${signature}`;
}

describe('development tokens', () => {
  it('speak for the person they were issued to until they expire', () => {
    const token = issueDevToken(key, person, issuedAt);
    expect(verifyDevToken(key, token, later(60))).toBe(person);
    expect(verifyDevToken(key, token, later(LIFETIME_SECONDS))).toBeNull();
  });

  it.each([
    ['a trailing part', (t: string) => `${t}.extra`],
    ['a trailing dot', (t: string) => `${t}.`],
    ['trailing characters on the signature', (t: string) => `${t}x`],
    ['a character outside base64url', (t: string) => t.replace(/\.([^.]+)$/, '.$1=')],
    ['another key', (t: string) => t.replace(/\.[^.]+$/, `.${'A'.repeat(43)}`)],
  ])('are refused with %s', (_what, change) => {
    expect(verifyDevToken(key, change(issueDevToken(key, person, issuedAt)), later(1))).toBeNull();
  });

  it('live at most their lifetime from issue, whatever their expiry claims', () => {
    const iat = issuedAt.getTime() / 1000;
    const token = signed({ sub: person, iat, exp: iat + 10 * 365 * 24 * 3600 });
    expect(verifyDevToken(key, token, later(LIFETIME_SECONDS - 1))).toBe(person);
    expect(verifyDevToken(key, token, later(LIFETIME_SECONDS))).toBeNull();
    expect(verifyDevToken(key, token, later(30 * 24 * 3600))).toBeNull();
  });

  it.each([
    ['no issue time', { sub: person, exp: iat0 + 60 }],
    ['an issue time in the future', { sub: person, iat: iat0 + 3600, exp: iat0 + 7200 }],
    ['a subject that is not a person id', { sub: 'admin', iat: iat0, exp: iat0 + 60 }],
    [
      'times that are not whole numbers',
      { sub: person, iat: String(iat0), exp: String(iat0 + 60) },
    ],
  ])('are refused with %s', (_what, claims) => {
    expect(verifyDevToken(key, signed(claims), issuedAt)).toBeNull();
  });

  it('are checked once by a server, then known again by their hash with their times checked every time', () => {
    const verify = devTokenVerifier(key);
    const token = issueDevToken(key, person, issuedAt);
    expect(verify(token, later(1))).toBe(person);
    expect(verify(token, later(60))).toBe(person);
    // Known again, still refused outside its times: issued in the future, or expired.
    expect(verify(token, later(-61))).toBeNull();
    expect(verify(token, later(-59))).toBe(person);
    expect(verify(token, later(LIFETIME_SECONDS))).toBeNull();
    expect(verify(token, later(60))).toBe(person); // let go when expired, then checked afresh
    // A changed signature is another token: it is checked, and refused.
    const forged = token.replace(/\.[^.]+$/, `.${'A'.repeat(43)}`);
    expect(verify(forged, later(1))).toBeNull();
    expect(verify(`${token}x`, later(1))).toBeNull();
    // A verifier with another key knows nothing of this one's tokens.
    expect(devTokenVerifier(randomBytes(32))(token, later(1))).toBeNull();
    // The claims are checked as verifyDevToken checks them.
    const tooLong = signed({ sub: person, iat: iat0, exp: iat0 + 10 * 365 * 24 * 3600 });
    expect(verify(tooLong, later(LIFETIME_SECONDS - 1))).toBe(person);
    expect(verify(tooLong, later(LIFETIME_SECONDS))).toBeNull();
    expect(verify(signed({ sub: 'admin', iat: iat0, exp: iat0 + 60 }), issuedAt)).toBeNull();
  });
});
