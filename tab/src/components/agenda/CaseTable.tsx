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
  tokens,
} from '@fluentui/react-components';
import type { AgendaCaseView } from '#core/contracts/agenda-api.js';
import { BAND_WORDS } from '../referrals/referral-words.js';
import { useStackedCells } from '../stacked-table.js';
import { dateOrUnknown } from '../referrals/detail/Facts.js';

const COLUMNS = [
  'Reference',
  'Victim',
  'Date of birth',
  'Children',
  'Referred by',
  'Risk',
  'Flags',
  'Order',
];

const useStyles = makeStyles({
  table: { tableLayout: 'auto' },
  flags: { display: 'flex', flexWrap: 'wrap', gap: '4px', alignItems: 'center' },
  late: { display: 'block', color: tokens.colorNeutralForeground2 },
  order: { display: 'flex', gap: '4px' },
});

/**
 * One group of the draft's cases, one line each, with Up and Down to change the order within the
 * group (cases with children always come before adult-only cases: the server keeps the groups).
 * Plain buttons, so the order can be changed with a keyboard as well as a pointer; while a move
 * is saved they stay focusable (but do nothing), so focus is not lost.
 */
export function CaseTable(props: {
  caption: string;
  cases: AgendaCaseView[];
  busy: boolean;
  onMove?: (referralId: string, by: -1 | 1) => void;
}) {
  const styles = useStyles();
  const stacked = useStackedCells(COLUMNS);
  const { cell } = stacked;
  const columns = props.onMove ? COLUMNS : COLUMNS.slice(0, -1);
  const last = props.cases.length - 1;
  return (
    <Table
      size="small"
      aria-label={props.caption}
      className={mergeClasses(styles.table, stacked.table)}
    >
      <TableHeader>
        <TableRow>
          {columns.map((c) => (
            <TableHeaderCell key={c}>{c}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody className={stacked.body}>
        {props.cases.map((c, i) => (
          <TableRow
            key={c.referralId}
            className={stacked.row}
            data-testid="agenda-case"
            data-reference={c.reference}
          >
            <TableCell {...cell(0, true)}>{c.reference}</TableCell>
            <TableCell {...cell(1)}>{c.victim.name}</TableCell>
            <TableCell {...cell(2, true)}>{dateOrUnknown(c.victim.dateOfBirth)}</TableCell>
            <TableCell {...cell(3)}>{c.children.length}</TableCell>
            <TableCell {...cell(4)}>{c.referringAgency}</TableCell>
            <TableCell {...cell(5)}>
              {BAND_WORDS[c.risk.band]}
              {c.risk.score !== null && ` (${c.risk.score})`}
            </TableCell>
            <TableCell {...cell(6)}>
              <div className={styles.flags}>
                {c.isRepeat && (
                  <Badge appearance="tint" color="important">
                    Repeat
                  </Badge>
                )}
                {c.mappaLead && (
                  <Badge appearance="tint" color="severe">
                    MAPPA lead
                  </Badge>
                )}
                {c.lateReason && <span className={styles.late}>Late: {c.lateReason}</span>}
              </div>
            </TableCell>
            {props.onMove && (
              <TableCell {...cell(7)}>
                <div className={styles.order}>
                  <Button
                    size="small"
                    aria-label={`Move ${c.reference} up`}
                    data-move={`${c.referralId}:up`}
                    disabled={i === 0}
                    disabledFocusable={props.busy && i !== 0}
                    onClick={() => props.onMove?.(c.referralId, -1)}
                  >
                    Up
                  </Button>
                  <Button
                    size="small"
                    aria-label={`Move ${c.reference} down`}
                    data-move={`${c.referralId}:down`}
                    disabled={i === last}
                    disabledFocusable={props.busy && i !== last}
                    onClick={() => props.onMove?.(c.referralId, 1)}
                  >
                    Down
                  </Button>
                </div>
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
