import {
  Button,
  Card,
  Spinner,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { api } from '../api/endpoints.js';
import { ErrorBar } from '../components/ErrorBar.js';
import { useLoad } from '../components/use-load.js';

const useStyles = makeStyles({
  page: { maxWidth: '720px', margin: '0 auto', padding: '24px' },
  head: { display: 'flex', alignItems: 'center', gap: '12px', marginBottom: '16px' },
  grow: { flexGrow: 1 },
  card: { padding: '16px 20px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The meeting tab (side panel, stage, meeting chat tab): a placeholder until the meeting features. */
export function MeetingPage({ onSignOut }: { onSignOut?: () => void }) {
  const styles = useStyles();
  const me = useLoad(() => api.me(), []);
  return (
    <main className={styles.page}>
      <div className={styles.head}>
        <Title2 as="h1" className={styles.grow}>
          MARAC meeting
        </Title2>
        {onSignOut && <Button onClick={onSignOut}>Sign out</Button>}
      </div>
      <ErrorBar error={me.error} title="Your details could not be loaded" />
      {me.loading && <Spinner size="small" label="Loading" />}
      <Card className={styles.card}>
        {me.data && (
          <Text block>
            Signed in as <Text weight="semibold">{me.data.name}</Text>
          </Text>
        )}
        <Text block className={styles.muted}>
          The chair&apos;s meeting view arrives with the meeting features.
        </Text>
      </Card>
    </main>
  );
}
