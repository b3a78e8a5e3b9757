import { makeStyles, tokens } from '@fluentui/react-components';
import type { Candidate, ReferralDetail } from '../../../api/referrals.js';
import { formatDate } from '../../../format/dates.js';
import { STATUS_WORDS } from '../referral-words.js';
import { dateOrUnknown, oneLine } from './Facts.js';

const useStyles = makeStyles({
  table: {
    width: '100%',
    tableLayout: 'fixed',
    borderCollapse: 'collapse',
    margin: '4px 0 8px',
    '& th, & td': {
      textAlign: 'left',
      verticalAlign: 'top',
      padding: '4px 6px',
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      overflowWrap: 'anywhere',
    },
  },
  what: { width: '28%', color: tokens.colorNeutralForeground2, fontWeight: 'normal' },
  caption: { textAlign: 'left', fontWeight: 600, padding: '4px 0' },
});

/**
 * This referral and a possible duplicate side by side (names, dates of birth, addresses,
 * referrers, dates), so the coordinator decides from the facts before merging.
 */
export function CompareCandidate({
  data,
  candidate: c,
}: {
  data: ReferralDetail;
  candidate: Candidate;
}) {
  const styles = useStyles();
  const v = data.form.victim;
  const referrer = (r: { name: string; agencyName: string | null }) =>
    r.agencyName ? `${r.name}, ${r.agencyName}` : r.name;
  const rows: [string, string, string][] = [
    ['Victim’s name', v.name, c.victim.name],
    [
      'Other names',
      (v.otherNames ?? []).join(', ') || 'None',
      c.victim.otherNames.join(', ') || 'None',
    ],
    ['Date of birth', dateOrUnknown(v.dateOfBirth), dateOrUnknown(c.victim.dateOfBirth)],
    ['Address', oneLine(v.address) || 'Not given', c.victim.address ?? 'Not given'],
    ['Referrer', referrer(data.referrer), referrer(c.referrer)],
    ['Referred', formatDate(data.summary.referredOn), formatDate(c.referredOn)],
    [
      'Status',
      STATUS_WORDS[data.summary.status] ?? data.summary.status,
      STATUS_WORDS[c.status] ?? c.status,
    ],
  ];
  return (
    <table className={styles.table} data-testid="candidate-comparison">
      <caption className={styles.caption}>
        {`${data.summary.reference} and ${c.reference}: ${c.level === 'likely' ? 'a likely' : 'a possible'} match (${Math.round(c.confidence * 100)}%)`}
      </caption>
      <thead>
        <tr>
          <td className={styles.what} />
          <th scope="col">{`This referral (${data.summary.reference})`}</th>
          <th scope="col">{`Possible duplicate (${c.reference})`}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([what, mine, theirs]) => (
          <tr key={what}>
            <th scope="row" className={styles.what}>
              {what}
            </th>
            <td>{mine}</td>
            <td>{theirs}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
