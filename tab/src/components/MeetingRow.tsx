import {
  Badge,
  Button,
  TableCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import type { Meeting } from '#core/contracts/api.js';
import { formatDate, formatInstantDate, formatTime } from '../format/dates.js';

const useStyles = makeStyles({
  note: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  when: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  cancelled: { color: tokens.colorNeutralForegroundDisabled },
  nowrap: { whiteSpace: 'nowrap' },
  actions: { display: 'flex', gap: '4px' },
});

const statusBadge = {
  scheduled: { label: 'Scheduled', color: 'brand' },
  moved: { label: 'Moved', color: 'warning' },
  cancelled: { label: 'Cancelled', color: 'danger' },
} as const;

/** One coming meeting: when, its status, every deadline, and (for coordinators) Move and Cancel. */
export function MeetingRow(props: {
  meeting: Meeting;
  editable: boolean;
  onMove: () => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  // Dialogs opened without a DialogTrigger return focus to the button marked with this.
  const restoreFocus = useRestoreFocusTarget();
  const { meeting: m } = props;
  const badge = statusBadge[m.status];
  const live = m.status !== 'cancelled';
  const when = formatDate(m.date);
  const date = (value: string) => (
    <TableCell className={styles.nowrap}>{formatDate(value)}</TableCell>
  );

  return (
    <TableRow data-meeting-id={m.id} className={live ? undefined : styles.cancelled}>
      <TableCell>
        <span className={styles.when}>{when}</span>
        <Text className={styles.note}>
          {formatTime(m.startsAt)}–{formatTime(m.endsAt)}
          {m.movedFrom && `, moved from ${formatDate(m.movedFrom)}`}
        </Text>
      </TableCell>
      <TableCell>
        <Badge appearance="tint" color={badge.color}>
          {badge.label}
        </Badge>
      </TableCell>
      {date(m.deadlines.referralDeadline)}
      {date(m.deadlines.agendaCirculation)}
      <TableCell className={styles.nowrap}>
        {formatInstantDate(m.deadlines.actionPlanDue)}
        <Text className={styles.note}>by {formatTime(m.deadlines.actionPlanDue)}</Text>
      </TableCell>
      {date(m.deadlines.minutesDue)}
      <TableCell data-testid="meeting-cases">{m.cases ?? ''}</TableCell>
      {props.editable && (
        <TableCell>
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
