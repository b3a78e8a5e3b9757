import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { Meeting } from '#core/contracts/api.js';
import { toApiError, type ApiRequestError } from '../api/client.js';
import { api, type MoveBody } from '../api/endpoints.js';
import { dateHint, formatDate, formatTime, londonToday, plural } from '../format/dates.js';
import { ErrorBar } from './ErrorBar.js';
import { ReasonField, checkReason } from './ReasonField.js';

const useStyles = makeStyles({
  content: { display: 'grid', gap: '12px' },
  row: { display: 'flex', gap: '16px', flexWrap: 'wrap' },
});

type Errors = { date?: string; startTime?: string; reason?: string };

/** Moves one meeting to another day or time; its deadlines are worked out again by the server. */
export function MoveMeetingDialog(props: {
  meeting: Meeting;
  onClose: () => void;
  onMoved: (meeting: Meeting) => void;
}) {
  const styles = useStyles();
  const originalTime = formatTime(props.meeting.startsAt);
  const [date, setDate] = useState(props.meeting.date);
  const [startTime, setStartTime] = useState(originalTime);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const [busy, setBusy] = useState(false);

  // A refusal from the server is about the values sent; it goes once the user changes them.
  const edit = (setter: (value: string) => void, value: string) => {
    setter(value);
    setFailure(null);
  };

  const check = (): Errors => {
    const found: Errors = { reason: checkReason(reason) };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.date = 'Enter the new date.';
    else if (date < londonToday()) found.date = 'Choose today or a later date.';
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(startTime))
      found.startTime = 'Enter a 24-hour time such as 10:00.';
    if (
      !found.date &&
      !found.startTime &&
      date === props.meeting.date &&
      startTime === originalTime
    ) {
      found.date = 'Choose a different date or time.';
    }
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    if (found.date || found.startTime || found.reason) return;
    const body: MoveBody = { date, reason: reason.trim() };
    if (startTime !== originalTime) body.startTime = startTime;
    setBusy(true);
    setFailure(null);
    try {
      props.onMoved(await api.moveMeeting(props.meeting.id, body));
    } catch (e) {
      setFailure(toApiError(e));
      setBusy(false);
    }
  };

  const state = (key: keyof Errors) =>
    errors[key] ? { validationState: 'error' as const, validationMessage: errors[key] } : {};

  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && !busy && props.onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>Move the meeting of {formatDate(props.meeting.date)}</DialogTitle>
            <DialogContent className={styles.content}>
              Invitees get an update for this meeting only; referral and agenda deadlines move with
              it.
              {props.meeting.cases
                ? ` Its ${plural(props.meeting.cases, 'case')} stay on it, and each referrer is told the new date.`
                : ''}
              <div className={styles.row}>
                <Field label="New date" required hint={dateHint(date)} {...state('date')}>
                  <Input type="date" value={date} onChange={(_, d) => edit(setDate, d.value)} />
                </Field>
                <Field label="Start time" hint="24-hour UK time" {...state('startTime')}>
                  <Input
                    inputMode="numeric"
                    maxLength={5}
                    placeholder="HH:MM"
                    value={startTime}
                    onChange={(_, d) => edit(setStartTime, d.value)}
                  />
                </Field>
              </div>
              <ReasonField value={reason} error={errors.reason} onChange={setReason} />
              <ErrorBar error={failure} title="The meeting was not moved" />
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={busy}>
                {busy ? 'Moving…' : 'Move meeting'}
              </Button>
              <Button onClick={props.onClose} disabled={busy}>
                Don’t move
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
