import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { MeetingRun, RunCase } from '#core/contracts/meeting-api.js';
import { toApiError, type ApiRequestError } from '../../api/client.js';
import { meetingRunApi } from '../../api/meeting-run.js';
import { formatDate } from '../../format/dates.js';
import { ConfirmDialog } from '../ConfirmDialog.js';
import { ErrorBar } from '../ErrorBar.js';
import { Section } from '../Section.js';
import { CaseTimer } from './CaseTimer.js';
import { DeferDialog } from './DeferDialog.js';
import { CASE_STATE_WORDS, nextWaiting } from './meeting-words.js';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: '0 0 12px', display: 'grid', gap: '8px' },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '4px 12px',
    padding: '8px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  current: { border: `3px solid ${tokens.colorBrandStroke1}` },
  ref: { fontWeight: tokens.fontWeightSemibold },
  grow: { flexGrow: 1 },
  muted: { color: tokens.colorNeutralForeground2 },
  bar: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
  notice: { margin: '0 0 8px' },
});

/**
 * The cases in agenda order (children first) and the state of each. The chair opens a case
 * (everyone's view follows), moves to the next, defers one with a reason and closes the meeting.
 * When no case is current, anyone may pick one to read.
 */
export function RunningOrder(props: {
  run: MeetingRun;
  shownId: string | null;
  onPick: (referralId: string) => void;
  onChanged: () => void;
}) {
  const styles = useStyles();
  const { run } = props;
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const [busy, setBusy] = useState(false);
  const [deferring, setDeferring] = useState<RunCase | null>(null);
  const [closing, setClosing] = useState(false);
  /** What the last deferral did, said once (a status, not an alert). */
  const [notice, setNotice] = useState('');
  const chair = run.me.mayRun && run.state !== 'closed';
  const next = nextWaiting(run.cases, run.currentReferralId);

  const open = async (referralId: string | null) => {
    setBusy(true);
    setFailure(null);
    try {
      await meetingRunApi.setCurrent(run.meetingId, referralId);
    } catch (e) {
      setFailure(toApiError(e));
    }
    setBusy(false);
    props.onChanged();
  };

  return (
    <Section id="order-heading" title="Running order">
      {run.cases.length === 0 && <Text>There are no cases on this meeting.</Text>}
      <ol className={styles.list} aria-labelledby="order-heading">
        {run.cases.map((c) => (
          <li
            key={c.referralId}
            className={mergeClasses(styles.item, c.state === 'current' && styles.current)}
            data-testid="run-case"
            data-reference={c.reference}
            data-state={c.state}
            aria-current={c.state === 'current' ? 'step' : undefined}
          >
            <Text className={styles.ref}>{c.reference}</Text>
            {c.hasChildren && <Text>Children involved</Text>}
            <Text className={styles.muted}>{CASE_STATE_WORDS[c.state]}</Text>
            {(c.state === 'current' || c.secondsSpent > 0) && (
              <CaseTimer item={c} targetMinutes={run.caseTargetMinutes} />
            )}
            {c.deferReason && <Text className={styles.muted}>Reason: {c.deferReason}</Text>}
            <span className={styles.grow} />
            {chair && c.state !== 'current' && c.state !== 'deferred' && (
              <Button size="small" disabled={busy} onClick={() => void open(c.referralId)}>
                {c.state === 'heard' ? `Open ${c.reference} again` : `Open ${c.reference}`}
              </Button>
            )}
            {chair && (c.state === 'waiting' || c.state === 'current') && (
              <Button size="small" disabled={busy} onClick={() => setDeferring(c)}>
                {`Defer ${c.reference}`}
              </Button>
            )}
            {!run.currentReferralId && !chair && c.referralId !== props.shownId && (
              <Button size="small" onClick={() => props.onPick(c.referralId)}>
                {`Read ${c.reference}`}
              </Button>
            )}
          </li>
        ))}
      </ol>
      <ErrorBar error={failure} title="The chair’s move did not happen" />
      <Text role="status" block className={styles.notice}>
        {notice}
      </Text>
      {chair && (
        <div className={styles.bar}>
          {run.state === 'not-started' && (
            <Button disabled={busy} onClick={() => void open(null)}>
              Start the meeting
            </Button>
          )}
          {next && (
            <Button appearance="primary" disabled={busy} onClick={() => void open(next.referralId)}>
              {run.currentReferralId ? 'Next case' : 'Open the first waiting case'}
            </Button>
          )}
          {run.currentReferralId && (
            <Button disabled={busy} onClick={() => void open(null)}>
              Finish this case
            </Button>
          )}
          <Button onClick={() => setClosing(true)}>Close meeting</Button>
        </div>
      )}
      {deferring && (
        <DeferDialog
          meetingId={run.meetingId}
          item={deferring}
          onClose={() => setDeferring(null)}
          onDeferred={(toMeetingDate) => {
            setNotice(
              `${deferring.reference} is deferred to the meeting of ${formatDate(toMeetingDate)}.`,
            );
            setDeferring(null);
            props.onChanged();
          }}
        />
      )}
      {closing && (
        <ConfirmDialog
          title="Close the meeting?"
          confirmLabel="Close meeting"
          busyLabel="Closing…"
          failureTitle="The meeting was not closed"
          action={`close:${run.meetingId}`}
          onConfirm={async (key) => {
            await meetingRunApi.close(run.meetingId, key);
            setClosing(false);
            props.onChanged();
          }}
          onClose={() => setClosing(false)}
        >
          The end time is recorded and the record is frozen: later changes are corrections, each
          with a reason. The actions go to the action plan.
        </ConfirmDialog>
      )}
    </Section>
  );
}
