import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect } from 'react';
import { meetingRunApi } from '../../api/meeting-run.js';
import { formatDate, formatTime, londonToday } from '../../format/dates.js';
import { meetingPath } from '../../routes.js';
import { AppLink } from '../AppLink.js';
import { ErrorBar } from '../ErrorBar.js';
import { useLoad } from '../use-load.js';

const useStyles = makeStyles({
  title: { margin: '8px 0' },
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: '8px' },
  item: {
    padding: '12px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

const STATE_WORDS = {
  'not-started': 'not started',
  'in-progress': 'in progress',
  closed: 'closed',
} as const;

/**
 * The person's meetings from yesterday to four weeks ahead. When exactly one is today, it opens
 * at once: that is the meeting the Teams meeting's side panel was opened for.
 */
export function MyMeetingsView(props: { onOpen: (meetingId: string) => void }) {
  const styles = useStyles();
  const mine = useLoad(() => meetingRunApi.mine(), []);
  const meetings = mine.data?.meetings ?? null;
  const today = (meetings ?? []).filter((m) => m.date === londonToday());
  const only = today.length === 1 ? today[0]! : null;
  useEffect(() => {
    if (only) props.onOpen(only.meetingId);
  }, [only?.meetingId]);

  return (
    <>
      <Title2 as="h1" className={styles.title}>
        My meetings
      </Title2>
      {mine.loading && !mine.data && <Spinner size="small" label="Loading your meetings" />}
      <ErrorBar error={mine.error} title="Your meetings could not be loaded" />
      {meetings?.length === 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="no-meetings">
          <MessageBarBody>
            <MessageBarTitle>No meetings for you</MessageBarTitle>
            You are on no MARAC from yesterday to four weeks ahead. If you should be, ask the MARAC
            coordinator.
          </MessageBarBody>
        </MessageBar>
      )}
      {meetings && meetings.length > 0 && !only && (
        <ul className={styles.list} aria-label="Your meetings">
          {meetings.map((m) => (
            <li key={m.meetingId} className={styles.item}>
              <AppLink href={meetingPath(m.meetingId)}>
                {`${m.areaName} MARAC on ${formatDate(m.date)} at ${formatTime(m.startsAt)}`}
              </AppLink>{' '}
              ({STATE_WORDS[m.state]})
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
