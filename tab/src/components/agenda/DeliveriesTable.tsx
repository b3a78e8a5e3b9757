import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
} from '@fluentui/react-components';
import type { AgendaDelivery } from '../../api/agendas.js';
import { useStackedCells } from '../stacked-table.js';
import { MODE_WORDS, STATUS_COLOURS, STATUS_WORDS } from './agenda-words.js';

const COLUMNS = [
  'Version',
  'Agency',
  'Recipient',
  'Sent as',
  'Status',
  'Attempts',
  'Last error',
  'Resend',
];

const useStyles = makeStyles({
  table: { tableLayout: 'auto' },
});

/** One line per recipient's copy: where it is, how many tries, the last error in words. */
export function DeliveriesTable(props: {
  rows: AgendaDelivery[];
  label: (version: number) => string;
  resending: string | null;
  onResend: (delivery: AgendaDelivery) => void;
  testId?: string;
  labelledBy?: string;
}) {
  const styles = useStyles();
  const stacked = useStackedCells(COLUMNS);
  const { cell } = stacked;
  return (
    <Table
      size="small"
      aria-labelledby={props.labelledBy ?? 'deliveries-heading'}
      className={mergeClasses(styles.table, stacked.table)}
      data-testid={props.testId ?? 'deliveries-table'}
    >
      <TableHeader>
        <TableRow>
          {COLUMNS.map((c) => (
            <TableHeaderCell key={c}>{c}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody className={stacked.body}>
        {props.rows.map((d) => (
          <TableRow
            key={d.id}
            className={stacked.row}
            data-testid="delivery-row"
            data-status={d.status}
          >
            <TableCell {...cell(0, true)}>{props.label(d.version)}</TableCell>
            <TableCell {...cell(1)}>{d.agency}</TableCell>
            <TableCell {...cell(2)}>{d.recipient}</TableCell>
            <TableCell {...cell(3)}>{MODE_WORDS[d.mode]}</TableCell>
            <TableCell {...cell(4, true)}>
              <Badge appearance="tint" color={STATUS_COLOURS[d.status]}>
                {STATUS_WORDS[d.status]}
              </Badge>
            </TableCell>
            <TableCell {...cell(5)}>{d.attempts}</TableCell>
            <TableCell {...cell(6)}>{d.lastError ?? ''}</TableCell>
            <TableCell {...cell(7)}>
              {(d.status === 'failed' || d.status === 'dead') && (
                <Button
                  size="small"
                  aria-label={`Resend ${props.label(d.version)} to ${d.recipient}`}
                  disabled={props.resending === d.id}
                  onClick={() => props.onResend(d)}
                >
                  Resend
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
