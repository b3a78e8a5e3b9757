import { Spinner, Text, makeStyles } from '@fluentui/react-components';
import { actionsApi, type OwnedAction } from '../api/actions.js';
import { ActionItem } from '../components/actions/ActionItem.js';
import { PageTop } from '../components/PageTop.js';
import { ErrorBar } from '../components/ErrorBar.js';
import { PAGE_LAYOUT } from '../components/page-layout.js';
import { useLoad } from '../components/use-load.js';

const useStyles = makeStyles({
  ...PAGE_LAYOUT,
  list: { listStyle: 'none', padding: 0, margin: '0 0 24px', display: 'grid', gap: '12px' },
  h1: { fontSize: '24px', margin: '8px 0' },
  h2: { fontSize: '18px', margin: '16px 0 8px' },
});

/**
 * "My actions" at `/actions`: the actions the person's agencies own, the incomplete first by due
 * time, then those finished in the last 30 days; each with the three ways to say what happened
 * and the agency's case note to copy. The server decides whose actions these are.
 */
export function ActionsPage(props: { onSignOut?: () => void }) {
  const styles = useStyles();
  const { data, setData, error, loading } = useLoad(() => actionsApi.mine(), []);
  const replace = (updated: OwnedAction) =>
    setData((d) => d && { actions: d.actions.map((a) => (a.id === updated.id ? updated : a)) });
  const actions = data?.actions ?? [];
  const open = actions.filter((a) => a.incomplete);
  const finished = actions.filter((a) => !a.incomplete);
  return (
    <main className={styles.page}>
      <PageTop onSignOut={props.onSignOut} />
      <h1 className={styles.h1}>My actions</h1>
      <Text as="p">
        Actions agreed at MARAC for the agencies you represent. Say what happened to each: done, a
        new due date, or that it cannot be done.
      </Text>
      <ErrorBar error={error} title="Your actions could not be loaded" />
      {loading && !data && <Spinner label="Loading your actions" />}
      {data && actions.length === 0 && (
        <Text as="p" data-testid="no-actions">
          Your agencies have no actions from MARAC.
        </Text>
      )}
      {open.length > 0 && (
        <section aria-labelledby="open-actions">
          <h2 id="open-actions" className={styles.h2}>
            To do ({open.length})
          </h2>
          <ul className={styles.list}>
            {open.map((a) => (
              <ActionItem key={a.id} action={a} index={actions.indexOf(a)} onChanged={replace} />
            ))}
          </ul>
        </section>
      )}
      {finished.length > 0 && (
        <section aria-labelledby="finished-actions">
          <h2 id="finished-actions" className={styles.h2}>
            Finished in the last 30 days ({finished.length})
          </h2>
          <ul className={styles.list}>
            {finished.map((a) => (
              <ActionItem key={a.id} action={a} index={actions.indexOf(a)} onChanged={replace} />
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
