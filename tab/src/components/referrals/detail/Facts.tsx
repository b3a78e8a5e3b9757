import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { formatDate } from '../../../format/dates.js';

export const useDetailStyles = makeStyles({
  dl: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 14em) minmax(0, 1fr)',
    gap: '4px 16px',
    margin: '0 0 12px',
    '@media (max-width: 480px)': { gridTemplateColumns: 'minmax(0, 1fr)', gap: '0' },
  },
  dt: {
    color: tokens.colorNeutralForeground2,
    '@media (max-width: 480px)': { marginTop: '6px' },
  },
  dd: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  h4: { margin: '16px 0 6px', fontSize: tokens.fontSizeBase300 },
  row: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap', margin: '8px 0' },
});

/** Label and value pairs; empty values are left out. */
export function Facts({ rows, testId }: { rows: [string, ReactNode][]; testId?: string }) {
  const styles = useDetailStyles();
  const shown = rows.filter(([, v]) => v !== undefined && v !== null && v !== '');
  return (
    <dl className={styles.dl} data-testid={testId}>
      {shown.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt className={styles.dt}>{k}</dt>
          <dd className={styles.dd}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A date in words, or "Not known". */
export const dateOrUnknown = (date: string | null | undefined) =>
  date ? formatDate(date) : 'Not known';

/** An address on one line. */
export const oneLine = (
  address:
    | { line1?: string; line2?: string | undefined; town?: string; postcode?: string | undefined }
    | null
    | undefined,
) =>
  address
    ? [address.line1, address.line2, address.town, address.postcode].filter(Boolean).join(', ')
    : '';
