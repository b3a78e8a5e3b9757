import { Button, Spinner, makeStyles } from '@fluentui/react-components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import {
  setHostNameForMessages,
  setUnauthorisedHandler,
  toApiError,
  type ApiRequestError,
} from '../api/client.js';
import { loadClientConfig } from '../auth/client-config.js';
import { signInWithHost } from '../auth/host-sign-in.js';
import { planSignIn, type SignInPlan } from '../auth/sign-in-plan.js';
import {
  describeSignInFailure,
  hostDisplayName,
  NOT_CONFIGURED,
  type SignInProblem,
} from '../auth/sign-in-problem.js';
import { clearToken, hasToken } from '../auth/token.js';
import type { HostConnection } from '../host/teams-host.js';
import { OpenInHostPage } from '../pages/OpenInHostPage.js';
import { ErrorBar } from './ErrorBar.js';
import { SignIn } from './SignIn.js';
import { SignInProblemBar } from './SignInProblemBar.js';

const useStyles = makeStyles({
  page: { maxWidth: '640px', margin: '0 auto', padding: '48px 24px' },
});

type Phase =
  | { kind: 'starting' }
  | { kind: 'config-failed'; error: ApiRequestError }
  | { kind: 'dev'; signedIn: boolean }
  | { kind: 'host-signing-in'; plan: Extract<SignInPlan, { kind: 'naa' | 'host-sso' }> }
  | { kind: 'host-signed-in'; plan: Extract<SignInPlan, { kind: 'naa' | 'host-sso' }> }
  | { kind: 'problem'; problem: SignInProblem; plan: SignInPlan }
  | { kind: 'open-in-host' };

/**
 * Signs the person in before the screen (children) is shown: inside Teams or Outlook with the
 * host's single sign-on, in local mode with the development sign-in, and otherwise says to open
 * MARAC in Teams or Outlook. A refused sign-in later on comes back here.
 */
export function SessionGate({
  host,
  children,
}: {
  host: HostConnection | null;
  children: (session: { onSignOut?: () => void }) => ReactNode;
}) {
  const styles = useStyles();
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  const [attempt, setAttempt] = useState(0);

  // Decide how to sign in once the host is known and the server has said what it offers.
  useEffect(() => {
    if (!host) return;
    let live = true;
    setHostNameForMessages(host.hostName);
    setPhase({ kind: 'starting' });
    loadClientConfig().then(
      (config) => {
        if (!live) return;
        const plan = planSignIn(host, config);
        if (plan.kind === 'dev') setPhase({ kind: 'dev', signedIn: hasToken() });
        else if (plan.kind === 'open-in-host') setPhase({ kind: 'open-in-host' });
        else if (plan.kind === 'not-configured')
          setPhase({ kind: 'problem', problem: NOT_CONFIGURED, plan });
        else setPhase({ kind: 'host-signing-in', plan });
      },
      (error: unknown) => live && setPhase({ kind: 'config-failed', error: toApiError(error) }),
    );
    return () => {
      live = false;
    };
  }, [host, attempt]);

  // Inside a host: the first token, before anything is loaded.
  const signingIn = phase.kind === 'host-signing-in' ? phase.plan : null;
  useEffect(() => {
    if (!signingIn) return;
    let live = true;
    signInWithHost(signingIn).then(
      () => live && setPhase({ kind: 'host-signed-in', plan: signingIn }),
      (error: unknown) =>
        live &&
        setPhase({
          kind: 'problem',
          problem: describeSignInFailure(error, host?.hostName ?? null),
          plan: signingIn,
        }),
    );
    return () => {
      live = false;
    };
  }, [signingIn, host]);

  const signOut = useCallback(() => {
    clearToken();
    setPhase({ kind: 'dev', signedIn: false });
  }, []);

  // A refused token: back to the development sign-in, or (inside a host) say what went wrong.
  useEffect(() => {
    setUnauthorisedHandler((problem) => {
      if (!problem) {
        signOut();
        return;
      }
      setPhase((current) =>
        current.kind === 'host-signed-in'
          ? { kind: 'problem', problem, plan: current.plan }
          : current,
      );
    });
  }, [signOut]);

  const retry = useCallback(() => {
    if (phase.kind === 'problem' && (phase.plan.kind === 'naa' || phase.plan.kind === 'host-sso')) {
      setPhase({ kind: 'host-signing-in', plan: phase.plan });
    } else {
      setAttempt((n) => n + 1);
    }
  }, [phase]);

  switch (phase.kind) {
    case 'starting':
    case 'host-signing-in':
      return (
        <main className={styles.page}>
          <Spinner
            label={
              host?.inHost
                ? `Signing you in with your ${hostDisplayName(host.hostName)} account`
                : 'Starting MARAC'
            }
          />
        </main>
      );
    case 'config-failed':
      return (
        <main className={styles.page}>
          <ErrorBar error={phase.error} title="MARAC could not start" />
          <p>
            <Button onClick={retry}>Try again</Button>
          </p>
        </main>
      );
    case 'problem':
      return (
        <main className={styles.page}>
          <SignInProblemBar problem={phase.problem} onRetry={retry} />
        </main>
      );
    case 'open-in-host':
      return <OpenInHostPage />;
    case 'dev':
      return phase.signedIn ? (
        children({ onSignOut: signOut })
      ) : (
        <SignIn onSignedIn={() => setPhase({ kind: 'dev', signedIn: true })} />
      );
    case 'host-signed-in':
      return children({});
  }
}
