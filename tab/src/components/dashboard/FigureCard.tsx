import { TableCell, TableRow, Text, makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { Section } from '../Section.js';
import { StackedTable } from '../StackedTable.js';

const useStyles = makeStyles({
  chart: { width: '100%', minWidth: 0, overflow: 'hidden', margin: '8px 0 12px' },
  summary: { display: 'block', marginBottom: '4px' },
});

/** A figure's table: its columns and one row of cells per line. */
export interface FigureTable {
  columns: readonly string[];
  rows: { key: string; cells: ReactNode[] }[];
}

/**
 * One figure of the dashboard: a heading, a sentence that says what it shows against its
 * benchmark, the chart, and the same numbers as a table (what a screen reader reads, and what
 * anyone can copy). The chart is inert (no tab stops, hidden from assistive technology): its bars
 * would only repeat the table, one tab stop each.
 */
export function FigureCard(props: {
  id: string;
  title: string;
  summary: ReactNode;
  chart: ReactNode | null;
  table: FigureTable;
  empty?: string;
}) {
  const styles = useStyles();
  const headingId = `${props.id}-heading`;
  const tableId = `${props.id}-table`;
  return (
    <Section id={headingId} title={props.title}>
      <Text className={styles.summary}>{props.summary}</Text>
      {props.table.rows.length === 0 ? (
        <Text>{props.empty ?? 'Nothing to show for this period.'}</Text>
      ) : (
        <>
          {props.chart && (
            <div className={styles.chart} inert data-testid={`${props.id}-chart`}>
              {props.chart}
            </div>
          )}
          <span id={tableId} hidden>
            {props.title}: the figures
          </span>
          <StackedTable
            columns={props.table.columns}
            labelledBy={tableId}
            testId={`${props.id}-figures`}
          >
            {({ row, cell }) =>
              props.table.rows.map((r) => (
                <TableRow key={r.key} className={row}>
                  {r.cells.map((c, i) => (
                    <TableCell key={i} {...cell(i)}>
                      {c}
                    </TableCell>
                  ))}
                </TableRow>
              ))
            }
          </StackedTable>
        </>
      )}
    </Section>
  );
}
