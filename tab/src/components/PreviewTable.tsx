import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { PreviewMeeting } from '#core/contracts/api.js';
import { formatDate, formatDateTime, formatTime } from '../format/dates.js';

const useStyles = makeStyles({
  table: { tableLayout: 'auto' },
  caption: { textAlign: 'left', padding: '4px 0', fontWeight: tokens.fontWeightSemibold },
  note: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
});

/** The meetings a series would have, with the deadlines worked out from the protocol. */
export function PreviewTable({
  meetings,
  caption,
}: {
  meetings: PreviewMeeting[];
  caption: string;
}) {
  const styles = useStyles();
  return (
    <Table
      size="small"
      className={styles.table}
      aria-label="Series preview"
      data-testid="series-preview"
    >
      <caption className={styles.caption}>{caption}</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Meeting</TableHeaderCell>
          <TableHeaderCell>Starts</TableHeaderCell>
          <TableHeaderCell>Referrals due</TableHeaderCell>
          <TableHeaderCell>Agenda circulated</TableHeaderCell>
          <TableHeaderCell>Action plan due</TableHeaderCell>
          <TableHeaderCell>Minutes due</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {meetings.map((m) => (
          <TableRow key={m.date}>
            <TableCell>
              {formatDate(m.date)}
              {m.movedFrom && (
                <Text className={styles.note}>moved from {formatDate(m.movedFrom)}</Text>
              )}
            </TableCell>
            <TableCell>{formatTime(m.startsAt)}</TableCell>
            <TableCell>{formatDate(m.referralDeadline)}</TableCell>
            <TableCell>{formatDate(m.agendaCirculation)}</TableCell>
            <TableCell>{formatDateTime(m.actionPlanDue)}</TableCell>
            <TableCell>{formatDate(m.minutesDue)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
