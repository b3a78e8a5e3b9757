import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Title2,
  makeStyles,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { hostDisplayName } from '../auth/sign-in-problem.js';
import {
  meetingTabConfig,
  offerMeetingTabConfig,
  type HostConnection,
} from '../host/teams-host.js';

const useStyles = makeStyles({
  page: { maxWidth: '640px', margin: '0 auto', padding: '32px 24px' },
});

type State = 'waiting' | 'ready' | 'not-in-host' | 'failed' | 'save-failed';

/**
 * The configurable meeting tab's configuration page. There is nothing to choose: Save is enabled
 * at once and adds the chair's meeting view (`<origin>/meeting`) as the "MARAC" tab.
 */
export function ConfigPage({ host }: { host: HostConnection | null }) {
  const styles = useStyles();
  const [state, setState] = useState<State>('waiting');

  useEffect(() => {
    if (!host) return;
    if (!host.inHost) {
      setState('not-in-host');
      return;
    }
    let live = true;
    offerMeetingTabConfig(
      meetingTabConfig(window.location.origin),
      () => live && setState('save-failed'),
    ).then(
      () => live && setState('ready'),
      () => live && setState('failed'),
    );
    return () => {
      live = false;
    };
  }, [host]);

  const where = hostDisplayName(host?.hostName);
  return (
    <main className={styles.page}>
      <Title2 as="h1">Add MARAC to this meeting</Title2>
      <p>
        <Text>
          The MARAC tab gives the meeting&apos;s chair the meeting view. Case information is shown
          only inside the app, after sign-in, to people whose agency is on the meeting&apos;s list;
          nothing is posted to the meeting chat.
        </Text>
      </p>
      {state === 'waiting' && <Spinner size="small" label={`Connecting to ${where}`} />}
      {state === 'ready' && (
        <p>
          <Text weight="semibold">Choose Save to add the MARAC tab.</Text>
        </p>
      )}
      {state === 'not-in-host' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This page is part of Teams</MessageBarTitle>
            Teams shows it when you add the MARAC app to a meeting. To add it, open the meeting in
            Teams, add an app, and choose MARAC.
          </MessageBarBody>
        </MessageBar>
      )}
      {(state === 'failed' || state === 'save-failed') && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>The MARAC tab could not be added</MessageBarTitle>
            {where} did not accept the tab&apos;s settings. Close this window and add the MARAC app
            to the meeting again; if it still does not work, ask your IT administrator.
          </MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
