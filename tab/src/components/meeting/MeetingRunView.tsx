import { Spinner, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { formatDate, formatDateTime, formatTime } from '../../format/dates.js';
import { ErrorBar } from '../ErrorBar.js';
import { AfterMeeting } from './AfterMeeting.js';
import { CurrentCase } from './CurrentCase.js';
import { RegisterSection } from './RegisterSection.js';
import { ReviewSection } from './ReviewSection.js';
import { RunningOrder } from './RunningOrder.js';
import { StatementSection } from './StatementSection.js';
import { useMeetingLive } from './use-meeting-live.js';

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: '4px 16px' },
  title: { margin: '8px 0 0' },
  state: { color: tokens.colorNeutralForeground2 },
  reconnecting: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/**
 * One meeting as it runs: the statement to confirm, the register, the review of earlier actions,
 * the running order and the case being heard. It follows the meeting's live events: when the
 * chair opens another case, everyone's view moves to it, says so politely and takes the focus.
 */
export function MeetingRunView({ meetingId }: { meetingId: string }) {
  const styles = useStyles();
  /** A case picked to read when none is current (before the first, or after close). */
  const [picked, setPicked] = useState<string | null>(null);
  const [shownId, setShownId] = useState<string | null>(null);
  const { view, detail, status } = useMeetingLive(meetingId, shownId);
  const run = view.data;
  const currentId = run?.currentReferralId ?? null;
  const nextShown = currentId ?? picked;
  if (nextShown !== shownId) setShownId(nextShown);

  const [announcement, setAnnouncement] = useState('');
  const caseHeading = useRef<HTMLHeadingElement>(null);
  const lastCurrent = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!run) return;
    const before = lastCurrent.current;
    lastCurrent.current = currentId;
    if (before === undefined || before === currentId || !currentId) return;
    const reference = run.cases.find((c) => c.referralId === currentId)?.reference;
    setAnnouncement(reference ? `Now hearing case ${reference}` : 'The chair opened the next case');
    setPicked(null);
  }, [currentId, run]);
  useEffect(() => {
    // The case changed under the person: their place moves to its heading once it has loaded.
    if (announcement && detail.data?.case.referralId === currentId) caseHeading.current?.focus();
  }, [announcement, detail.data?.case.referralId]);

  if (!run) {
    return (
      <>
        <Title2 as="h1" className={styles.title}>
          MARAC meeting
        </Title2>
        {!view.error && <Spinner size="small" label="Loading the meeting" />}
        <ErrorBar error={view.error} title="The meeting could not be loaded" />
      </>
    );
  }
  const confirmed = run.me.confirmedAt !== null;
  // While a case is heard, it comes straight after the running order: in a 320 px side panel the
  // register and the review (done before the first case) would push it out of sight.
  const caseFirst = confirmed && run.currentReferralId !== null;
  const register = <RegisterSection run={run} onChanged={view.refresh} />;
  const review = <ReviewSection run={run} onChanged={view.refresh} />;
  const stateLine =
    run.state === 'closed'
      ? `Closed at ${formatDateTime(run.closedAt!)}: the record is frozen; changes are corrections.`
      : run.state === 'in-progress'
        ? `In progress since ${formatTime(run.startedAt!)}`
        : `Starts at ${formatTime(run.startsAt)}`;

  return (
    <>
      <div className={styles.head}>
        <Title2 as="h1" className={styles.title}>
          MARAC on {formatDate(run.date)}
        </Title2>
        <Text className={styles.state} data-testid="meeting-state">
          {stateLine}
        </Text>
        <span role="status" className={styles.reconnecting}>
          {status === 'reconnecting' ? 'Reconnecting…' : ''}
        </span>
      </div>
      <div aria-live="polite" className={styles.hidden} data-testid="announcement">
        {announcement}
      </div>
      <ErrorBar error={view.error} title="The meeting could not be refreshed" />
      {!confirmed && <StatementSection run={run} onConfirmed={view.refresh} />}
      {!caseFirst && register}
      {confirmed && (
        <>
          {!caseFirst && review}
          <RunningOrder run={run} shownId={shownId} onPick={setPicked} onChanged={view.refresh} />
          {shownId && (
            <CurrentCase
              run={run}
              referralId={shownId}
              detail={detail.data}
              error={detail.error}
              headingRef={caseHeading}
              onChanged={() => {
                detail.refresh();
                view.refresh();
              }}
            />
          )}
          {caseFirst && review}
        </>
      )}
      {caseFirst && register}
      {run.state === 'closed' && ['coordinator', 'chair', 'rep'].includes(run.me.seat) && (
        <AfterMeeting meetingId={run.meetingId} mayWrite={run.me.seat === 'coordinator'} />
      )}
    </>
  );
}
