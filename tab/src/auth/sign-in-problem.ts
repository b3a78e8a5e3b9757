/**
 * What to tell a person whose sign-in failed: what happened and what to do next, in plain words.
 * The host's and MSAL's own error text is read only to choose one of these fixed messages; it is
 * never shown (it can carry a sign-in name, trace ids or a stack).
 */
export type SignInProblemKind =
  | 'consent'
  | 'setup'
  | 'cancelled'
  | 'popup-blocked'
  | 'network'
  | 'host-timeout'
  | 'host-refused'
  | 'server-refused'
  | 'not-configured';

export interface SignInProblem {
  kind: SignInProblemKind;
  title: string;
  message: string;
  nextStep: string;
  canRetry: boolean;
}

export const CONSENT_NEXT_STEP = 'Ask your IT administrator to grant consent for the MARAC app.';

/** Thrown by the tab itself when the host does not answer a sign-in request in time. */
export class HostTimeoutError extends Error {
  readonly errorCode = 'host_timeout';
  constructor() {
    super('host_timeout');
    this.name = 'HostTimeoutError';
  }
}

/** "Teams", "Outlook", or "Microsoft 365" for any other host. */
export function hostDisplayName(hostName: string | null | undefined): string {
  const name = (hostName ?? '').toLowerCase();
  if (name.startsWith('teams')) return 'Teams';
  if (name.startsWith('outlook')) return 'Outlook';
  return 'Microsoft 365';
}

/** The codes an error carries (teams-js rejects with the reason as the message; MSAL has codes). */
function codesOf(error: unknown): string {
  if (typeof error === 'string') return error.toLowerCase();
  if (typeof error !== 'object' || error === null) return '';
  const e = error as Record<string, unknown>;
  return ['errorCode', 'subError', 'code', 'status', 'message', 'errorMessage', 'name']
    .map((key) => (typeof e[key] === 'string' ? (e[key] as string) : ''))
    .join(' ')
    .toLowerCase();
}

export function describeSignInFailure(error: unknown, hostName: string | null): SignInProblem {
  const host = hostDisplayName(hostName);
  const codes = codesOf(error);
  if (/consent|aadsts65001|aadsts90094|aadsts90008/.test(codes)) {
    return {
      kind: 'consent',
      title: 'MARAC needs your organisation’s permission',
      message: `${host} could not sign you in to MARAC because your organisation has not yet allowed the MARAC app to use your work account.`,
      nextStep: CONSENT_NEXT_STEP,
      canRetry: true,
    };
  }
  if (
    /resourcedisabled|invalid_resource|unauthorized_client|invalid_client|aadsts500011|aadsts700016/.test(
      codes,
    )
  ) {
    return {
      kind: 'setup',
      title: 'MARAC’s sign-in is not set up for your organisation',
      message: `${host} refused to sign you in to MARAC: the app’s registration does not match what your organisation allows.`,
      nextStep: `${CONSENT_NEXT_STEP} They should also check the MARAC app’s sign-in settings.`,
      canRetry: true,
    };
  }
  if (/cancel/.test(codes)) {
    return {
      kind: 'cancelled',
      title: 'Sign-in was cancelled',
      message: 'MARAC needs you to sign in with your work account before it can show anything.',
      nextStep: 'Choose Try again and finish signing in when asked.',
      canRetry: true,
    };
  }
  if (/failedtoopenwindow|popup_window_error|empty_window_error|popup/.test(codes)) {
    return {
      kind: 'popup-blocked',
      title: 'The sign-in window could not open',
      message: `${host} tried to open a window to sign you in, and it was blocked.`,
      nextStep: `Allow pop-ups for ${host}, then choose Try again.`,
      canRetry: true,
    };
  }
  if (/network|offline/.test(codes)) {
    return {
      kind: 'network',
      title: 'You appear to be offline',
      message: 'MARAC could not reach the sign-in service.',
      nextStep: 'Check your connection, then choose Try again.',
      canRetry: true,
    };
  }
  if (/host_timeout/.test(codes)) {
    return {
      kind: 'host-timeout',
      title: `${host} did not answer the sign-in request`,
      message: `MARAC asked ${host} for your sign-in and had no answer.`,
      nextStep: `Choose Try again. If it keeps happening, close and reopen ${host}.`,
      canRetry: true,
    };
  }
  return {
    kind: 'host-refused',
    title: `${host} could not sign you in to MARAC`,
    message: `${host} refused to give MARAC a sign-in for your work account.`,
    nextStep: `Choose Try again. If this keeps happening: ${CONSENT_NEXT_STEP}`,
    canRetry: true,
  };
}

/** The MARAC service refused the host's token twice (once with a fresh one). */
export const SERVER_REFUSED: SignInProblem = {
  kind: 'server-refused',
  title: 'The MARAC service did not accept your sign-in',
  message:
    'Your work account was signed in, but the MARAC service refused it, even with a fresh sign-in.',
  nextStep:
    'Choose Try again. If it happens again, ask your MARAC coordinator to check that your organisation is set up for this MARAC partnership.',
  canRetry: true,
};

/** Inside a host, but the server takes neither Entra ID tokens nor the development sign-in. */
export const NOT_CONFIGURED: SignInProblem = {
  kind: 'not-configured',
  title: 'Sign-in is not set up on this MARAC service',
  message:
    'The MARAC service has no Microsoft Entra ID sign-in configured, so it cannot accept your work account.',
  nextStep: 'Ask your IT administrator to finish setting up the MARAC app’s sign-in.',
  canRetry: false,
};
