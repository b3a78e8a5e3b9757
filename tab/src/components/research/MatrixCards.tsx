import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { ResearchMatrix } from '#core/contracts/research-api.js';
import { researchPaths } from '../../routes.js';
import { AppLink } from '../AppLink.js';
import type { MatrixModel } from './matrix-model.js';
import { StatusBadge } from './StatusBadge.js';

const useStyles = makeStyles({
  card: {
    padding: '8px 12px',
    margin: '0 0 12px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowWrap: 'anywhere',
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 8px' },
  h2: { margin: 0, flexGrow: 1, fontSize: tokens.fontSizeBase400, fontWeight: 600 },
  total: { display: 'block', color: tokens.colorNeutralForeground2, margin: '2px 0 6px' },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    gap: '4px 8px',
    padding: '4px 0',
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
  },
});

/**
 * Cases by agencies in a narrow panel (320 px): a card an agency, each listing its cases with
 * their status, the agency's total and Chase; then each case's total. Nothing is wider than the
 * panel, so the page never scrolls sideways; the same facts as the full-width table.
 */
export function MatrixCards(props: {
  matrix: ResearchMatrix;
  model: MatrixModel;
  onChase: (agencyId: string) => void;
}) {
  const styles = useStyles();
  const { matrix, model } = props;
  return (
    <div data-testid="research-matrix">
      {matrix.agencies.map((a) => (
        <section
          key={a.agencyId}
          className={styles.card}
          aria-labelledby={`agency-${a.agencyId}`}
          data-agency={a.name}
        >
          <div className={styles.head}>
            <h2 id={`agency-${a.agencyId}`} className={styles.h2}>
              {a.name}
            </h2>
            {matrix.mayChase && model.outstanding(a.agencyId) > 0 && (
              <Button
                size="small"
                aria-label={`Chase ${a.name}`}
                onClick={() => props.onChase(a.agencyId)}
              >
                Chase
              </Button>
            )}
          </div>
          <span className={styles.total} data-testid="agency-total">
            {`${model.agencyAnswered(a.agencyId)} of ${matrix.cases.length} cases answered`}
            {a.coreRepAbsent && ' · core rep absent'}
          </span>
          <ul className={styles.list}>
            {matrix.cases.map((c) => (
              <li key={c.referralId} className={styles.item} data-reference={c.reference}>
                <AppLink
                  href={researchPaths.case(matrix.meetingId, c.referralId)}
                  aria-label={`Research on ${c.reference}`}
                >
                  {c.reference}
                </AppLink>
                <StatusBadge cell={model.cell(c.referralId, a.agencyId)} size="small" />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section className={styles.card} aria-labelledby="by-case-heading">
        <h2 id="by-case-heading" className={styles.h2}>
          Agencies answered, by case
        </h2>
        <ul className={styles.list}>
          {matrix.cases.map((c) => (
            <li key={c.referralId} className={styles.item}>
              <AppLink
                href={researchPaths.case(matrix.meetingId, c.referralId)}
                aria-label={`Research on ${c.reference}`}
              >
                {c.reference}
              </AppLink>
              <span>{`${model.caseAnswered(c.referralId)} of ${matrix.agencies.length}`}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
