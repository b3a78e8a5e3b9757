import {
  Spinner,
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Meeting } from '#core/contracts/api.js';
import type { ApiRequestError } from '../api/client.js';
import { CancelMeetingDialog } from './CancelMeetingDialog.js';
import { ErrorBar } from './ErrorBar.js';
import { MEETING_COLUMNS, MeetingRow } from './MeetingRow.js';
import { MoveMeetingDialog } from './MoveMeetingDialog.js';
import { Section } from './Section.js';
import { useStackedTable } from './stacked-table.js';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  table: { tableLayout: 'auto' },
});

type Action = { kind: 'move' | 'cancel'; meeting: Meeting } | null;
const headers = MEETING_COLUMNS.slice(0, 7);

/** The coming meetings with every deadline, and per-meeting Move and Cancel. */
export function MeetingsSection(props: {
  editable: boolean;
  meetings: Meeting[] | null;
  loading: boolean;
  error: ApiRequestError | null;
  onMeetingChanged: (meeting: Meeting) => void;
  /** A change moved cases between meetings: the list is read again. */
  onMeetingsStale?: () => void;
}) {
  const styles = useStyles();
  const stacked = useStackedTable();
  const [action, setAction] = useState<Action>(null);
  const meetings = [...(props.meetings ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const done = (meeting: Meeting) => {
    setAction(null);
    props.onMeetingChanged(meeting);
  };

  return (
    <Section id="meetings-heading" title="Coming meetings">
      <ErrorBar error={props.error} title="Meetings could not be loaded" />
      {props.loading && !props.meetings && <Spinner size="small" label="Loading meetings" />}
      {props.meetings && meetings.length === 0 && (
        <Text>No coming meetings. Meetings appear here once the Outlook series exists.</Text>
      )}
      {meetings.length > 0 && (
        <div className={styles.scroll}>
          <Table
            size="small"
            className={mergeClasses(styles.table, stacked.table)}
            aria-labelledby="meetings-heading"
            data-testid="meetings-table"
          >
            <TableHeader>
              <TableRow>
                {headers.map((h) => (
                  <TableHeaderCell key={h}>{h}</TableHeaderCell>
                ))}
                {props.editable && <TableHeaderCell>Change</TableHeaderCell>}
              </TableRow>
            </TableHeader>
            <TableBody className={stacked.body}>
              {meetings.map((m) => (
                <MeetingRow
                  key={m.id}
                  meeting={m}
                  editable={props.editable}
                  onMove={() => setAction({ kind: 'move', meeting: m })}
                  onCancel={() => setAction({ kind: 'cancel', meeting: m })}
                />
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {action?.kind === 'move' && (
        <MoveMeetingDialog
          meeting={action.meeting}
          onClose={() => setAction(null)}
          onMoved={done}
        />
      )}
      {action?.kind === 'cancel' && (
        <CancelMeetingDialog
          meeting={action.meeting}
          meetings={meetings}
          onClose={() => setAction(null)}
          onCancelled={(m) => {
            done(m);
            props.onMeetingsStale?.();
          }}
        />
      )}
    </Section>
  );
}
