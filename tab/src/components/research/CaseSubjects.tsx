import { makeStyles, tokens } from '@fluentui/react-components';
import type { AgencyResearch } from '#core/contracts/research-api.js';
import { formatDate } from '../../format/dates.js';

type Subjects = AgencyResearch['cases'][number]['subjects'];

const useStyles = makeStyles({
  list: {
    margin: '0 0 12px',
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    gap: '2px 12px',
    overflowWrap: 'anywhere',
    '@media (max-width: 640px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  h3: { margin: '8px 0 4px', fontSize: tokens.fontSizeBase400, fontWeight: 600 },
});

const person = (p: { name: string; dateOfBirth: string | null }) =>
  p.dateOfBirth ? `${p.name}, born ${formatDate(p.dateOfBirth)}` : p.name;

/** Who the case is about, so the rep searches the right records. */
export function CaseSubjects({ subjects }: { subjects: Subjects }) {
  const styles = useStyles();
  const rows: [string, string][] = [
    ['Victim', person(subjects.victim)],
    ...(subjects.victim.address
      ? [['Victim’s address', subjects.victim.address] as [string, string]]
      : []),
    ...subjects.perpetrators.map((p, i): [string, string] => [
      subjects.perpetrators.length > 1 ? `Perpetrator ${i + 1}` : 'Perpetrator',
      person(p),
    ]),
    ...subjects.children.map((c, i): [string, string] => [`Child ${i + 1}`, person(c)]),
  ];
  return (
    <>
      <h3 className={styles.h3}>Who this case is about</h3>
      <dl className={styles.list}>
        {rows.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
