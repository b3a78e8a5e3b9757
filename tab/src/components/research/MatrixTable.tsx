import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { ResearchMatrix } from '#core/contracts/research-api.js';
import { researchPaths } from '../../routes.js';
import { AppLink } from '../AppLink.js';
import type { MatrixModel } from './matrix-model.js';
import { StatusBadge } from './StatusBadge.js';

const useStyles = makeStyles({
  scroll: {
    overflowX: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    padding: '8px',
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': {
      padding: '6px 6px',
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      textAlign: 'left',
      verticalAlign: 'top',
    },
    '& thead th': { fontWeight: 600, minWidth: '80px', verticalAlign: 'bottom' },
    '& tfoot th, & tfoot td': { fontWeight: 600 },
  },
  rowHead: {
    whiteSpace: 'nowrap',
    position: 'sticky',
    left: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  absent: { display: 'block', fontWeight: 400, fontSize: tokens.fontSizeBase200 },
});

/**
 * Cases by agencies at full width: a row a case (its reference opens every agency's research on
 * it, with who submitted and when), a column an agency, each cell's status in words and a shape;
 * totals for both, and Chase under each agency that has cases outstanding. The table scrolls inside its own box when there
 * are more agencies than fit, never the page, with the case references kept in view.
 */
export function MatrixTable(props: {
  matrix: ResearchMatrix;
  model: MatrixModel;
  onChase: (agencyId: string) => void;
}) {
  const styles = useStyles();
  const { matrix, model } = props;
  const total = (n: number, of: number) => `${n} of ${of}`;
  return (
    <div
      className={styles.scroll}
      role="region"
      aria-labelledby="matrix-caption"
      tabIndex={0}
      data-testid="research-matrix"
    >
      <table className={styles.table}>
        <caption
          id="matrix-caption"
          style={{ textAlign: 'left', fontWeight: 600, padding: '0 0 8px' }}
        >
          Research by case and agency
        </caption>
        <thead>
          <tr>
            <th scope="col" className={styles.rowHead}>
              Case
            </th>
            <th scope="col">Agencies answered</th>
            {matrix.agencies.map((a) => (
              <th scope="col" key={a.agencyId}>
                {a.name}
                {a.coreRepAbsent && <span className={styles.absent}>Core rep absent</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.cases.map((c) => (
            <tr key={c.referralId} data-reference={c.reference}>
              <th scope="row" className={styles.rowHead}>
                <AppLink
                  href={researchPaths.case(matrix.meetingId, c.referralId)}
                  aria-label={`Research on ${c.reference}`}
                >
                  {c.reference}
                </AppLink>
              </th>
              <td data-testid="case-total">
                {total(model.caseAnswered(c.referralId), matrix.agencies.length)}
              </td>
              {matrix.agencies.map((a) => {
                const cell = model.cell(c.referralId, a.agencyId);
                return (
                  <td key={a.agencyId} data-agency={a.name}>
                    <StatusBadge cell={cell} plain />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className={styles.rowHead}>
              Cases answered
            </th>
            <td />
            {matrix.agencies.map((a) => (
              <td key={a.agencyId} data-testid="agency-total" data-agency={a.name}>
                {total(model.agencyAnswered(a.agencyId), matrix.cases.length)}
              </td>
            ))}
          </tr>
          {matrix.mayChase && (
            <tr>
              <th scope="row" className={styles.rowHead}>
                Chase
              </th>
              <td />
              {matrix.agencies.map((a) => (
                <td key={a.agencyId}>
                  {model.outstanding(a.agencyId) > 0 && (
                    <Button
                      size="small"
                      aria-label={`Chase ${a.name}`}
                      onClick={() => props.onChase(a.agencyId)}
                    >
                      Chase
                    </Button>
                  )}
                </td>
              ))}
            </tr>
          )}
        </tfoot>
      </table>
    </div>
  );
}
