import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RunCaseDetail } from '#core/contracts/meeting-api.js';
import { STATUS_WORDS } from '../research/research-words.js';

/** The research status in words; the contract carries it as a plain string. */
const wordsFor = (status: string) =>
  (STATUS_WORDS as Record<string, string | undefined>)[status] ?? status;

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
  others: { margin: '0 0 12px', paddingLeft: '20px', overflowWrap: 'anywhere' },
});

/**
 * Each agency's research with its words, where this person may read them; the agencies whose
 * words are not shown (not given, sealed, or not for this reader) in one short list with their
 * state, so the words there are not lost among them.
 */
export function CaseResearch({ detail }: { detail: RunCaseDetail }) {
  const styles = useStyles();
  const withWords = detail.research.filter((r) => r.text !== null);
  const without = detail.research.filter((r) => r.text === null);
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
      {withWords.length > 0 && (
        <ul className={styles.list} aria-label="Research by agency">
          {withWords.map((r) => (
            <li key={r.agencyId} className={styles.item}>
              <h4 className={styles.h4}>{r.agencyName}</h4>
              <Text className={styles.muted}>{wordsFor(r.status)}</Text>
              <dl className={styles.pairs}>
                {r.text!.map((p) => (
                  <div key={p.label}>
                    <dt className={styles.term}>{p.label}</dt>
                    <dd className={styles.value}>{p.value}</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      )}
      {without.length > 0 && (
        <>
          <Text block className={styles.muted}>
            {withWords.length > 0 ? 'No words shown from the others:' : 'No words shown:'}
          </Text>
          <ul className={styles.others} aria-label="Research with no words shown">
            {without.map((r) => (
              <li key={r.agencyId}>
                {r.agencyName}: {wordsFor(r.status)}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
