import {
  Button,
  Card,
  Spinner,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { toApiError, type ApiRequestError } from '../api/client.js';
import { api, type DevUser } from '../api/endpoints.js';
import { storeLocalToken } from '../auth/token.js';
import { ErrorBar } from './ErrorBar.js';
import { useLoad } from './use-load.js';

const useStyles = makeStyles({
  page: { maxWidth: '640px', margin: '0 auto', padding: '48px 24px' },
  list: { listStyle: 'none', padding: 0, display: 'grid', gap: '8px' },
  user: { width: '100%', justifyContent: 'flex-start', textAlign: 'left', padding: '12px 16px' },
  roles: { color: tokens.colorNeutralForeground3, display: 'block' },
});

const roleWords: Record<string, string> = {
  coordinator: 'Coordinator',
  chair: 'Chair',
  rep: 'Agency rep',
  idva: 'IDVA',
  observer: 'Observer',
  admin: 'Administrator',
};

export const describeRole = (role: string) => roleWords[role] ?? role;

/** Local mode only: pick a seeded demo user. The server refuses this in production. */
export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const styles = useStyles();
  const users = useLoad(() => api.devUsers(), []);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);

  const signIn = async (user: DevUser) => {
    setBusy(user.email);
    setError(null);
    try {
      const { token } = await api.devSignIn(user.email);
      storeLocalToken(token);
      onSignedIn();
    } catch (e) {
      setError(toApiError(e));
      setBusy(null);
    }
  };

  return (
    <main className={styles.page}>
      <Title2 as="h1">Sign in to MARAC</Title2>
      <p>
        <Text>
          Development sign-in for local mode. Choose a demo user; each has the roles shown. Inside
          Teams you are signed in with your work account instead.
        </Text>
      </p>
      <ErrorBar error={users.error} title="Demo users could not be loaded" />
      <ErrorBar error={error} title="Sign-in failed" />
      {users.loading && <Spinner label="Loading demo users" />}
      {users.data && (
        <Card>
          <ul className={styles.list} aria-label="Demo users">
            {users.data.map((user) => (
              <li key={user.email}>
                <Button
                  className={styles.user}
                  appearance="subtle"
                  disabled={busy !== null}
                  onClick={() => void signIn(user)}
                >
                  <span>
                    <Text weight="semibold">{user.name}</Text> <Text>({user.email})</Text>
                    <Text size={200} className={styles.roles}>
                      {user.roles.length === 0
                        ? 'No roles'
                        : user.roles
                            .map((r) => `${describeRole(r.role)}, ${r.areaName}`)
                            .join('; ')}
                    </Text>
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </main>
  );
}
