import { makeStyles, tokens } from '@fluentui/react-components';
import type { AgendaVersionSummary } from '#core/contracts/agenda-api.js';
import { formatDateTime } from '../../format/dates.js';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: '12px' },
  head: { fontWeight: tokens.fontWeightSemibold },
  when: { color: tokens.colorNeutralForeground3 },
  changes: { margin: '4px 0 0', paddingLeft: '20px' },
});

/** Every published version, newest first, each with what changed from the one before. */
export function VersionsList({ versions }: { versions: AgendaVersionSummary[] }) {
  const styles = useStyles();
  return (
    <ol className={styles.list} reversed data-testid="versions">
      {[...versions].reverse().map((v) => (
        <li key={v.version} data-version={v.version}>
          <span className={styles.head}>{v.label}</span>
          <span className={styles.when}>{`, published ${formatDateTime(v.publishedAt)}`}</span>
          {v.changes.length > 0 && (
            <ul className={styles.changes} aria-label={`What changed in ${v.label}`}>
              {v.changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
