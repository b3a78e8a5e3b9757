import { useState, type ReactNode } from 'react';
import { toApiError, type ApiRequestError } from '../api/client.js';
import { FormDialog } from './FormDialog.js';
import { useActionKey } from './referrals/form/use-action-key.js';

/**
 * Asks before an action that goes out to many at once (publishing an agenda, "Nothing known" for
 * every unanswered case, a chase). One Idempotency-Key for the action, kept if it is tried again
 * after a failure, so a retry after a lost answer acts once.
 */
export function ConfirmDialog(props: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  failureTitle: string;
  /** What the key stands for: the same action tried again keeps its key. */
  action: string;
  onConfirm: (idempotencyKey: string) => Promise<void>;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const key = useActionKey();

  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await props.onConfirm(key.keyFor(props.action));
      key.done();
    } catch (e) {
      setFailure(toApiError(e));
      setBusy(false);
    }
  };

  return (
    <FormDialog
      alert
      title={props.title}
      busy={busy}
      onClose={props.onClose}
      onSubmit={() => void confirm()}
      submitLabel={props.confirmLabel}
      busyLabel={props.busyLabel}
      failure={failure}
      failureTitle={props.failureTitle}
      cancelLabel="Not now"
    >
      {props.children}
    </FormDialog>
  );
}
