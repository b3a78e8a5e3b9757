import {
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useStackedCells } from './stacked-table.js';

type StackedParts = Pick<ReturnType<typeof useStackedCells>, 'row' | 'cell'>;

/**
 * A stacked table (`stacked-table.ts`: rows become "label: value" blocks in a narrow panel) with
 * its header row; the rows are the caller's, given each row's class and each cell's props.
 */
export function StackedTable(props: {
  columns: readonly string[];
  labelledBy: string;
  testId: string;
  children: (parts: StackedParts) => ReactNode;
}) {
  const { table, body, row, cell } = useStackedCells(props.columns);
  return (
    <Table
      size="small"
      style={{ tableLayout: 'auto' }}
      className={table}
      aria-labelledby={props.labelledBy}
      data-testid={props.testId}
    >
      <TableHeader>
        <TableRow>
          {props.columns.map((c) => (
            <TableHeaderCell key={c}>{c}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody className={body}>{props.children({ row, cell })}</TableBody>
    </Table>
  );
}
