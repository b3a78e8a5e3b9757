import { Badge, Spinner, TableCell, TableRow, Text } from '@fluentui/react-components';
import { chasingApi } from '../../api/chasing.js';
import { formatDate, plural } from '../../format/dates.js';
import { ErrorBar } from '../ErrorBar.js';
import { Section } from '../Section.js';
import { StackedTable } from '../StackedTable.js';
import { useLoad } from '../use-load.js';

const COLUMNS = ['Overdue', 'Agency', 'Case', 'Action', 'Due'] as const;

const overdueWords = (days: number) => (days === 0 ? 'Due earlier today' : plural(days, 'day'));

/**
 * The coordinator's (and chair's) overdue list: every action of the area not done or ended by
 * its due time, most overdue first. It shows what was agreed, so it is read only here, after
 * sign-in, and each read is audited. An owner marking an action done takes it off at once.
 */
export function OverdueActionsSection({ areaId }: { areaId: string }) {
  const overdue = useLoad(() => chasingApi.overdue(areaId), [areaId]);
  const actions = overdue.data?.actions;
  return (
    <Section id="overdue-actions-heading" title="Overdue actions">
      <ErrorBar error={overdue.error} title="Overdue actions could not be loaded" />
      {overdue.loading && !overdue.data && <Spinner size="small" label="Loading overdue actions" />}
      {actions && actions.length === 0 && <Text>No action is overdue.</Text>}
      {actions && actions.length > 0 && (
        <StackedTable
          columns={COLUMNS}
          labelledBy="overdue-actions-heading"
          testId="overdue-actions"
        >
          {({ row, cell }) =>
            actions.map((a) => (
              <TableRow key={a.id} data-action-id={a.id} className={row}>
                <TableCell {...cell(0, true)}>
                  <Badge appearance="tint" color={a.daysOverdue >= 7 ? 'danger' : 'warning'}>
                    {overdueWords(a.daysOverdue)}
                  </Badge>
                </TableCell>
                <TableCell {...cell(1)}>{a.agencyName}</TableCell>
                <TableCell {...cell(2, true)}>{a.reference}</TableCell>
                <TableCell {...cell(3)}>{a.what}</TableCell>
                {/* Not kept on one line: at 320 px "Sat 21 Nov 2026 at 10:00" is wider than its half. */}
                <TableCell {...cell(4)}>
                  {formatDate(a.dueDate)} at {a.dueTime}
                </TableCell>
              </TableRow>
            ))
          }
        </StackedTable>
      )}
    </Section>
  );
}
