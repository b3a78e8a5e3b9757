import {
  Badge,
  Spinner,
  TableCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { chasingApi } from '../../api/chasing.js';
import { formatDate } from '../../format/dates.js';
import { ErrorBar } from '../ErrorBar.js';
import { Section } from '../Section.js';
import { StackedTable } from '../StackedTable.js';
import { useLoad } from '../use-load.js';

const COLUMNS = ['Case', 'Last MARAC', '12 months on', 'Actions'] as const;

const useStyles = makeStyles({
  intro: { display: 'block', marginBottom: '8px', color: tokens.colorNeutralForeground2 },
});

/**
 * Cases reaching 12 months since their last MARAC (within a month either side of today): after
 * the mark a new referral for the victim is no longer a repeat, and the next agenda lists the
 * case. Each says whether it is still open (actions incomplete) or closed. References only.
 */
export function TwelveMonthCasesSection({ areaId }: { areaId: string }) {
  const styles = useStyles();
  const list = useLoad(() => chasingApi.twelveMonths(areaId), [areaId]);
  const cases = list.data?.cases;
  return (
    <Section
      id="twelve-month-cases-heading"
      title="Cases reaching 12 months since their last MARAC"
    >
      <Text className={styles.intro}>
        After 12 months a new referral for the same victim is no longer a repeat.
      </Text>
      <ErrorBar error={list.error} title="The cases could not be loaded" />
      {list.loading && !list.data && <Spinner size="small" label="Loading cases" />}
      {cases && cases.length === 0 && (
        <Text>No case reaches 12 months within a month of today.</Text>
      )}
      {cases && cases.length > 0 && (
        <StackedTable
          columns={COLUMNS}
          labelledBy="twelve-month-cases-heading"
          testId="twelve-month-cases"
        >
          {({ row, cell }) =>
            cases.map((c) => (
              <TableRow key={c.reference} className={row}>
                <TableCell {...cell(0, true)}>{c.reference}</TableCell>
                <TableCell {...cell(1, true)}>{formatDate(c.lastHeardOn)}</TableCell>
                <TableCell {...cell(2, true)}>{formatDate(c.reachesOn)}</TableCell>
                <TableCell {...cell(3)}>
                  {c.state === 'open' ? (
                    <Badge appearance="tint" color="warning">
                      Open: {c.incompleteActions} of {c.actions} incomplete
                    </Badge>
                  ) : (
                    <Badge appearance="tint" color="success">
                      Closed: all done or ended
                    </Badge>
                  )}
                </TableCell>
              </TableRow>
            ))
          }
        </StackedTable>
      )}
    </Section>
  );
}
