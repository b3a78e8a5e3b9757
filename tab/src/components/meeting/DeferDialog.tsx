import { Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { MEETING_TEXT_LIMITS, type RunCase } from '#core/contracts/meeting-api.js';
import { toApiError, type ApiRequestError } from '../../api/client.js';
import { meetingRunApi } from '../../api/meeting-run.js';
import { FormDialog } from '../FormDialog.js';
import { useActionKey } from '../referrals/form/use-action-key.js';

const MAX = MEETING_TEXT_LIMITS.reason;

/** Defers a case to the next meeting, with the reason (one Idempotency-Key for the action). */
export function DeferDialog(props: {
  meetingId: string;
  item: RunCase;
  onClose: () => void;
  onDeferred: (toMeetingDate: string) => void;
}) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const key = useActionKey();

  const submit = async () => {
    const trimmed = reason.trim();
    const found = !trimmed
      ? 'Reason: say why the case waits for the next meeting'
      : trimmed.length > MAX
        ? `Reason: use ${MAX} characters or fewer`
        : undefined;
    setProblem(found);
    if (found) return;
    setBusy(true);
    setFailure(null);
    try {
      const deferred = await meetingRunApi.defer(
        props.meetingId,
        props.item.referralId,
        trimmed,
        key.keyFor(`${props.item.referralId}:${trimmed}`),
      );
      key.done();
      props.onDeferred(deferred.toMeetingDate);
    } catch (e) {
      setFailure(toApiError(e));
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title={`Defer ${props.item.reference} to the next meeting`}
      busy={busy}
      onClose={props.onClose}
      onSubmit={() => void submit()}
      submitLabel="Defer case"
      busyLabel="Deferring…"
      failure={failure}
      failureTitle="The case was not deferred"
    >
      <Field
        label="Reason"
        required
        hint={`${reason.trim().length} of ${MAX} characters. No names: the reason is shown on the running order.`}
        validationState={problem ? 'error' : 'none'}
        validationMessage={problem}
      >
        <Textarea value={reason} resize="vertical" onChange={(_, d) => setReason(d.value)} />
      </Field>
    </FormDialog>
  );
}
