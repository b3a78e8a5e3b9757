import { Button, Text, makeStyles } from '@fluentui/react-components';
import { api } from '../api/endpoints.js';
import { AppLink } from '../components/AppLink.js';
import { MeetingRunView } from '../components/meeting/MeetingRunView.js';
import { MyMeetingsView } from '../components/meeting/MyMeetingsView.js';
import { PAGE_LAYOUT } from '../components/page-layout.js';
import { useLoad } from '../components/use-load.js';
import { meetingPath, navigate } from '../routes.js';

const useStyles = makeStyles({ ...PAGE_LAYOUT });

/**
 * The meeting tab (side panel, stage, personal tab, and `/meeting/{id}` in a browser): the
 * person's meetings, or one meeting as it runs. The server decides what each person may see.
 */
export function MeetingPage(props: { meetingId: string | null; onSignOut?: () => void }) {
  const styles = useStyles();
  const me = useLoad(() => api.me(), []);
  return (
    <main className={styles.page}>
      <div className={styles.top}>
        {props.meetingId ? (
          <AppLink href="/meeting">My meetings</AppLink>
        ) : (
          <AppLink href="/">Back to meetings</AppLink>
        )}
        <span className={styles.grow} />
        {me.data && <Text size={200}>Signed in as {me.data.name}</Text>}
        {props.onSignOut && <Button onClick={props.onSignOut}>Sign out</Button>}
      </div>
      {props.meetingId ? (
        <MeetingRunView key={props.meetingId} meetingId={props.meetingId} />
      ) : (
        <MyMeetingsView onOpen={(id) => navigate(meetingPath(id), { replace: true })} />
      )}
    </main>
  );
}
