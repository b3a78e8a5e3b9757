import { makeStyles, tokens } from '@fluentui/react-components';
import type { CertificateSummary } from '#core/contracts/agenda-api.js';
import { formatLongInstantDate } from '../../format/dates.js';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: '20px', display: 'grid', gap: '8px' },
  detail: { display: 'block', color: tokens.colorNeutralForeground2 },
  // A SHA-256 fingerprint is 95 characters: it wraps anywhere rather than widen a narrow panel.
  fingerprint: {
    display: 'block',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
});

/** The stored certificates of an agency's reps: whose, until when, and the fingerprint to read out. */
export function CertificateList({ certificates }: { certificates: CertificateSummary[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} data-testid="stored-certificates">
      {certificates.map((c) => (
        <li key={c.fingerprint}>
          {c.email}
          <span className={styles.detail}>Expires {formatLongInstantDate(c.notAfter)}</span>
          <span className={styles.fingerprint}>SHA-256 fingerprint: {c.fingerprint}</span>
        </li>
      ))}
    </ul>
  );
}
