import {
  Button,
  Spinner,
  Tab,
  TabList,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Area } from '../../../core/contracts/api.js';
import { api } from '../api/endpoints.js';
import { AreaView } from './AreaView.js';
import { ErrorBar } from './ErrorBar.js';
import { describeRole } from './SignIn.js';
import { useLoad } from './use-load.js';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: '16px',
    padding: '10px 24px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  appTitle: { margin: 0 },
  grow: { flexGrow: 1 },
  body: { display: 'flex', alignItems: 'flex-start' },
  nav: { width: '240px', flexShrink: 0, padding: '16px 8px 16px 12px' },
  tab: { justifyContent: 'flex-start', textAlign: 'left' },
  navHeading: { margin: '0 0 8px 10px', fontSize: tokens.fontSizeBase300 },
  main: { flexGrow: 1, minWidth: 0, padding: '16px 24px 48px 8px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * Signed in: the areas this user may see, and the chosen area's schedule. Sign out is offered with
 * the development sign-in only (inside Teams or Outlook the person is the host's signed-in user).
 */
export function CoordinatorScreen({ onSignOut }: { onSignOut?: () => void }) {
  const styles = useStyles();
  const me = useLoad(() => api.me(), []);
  const areas = useLoad(() => api.areas(), []);
  const [selected, setSelected] = useState<string | null>(null);

  const replaceArea = (updated: Area) =>
    areas.setData((list) => (list ?? []).map((a) => (a.id === updated.id ? updated : a)));

  // The chosen area, or the first one until the user chooses (also if the chosen one went away).
  const area = areas.data?.find((a) => a.id === selected) ?? areas.data?.[0] ?? null;
  const myRoles = me.data?.roles.filter((r) => r.areaId === area?.id).map((r) => r.role) ?? [];

  return (
    <>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.appTitle}>
          MARAC scheduling
        </Title3>
        <span className={styles.grow} />
        {me.data && (
          <Text>
            Signed in as <Text weight="semibold">{me.data.name}</Text>
            {myRoles.length > 0 && (
              <span className={styles.muted}> · {myRoles.map(describeRole).join(', ')}</span>
            )}
          </Text>
        )}
        {onSignOut && <Button onClick={onSignOut}>Sign out</Button>}
      </header>
      <div className={styles.body}>
        <nav className={styles.nav} aria-labelledby="areas-heading">
          <h2 id="areas-heading" className={styles.navHeading}>
            Areas
          </h2>
          {areas.loading && !areas.data && <Spinner size="small" label="Loading areas" />}
          {areas.data && areas.data.length === 0 && (
            <Text className={styles.muted}>You have no MARAC areas yet.</Text>
          )}
          {areas.data && areas.data.length > 0 && (
            <TabList
              vertical
              aria-label="Areas"
              selectedValue={area?.id}
              onTabSelect={(_, d) => setSelected(String(d.value))}
            >
              {areas.data.map((a) => (
                <Tab key={a.id} value={a.id} className={styles.tab}>
                  {a.name}
                </Tab>
              ))}
            </TabList>
          )}
        </nav>
        <main className={styles.main}>
          <ErrorBar error={me.error ?? areas.error} title="Your areas could not be loaded" />
          {area && me.data && (
            <AreaView
              key={area.id}
              area={area}
              me={me.data}
              onAreaChanged={replaceArea}
              onAreasStale={areas.reload}
            />
          )}
        </main>
      </div>
    </>
  );
}
