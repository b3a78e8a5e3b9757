import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Meeting } from '#core/contracts/api.js';
import { api } from '../../../api/endpoints.js';
import { referralApi, type AcceptOutcome } from '../../../api/referrals.js';
import { formatDate } from '../../../format/dates.js';
import { useDetailStyles } from './Facts.js';

type Full = Extract<AcceptOutcome, { kind: 'over-capacity' }>;
export type Accepted = Extract<AcceptOutcome, { kind: 'accepted' }>;

/** Accept onto the next meeting (or a chosen one); when it is full, offer the choices. */
export function AcceptPanel(props: {
  referralId: string;
  areaId: string;
  meetings: Meeting[];
  busy: boolean;
  act: (run: () => Promise<unknown>) => Promise<void>;
  onAccepted: (outcome: Accepted) => void;
}) {
  const styles = useDetailStyles();
  const [meetingId, setMeetingId] = useState('');
  const [lateReason, setLateReason] = useState('');
  const [full, setFull] = useState<Full | null>(null);
  const [extraDate, setExtraDate] = useState('');
  const live = props.meetings.filter((m) => m.status !== 'cancelled');

  const accept = (body: { meetingId?: string; confirmOverCapacity?: boolean }) =>
    props.act(async () => {
      const outcome = await referralApi.accept(props.referralId, {
        ...body,
        ...(lateReason.trim() ? { lateReason: lateReason.trim() } : {}),
      });
      if (outcome.kind === 'over-capacity') setFull(outcome);
      else {
        setFull(null);
        props.onAccepted(outcome);
      }
    });

  /** The coming meetings are full: add an extra MARAC and put the referral on it. */
  const acceptOntoExtraMeeting = () =>
    props.act(async () => {
      const extra = await api.addExtraMeeting(props.areaId, {
        date: extraDate,
        reason: 'The coming meetings are full',
      });
      const outcome = await referralApi.accept(props.referralId, { meetingId: extra.id });
      setFull(null);
      if (outcome.kind === 'accepted') props.onAccepted(outcome);
    });

  return (
    <>
      <h4 className={styles.h4}>Accept onto a meeting</h4>
      <div className={styles.row}>
        <Field label="Meeting">
          <Select value={meetingId} onChange={(_, v) => setMeetingId(v.value)}>
            <option value="">The next meeting it is in time for</option>
            {live.map((m) => (
              <option key={m.id} value={m.id}>
                {formatDate(m.date)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Reason, if after the referral deadline">
          <Input value={lateReason} onChange={(_, v) => setLateReason(v.value)} />
        </Field>
        <Button
          appearance="primary"
          disabled={props.busy}
          onClick={() => void accept(meetingId ? { meetingId } : {})}
        >
          Accept
        </Button>
      </div>
      {full && (
        <MessageBar intent="warning" layout="multiline" data-testid="over-capacity">
          <MessageBarBody>
            <MessageBarTitle>The meeting is full</MessageBarTitle>
            {`The MARAC on ${formatDate(full.meetingDate)} already has ${full.cases} ${full.cases === 1 ? 'case' : 'cases'} (usual capacity ${full.capacity}).`}
          </MessageBarBody>
          <MessageBarActions>
            {full.nextMeeting && (
              <Button
                disabled={props.busy}
                onClick={() => void accept({ meetingId: full.nextMeeting!.id })}
              >
                {`Use the next meeting (${formatDate(full.nextMeeting.date)})`}
              </Button>
            )}
            <Button
              disabled={props.busy}
              onClick={() => void accept({ meetingId: full.meetingId, confirmOverCapacity: true })}
            >
              Accept anyway
            </Button>
            <Field label="Extra meeting on">
              <Input type="date" value={extraDate} onChange={(_, v) => setExtraDate(v.value)} />
            </Field>
            <Button
              disabled={props.busy || !extraDate}
              onClick={() => void acceptOntoExtraMeeting()}
            >
              Add an extra meeting
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}
