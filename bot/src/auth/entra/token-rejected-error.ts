export const TOKEN_REJECTION_REASONS = [
  'malformed',
  'tenant_not_allowed',
  'bad_signature',
  'expired',
  'not_yet_valid',
  'wrong_audience',
  'wrong_issuer',
  'missing_scope',
  'unsupported_algorithm',
  'keys_unavailable',
] as const;

export type TokenRejectionReason = (typeof TOKEN_REJECTION_REASONS)[number];

/**
 * An Entra ID token was refused. The message holds the reason code only: tokens and their claims
 * carry names and email addresses, so neither they nor the library error that spotted the fault
 * (jose's claim errors hold the whole payload) are kept here, where a logger could print them.
 * `keys_unavailable` is our fault or Entra's, not the caller's: an HTTP layer may answer 503.
 */
export class TokenRejectedError extends Error {
  override readonly name = 'TokenRejectedError';

  constructor(readonly reason: TokenRejectionReason) {
    super(`Entra ID token refused: ${reason}`);
  }
}

/**
 * jose's error codes mapped to our reasons. Codes, not classes: the tests load jose through a
 * transform, so `instanceof` across module copies is not to be relied on.
 */
const BY_JOSE_CODE: Readonly<Record<string, TokenRejectionReason>> = {
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'bad_signature',
  ERR_JWKS_NO_MATCHING_KEY: 'bad_signature',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'bad_signature',
  ERR_JWT_EXPIRED: 'expired',
  ERR_JOSE_ALG_NOT_ALLOWED: 'unsupported_algorithm',
  ERR_JOSE_NOT_SUPPORTED: 'unsupported_algorithm',
  ERR_JWKS_TIMEOUT: 'keys_unavailable',
  ERR_JWKS_INVALID: 'keys_unavailable',
};

const BY_FAILED_CLAIM: Readonly<Record<string, TokenRejectionReason>> = {
  nbf: 'not_yet_valid',
  aud: 'wrong_audience',
  iss: 'wrong_issuer',
};

/**
 * Our reason for an error thrown while verifying. Errors that are not jose's (programming faults)
 * are returned as null so that they surface instead of passing for a bad token.
 */
export function reasonForVerifyError(error: unknown): TokenRejectionReason | null {
  if (error instanceof TokenRejectedError) return error.reason;
  const { code, claim, reason } = (error ?? {}) as {
    code?: unknown;
    claim?: unknown;
    reason?: unknown;
  };
  if (typeof code !== 'string' || !code.startsWith('ERR_')) return null;
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    // A claim that is absent, or not of its type, makes the token malformed rather than "wrong".
    if (reason !== 'check_failed' || typeof claim !== 'string') return 'malformed';
    return BY_FAILED_CLAIM[claim] ?? 'malformed';
  }
  return BY_JOSE_CODE[code] ?? 'malformed';
}
