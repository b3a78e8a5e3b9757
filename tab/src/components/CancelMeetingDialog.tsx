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
import { CasesToMove } from './CasesToMove.js';
import { ErrorBar } from './ErrorBar.js';
import { ReasonField, checkReason } from './ReasonField.js';
import { useLoad } from './use-load.js';

// minmax(0, 1fr): a drop-down sized by its longest option must not push the dialog past 320 px.
const useStyles = makeStyles({
  content: { display: 'grid', gap: '12px', gridTemplateColumns: 'minmax(0, 1fr)' },
});

/**
 * Cancels one meeting of the series (the Outlook occurrence is cancelled by the server). Its cases
 * are shown and move, in the same action, to the next meeting or the one the coordinator picks.
 */
export function CancelMeetingDialog(props: {
  meeting: Meeting;
  /** The area's meetings, so the cases can go to a later one. */
  meetings: Meeting[];
  onClose: () => void;
  onCancelled: (meeting: Meeting) => void;
}) {
  const styles = useStyles();
  const cases = useLoad(() => api.meetingCases(props.meeting.id), [props.meeting.id]);
  const targets = props.meetings.filter(
    (m) =>
      m.id !== props.meeting.id &&
      m.status !== 'cancelled' &&
      m.startsAt.localeCompare(props.meeting.startsAt) > 0,
  );
  const [target, setTarget] = useState(targets[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const [busy, setBusy] = useState(false);
  const hasCases = (cases.data?.length ?? 0) > 0;
  const ready = !cases.loading && !cases.error && (!hasCases || target !== '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = checkReason(reason);
    setError(problem);
    if (problem || !ready) return;
    setBusy(true);
    setFailure(null);
    try {
      const body = { reason: reason.trim(), ...(hasCases ? { moveCasesTo: target } : {}) };
      props.onCancelled(await api.cancelMeeting(props.meeting.id, body));
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
              <CasesToMove
                cases={cases.data}
                loading={cases.loading}
                error={cases.error}
                targets={targets}
                target={target}
                onTarget={setTarget}
              />
              <ReasonField value={reason} error={error} onChange={setReason} />
              <ErrorBar error={failure} title="The meeting was not cancelled" />
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={busy || !ready}>
                {busy
                  ? 'Cancelling…'
                  : hasCases
                    ? 'Cancel meeting and move cases'
                    : 'Cancel meeting'}
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
