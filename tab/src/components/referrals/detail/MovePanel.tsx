import { Button, Field, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { Meeting } from '#core/contracts/api.js';
import { referralApi } from '../../../api/referrals.js';
import { formatDate } from '../../../format/dates.js';
import { useDetailStyles } from './Facts.js';

/**
 * Moves an accepted case to another coming meeting of its area, with a reason kept in the app;
 * the referrer is told the new date in Teams (never a name).
 */
export function MovePanel(props: {
  referralId: string;
  currentMeetingId: string | null;
  meetings: Meeting[];
  busy: boolean;
  act: (run: () => Promise<unknown>, done: string) => Promise<void>;
}) {
  const styles = useDetailStyles();
  const [meetingId, setMeetingId] = useState('');
  const [reason, setReason] = useState('');
  const choices = props.meetings.filter(
    (m) => m.status !== 'cancelled' && m.id !== props.currentMeetingId,
  );
  const chosen = choices.find((m) => m.id === meetingId);
  return (
    <>
      <h4 className={styles.h4}>Move to another meeting</h4>
      <div className={styles.row}>
        <Field label="Meeting" required>
          <Select value={meetingId} onChange={(_, v) => setMeetingId(v.value)}>
            <option value="">Choose a meeting</option>
            {choices.map((m) => (
              <option key={m.id} value={m.id}>
                {`${formatDate(m.date)}${m.cases === undefined ? '' : ` (${m.cases} ${m.cases === 1 ? 'case' : 'cases'})`}`}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field
        label="Reason"
        hint="Kept in this app; the referrer is told only the new date"
        required
      >
        <Textarea value={reason} onChange={(_, v) => setReason(v.value)} />
      </Field>
      <div className={styles.row}>
        <Button
          disabled={props.busy || !chosen || reason.trim() === ''}
          onClick={() =>
            void props.act(
              async () => {
                await referralApi.move(props.referralId, meetingId, reason.trim());
                setMeetingId('');
                setReason('');
              },
              `Moved to the MARAC on ${chosen ? formatDate(chosen.date) : ''}. The referrer has been told.`,
            )
          }
        >
          Move the case
        </Button>
      </div>
    </>
  );
}
