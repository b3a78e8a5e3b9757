import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { setUnauthorisedHandler } from './api/client.js';
import { clearToken, hasToken } from './auth/token.js';
import { CoordinatorScreen } from './components/CoordinatorScreen.js';
import { SignIn } from './components/SignIn.js';
import { useHostTheme } from './host/use-host-theme.js';

const useStyles = makeStyles({
  root: { minHeight: '100%', backgroundColor: tokens.colorNeutralBackground3 },
});

/** Chooses the theme from the host, and the sign-in screen whenever there is no valid token. */
export function App() {
  const styles = useStyles();
  const { theme } = useHostTheme();
  const [signedIn, setSignedIn] = useState(hasToken);

  const signOut = useCallback(() => {
    clearToken();
    setSignedIn(false);
  }, []);

  // Any 401 from the API (expired or refused token) returns to the sign-in screen.
  useEffect(() => setUnauthorisedHandler(signOut), [signOut]);

  return (
    <FluentProvider theme={theme} className={styles.root}>
      {signedIn ? (
        <CoordinatorScreen onSignOut={signOut} />
      ) : (
        <SignIn onSignedIn={() => setSignedIn(true)} />
      )}
    </FluentProvider>
  );
}
