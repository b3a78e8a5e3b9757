import {
  Badge,
  Button,
  TableCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import type { Meeting } from '#core/contracts/api.js';
import { formatDate, formatInstantDate, formatTime } from '../format/dates.js';
import { agendaPath, researchPaths } from '../routes.js';
import { AppLink } from './AppLink.js';
import { useStackedTable } from './stacked-table.js';

const useStyles = makeStyles({
  note: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  when: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  // Struck through and in a readable grey (WCAG 2.2 AA contrast): still readable, clearly off.
  cancelled: { color: tokens.colorNeutralForeground2, textDecorationLine: 'line-through' },
  nowrap: { whiteSpace: 'nowrap' },
  actions: { display: 'flex', gap: '4px' },
});

/** The meetings table's columns, also each cell's label in a narrow panel. */
export const MEETING_COLUMNS = [
  'Meeting',
  'Status',
  'Referrals due',
  'Agenda circulated',
  'Action plan due',
  'Minutes due',
  'Cases',
  'Change',
];

const statusBadge = {
  scheduled: { label: 'Scheduled', color: 'brand' },
  moved: { label: 'Moved', color: 'warning' },
  cancelled: { label: 'Cancelled', color: 'danger' },
} as const;

/**
 * One coming meeting: when, a link to its agenda, its status, every deadline, and (for
 * coordinators) Move and Cancel.
 */
export function MeetingRow(props: {
  meeting: Meeting;
  editable: boolean;
  onMove: () => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const stacked = useStackedTable();
  // In a narrow panel each cell is a "label: value" line (see stacked-table.ts).
  const cell = (column: number, className?: string) => ({
    className: mergeClasses(stacked.cell, className),
    'data-label': MEETING_COLUMNS[column],
  });
  // Dialogs opened without a DialogTrigger return focus to the button marked with this.
  const restoreFocus = useRestoreFocusTarget();
  const { meeting: m } = props;
  const badge = statusBadge[m.status];
  const live = m.status !== 'cancelled';
  const when = formatDate(m.date);
  const date = (column: number, value: string) => (
    <TableCell {...cell(column, styles.nowrap)}>{formatDate(value)}</TableCell>
  );

  return (
    <TableRow
      data-meeting-id={m.id}
      className={mergeClasses(stacked.row, live ? undefined : styles.cancelled)}
    >
      <TableCell {...cell(0)}>
        <div>
          <span className={styles.when}>{when}</span>
          <Text className={styles.note}>
            {formatTime(m.startsAt)}–{formatTime(m.endsAt)}
            {m.movedFrom && `, moved from ${formatDate(m.movedFrom)}`}
          </Text>
          {live && (
            <AppLink href={agendaPath(m.id)} aria-label={`Agenda for the meeting of ${when}`}>
              Agenda
            </AppLink>
          )}
          {live && props.editable && (
            <>
              {' · '}
              <AppLink
                href={researchPaths.matrix(m.id)}
                aria-label={`Research for the meeting of ${when}`}
              >
                Research
              </AppLink>
            </>
          )}
        </div>
      </TableCell>
      <TableCell {...cell(1)}>
        <Badge appearance="tint" color={badge.color}>
          {badge.label}
        </Badge>
      </TableCell>
      {date(2, m.deadlines.referralDeadline)}
      {date(3, m.deadlines.agendaCirculation)}
      <TableCell {...cell(4, styles.nowrap)}>
        {formatInstantDate(m.deadlines.actionPlanDue)}
        <Text className={styles.note}>by {formatTime(m.deadlines.actionPlanDue)}</Text>
      </TableCell>
      {date(5, m.deadlines.minutesDue)}
      <TableCell {...cell(6)} data-testid="meeting-cases">
        {m.cases ?? ''}
      </TableCell>
      {props.editable && (
        <TableCell {...cell(7)}>
          {live && (
            <div className={styles.actions}>
              <Button
                size="small"
                aria-label={`Move the meeting of ${when}`}
                onClick={props.onMove}
                {...restoreFocus}
              >
                Move
              </Button>
              <Button
                size="small"
                aria-label={`Cancel the meeting of ${when}`}
                onClick={props.onCancel}
                {...restoreFocus}
              >
                Cancel
              </Button>
            </div>
          )}
        </TableCell>
      )}
    </TableRow>
  );
}
