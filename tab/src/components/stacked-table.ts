import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const NARROW = '@media (max-width: 640px)';

/**
 * A table that, in a narrow panel (the Teams meeting side panel is 320 px), shows each row as a
 * block of "label: value" lines instead of scrolling sideways. Each cell carries its column's
 * name in `data-label`.
 */
export const useStackedTable = makeStyles({
  table: { [NARROW]: { display: 'block', '& thead': { display: 'none' } } },
  body: { [NARROW]: { display: 'block' } },
  row: {
    [NARROW]: {
      display: 'block',
      padding: '8px 0',
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      // The row under the pointer changes its colours (in high contrast, black on cyan): the
      // labels follow the row's text, or they would be white on cyan.
      ':hover [data-label]::before': { color: 'inherit' },
    },
  },
  cell: {
    overflowWrap: 'anywhere',
    [NARROW]: {
      display: 'flex',
      gap: '8px',
      height: 'auto',
      minHeight: '28px',
      padding: '2px 0',
      // A cell with nothing in it (no action to offer) is not a line of its own.
      ':empty': { display: 'none' },
      '::before': {
        content: 'attr(data-label)',
        flexShrink: 0,
        width: '40%',
        color: tokens.colorNeutralForeground2,
      },
    },
  },
});

const useNowrap = makeStyles({ nowrap: { whiteSpace: 'nowrap' } });

/**
 * The stacked table's classes and a cell's props by column: its label for the narrow panel, and
 * kept on one line when asked (references, dates, status badges).
 */
export function useStackedCells(columns: readonly string[]) {
  const stacked = useStackedTable();
  const { nowrap } = useNowrap();
  return {
    ...stacked,
    cell: (column: number, oneLine = false) => ({
      className: mergeClasses(stacked.cell, oneLine && nowrap),
      'data-label': columns[column],
    }),
  };
}
