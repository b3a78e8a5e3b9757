import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { Meeting } from '#core/contracts/api.js';
import { toApiError, type ApiRequestError } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { formatDate, formatTime } from '../format/dates.js';
import { ErrorBar } from './ErrorBar.js';
import { ReasonField, checkReason } from './ReasonField.js';

const useStyles = makeStyles({ content: { display: 'grid', gap: '12px' } });

/** Cancels one meeting of the series (the Outlook occurrence is cancelled by the server). */
export function CancelMeetingDialog(props: {
  meeting: Meeting;
  onClose: () => void;
  onCancelled: (meeting: Meeting) => void;
}) {
  const styles = useStyles();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = checkReason(reason);
    setError(problem);
    if (problem) return;
    setBusy(true);
    setFailure(null);
    try {
      props.onCancelled(await api.cancelMeeting(props.meeting.id, reason.trim()));
    } catch (e) {
      setFailure(toApiError(e));
      setBusy(false);
    }
  };

  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && !busy && props.onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>
              Cancel the meeting of {formatDate(props.meeting.date)},{' '}
              {formatTime(props.meeting.startsAt)}?
            </DialogTitle>
            <DialogContent className={styles.content}>
              Invitees get a cancellation for this meeting only; the rest of the series stays.
              <ReasonField value={reason} error={error} onChange={setReason} />
              <ErrorBar error={failure} title="The meeting was not cancelled" />
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={busy}>
                {busy ? 'Cancelling…' : 'Cancel meeting'}
              </Button>
              <Button onClick={props.onClose} disabled={busy}>
                Keep meeting
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
