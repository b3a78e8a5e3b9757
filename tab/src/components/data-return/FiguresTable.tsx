import {
  Button,
  TableCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { Fragment, useState } from 'react';
import type { Figure, PersonFigure } from '#core/contracts/data-return-api.js';
import type { FigureRow } from '#core/contracts/data-return-rows.js';
import { StackedTable } from '../StackedTable.js';
import type { useStackedCells } from '../stacked-table.js';
import { NARROW } from '../page-layout.js';

const useStyles = makeStyles({
  sub: { paddingLeft: '20px', [NARROW]: { paddingLeft: 0 } },
  number: { fontVariantNumeric: 'tabular-nums' },
  cases: {
    backgroundColor: tokens.colorNeutralBackground2,
    // The list spans the row: one group under another, no column label before it.
    [NARROW]: { display: 'block', '::before': { display: 'none' } },
  },
  group: { display: 'block', margin: '2px 0' },
  refs: { overflowWrap: 'anywhere' },
});

const COLUMNS = ['Figure', 'Count', 'Not known', 'Not recoded'] as const;

/** The cases behind a row, in groups: those counted, those not known, those not recoded. */
function groupsOf(row: FigureRow): { title: string; refs: string[] }[] {
  const value: Figure | PersonFigure = row.value;
  const counted =
    row.figure === 'children'
      ? 'Cases with children'
      : row.figure === 'deferred'
        ? 'Deferred'
        : 'Counted';
  const groups = [{ title: counted, refs: value.references ?? [] }];
  if ('notKnown' in value) {
    groups.push({ title: 'Not known', refs: value.notKnown.references ?? [] });
    if (value.notRecoded)
      groups.push({ title: 'Not recoded', refs: value.notRecoded.references ?? [] });
  }
  return groups.filter((g) => g.refs.length > 0);
}

const casesWord = (n: number) => `${n} case${n === 1 ? '' : 's'}`;

/** What the button shows and its whole name ("Show the 3 cases for Repeat cases"). */
function drillWords(row: FigureRow, groups: { title: string; refs: string[] }[], open: boolean) {
  const total = groups.reduce((sum, g) => sum + g.refs.length, 0);
  const shown = `${open ? 'Hide' : 'Show'} the ${casesWord(total)}`;
  // A figure about people says which cases are counted and which the record cannot answer.
  const parts =
    'notKnown' in row.value
      ? ` (${groups.map((g) => `${g.refs.length} ${g.title.toLowerCase()}`).join(', ')})`
      : '';
  return { shown, name: `${shown} for ${row.label.trim()}${parts}` };
}

function FigureLine(props: {
  row: FigureRow;
  drill: boolean;
  id: string;
  parts: Pick<ReturnType<typeof useStackedCells>, 'row' | 'cell'>;
  columns: number;
}) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const { row, parts } = props;
  const value: Figure | PersonFigure = row.value;
  const person = 'notKnown' in value ? value : null;
  const groups = props.drill ? groupsOf(row) : [];
  const words = drillWords(row, groups, open);
  const sub = row.label.startsWith(' ');
  const casesId = `${props.id}-cases`;
  return (
    <>
      <TableRow className={parts.row} data-figure={row.figure} data-detail={row.detail}>
        <TableCell {...parts.cell(0)}>
          <span className={mergeClasses(sub && styles.sub)}>{row.label.trim()}</span>
        </TableCell>
        <TableCell {...parts.cell(1, true)} data-value="count">
          <span className={styles.number}>{value.count}</span>
        </TableCell>
        <TableCell {...parts.cell(2, true)} data-value="not-known">
          {person ? person.notKnown.count : ''}
        </TableCell>
        <TableCell {...parts.cell(3, true)} data-value="not-recoded">
          {person?.notRecoded ? person.notRecoded.count : ''}
        </TableCell>
        {props.drill && (
          <TableCell {...parts.cell(4)}>
            {groups.length > 0 && (
              <Button
                size="small"
                aria-expanded={open}
                aria-controls={casesId}
                aria-label={words.name}
                onClick={() => setOpen((o) => !o)}
              >
                {words.shown}
              </Button>
            )}
          </TableCell>
        )}
      </TableRow>
      {open && (
        <TableRow className={parts.row}>
          <TableCell
            id={casesId}
            colSpan={props.columns}
            className={mergeClasses(parts.cell(0).className, styles.cases)}
            data-testid="figure-cases"
          >
            {groups.map((g) => (
              <Text key={g.title} className={styles.group}>
                <strong>
                  {g.title} ({g.refs.length}):
                </strong>{' '}
                <span className={styles.refs}>{g.refs.join(', ')}</span>
              </Text>
            ))}
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

/**
 * The figures of the return (the quarter's or one meeting's) as a table that stacks in a narrow
 * panel: each figure's count and, for figures about people, how many cases the record cannot
 * answer. With `drill` (the coordinator's answer carries the references), a button per figure
 * shows the cases behind it, named for what it reveals.
 */
export function FiguresTable(props: {
  id: string;
  caption: string;
  rows: FigureRow[];
  drill: boolean;
}) {
  const columns = props.drill ? [...COLUMNS, 'Cases'] : [...COLUMNS];
  const captionId = `${props.id}-caption`;
  return (
    <>
      <span id={captionId} hidden>
        {props.caption}
      </span>
      <StackedTable columns={columns} labelledBy={captionId} testId={props.id}>
        {(parts) =>
          props.rows.map((row) => (
            <Fragment key={row.key}>
              <FigureLine
                row={row}
                drill={props.drill}
                id={`${props.id}-${row.key.replace(/[^A-Za-z0-9-]/g, '-')}`}
                parts={parts}
                columns={columns.length}
              />
            </Fragment>
          ))
        }
      </StackedTable>
    </>
  );
}
