import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RunCaseDetail } from '#core/contracts/meeting-api.js';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: '0 0 12px', display: 'grid', gap: '8px' },
  item: {
    padding: '8px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
  h4: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: 600 },
  muted: { color: tokens.colorNeutralForeground2 },
  pairs: { margin: '4px 0 0' },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: '0 0 4px', whiteSpace: 'pre-wrap' },
});

/** Each agency's research, with its words where this person may read them, or why not. */
export function CaseResearch({ detail }: { detail: RunCaseDetail }) {
  const styles = useStyles();
  return (
    <>
      {detail.researchWithheld && (
        <Text block data-testid="research-withheld">
          {detail.researchWithheld}
        </Text>
      )}
      {detail.research.length === 0 && !detail.researchWithheld && (
        <Text block>No research was given for this case.</Text>
      )}
      {detail.research.length > 0 && (
        <ul className={styles.list} aria-label="Research by agency">
          {detail.research.map((r) => (
            <li key={r.agencyId} className={styles.item}>
              <h4 className={styles.h4}>{r.agencyName}</h4>
              <Text className={styles.muted}>{r.status}</Text>
              {r.text ? (
                <dl className={styles.pairs}>
                  {r.text.map((p) => (
                    <div key={p.label}>
                      <dt className={styles.term}>{p.label}</dt>
                      <dd className={styles.value}>{p.value}</dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <Text block className={styles.muted}>
                  Its words are not shown to you.
                </Text>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
