import { makeStyles, tokens } from '@fluentui/react-components';
import type { RunCaseDetail } from '#core/contracts/meeting-api.js';
import { formatDate } from '../../format/dates.js';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, max-content) minmax(0, 1fr)',
    gap: '4px 16px',
    margin: '0 0 12px',
    overflowWrap: 'anywhere',
    '@media (max-width: 640px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  pair: { display: 'contents' },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, whiteSpace: 'pre-wrap' },
});

/** The referrer's summary, as the agenda carried it. */
export function CaseSummary({ summary }: { summary: RunCaseDetail['summary'] }) {
  const styles = useStyles();
  const children = summary.children.map((c) =>
    c.dateOfBirth ? `${c.name}, born ${formatDate(c.dateOfBirth)}` : c.name,
  );
  const rows: [string, string][] = [
    ['Victim', summary.victimName],
    ['Perpetrator', summary.perpetratorNames.join('; ') || 'None named'],
    ['Children', children.join('; ') || 'None'],
    ['Referred by', summary.referringAgency],
    ['Why referred', summary.reason],
    ['Known risks', summary.knownRisks || 'None given'],
    ['Repeat referral', summary.isRepeat ? 'Yes' : 'No'],
  ];
  return (
    <dl className={styles.list} data-testid="case-summary">
      {rows.map(([term, value]) => (
        <div key={term} className={styles.pair}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
