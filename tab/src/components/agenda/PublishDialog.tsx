import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useState } from 'react';
import { agendaApi, type AgendaView, type PublishedAgenda } from '../../api/agendas.js';
import { toApiError, type ApiRequestError } from '../../api/client.js';
import { ErrorBar } from '../ErrorBar.js';
import { useActionKey } from '../referrals/form/use-action-key.js';

/**
 * Asks before publishing: which version goes out and to how many agencies. One Idempotency-Key
 * for this version, so a retry after a lost answer publishes it once.
 */
export function PublishDialog(props: {
  view: AgendaView;
  agencies: number | null;
  onClose: () => void;
  onPublished: (published: PublishedAgenda) => void;
}) {
  const { view } = props;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const actionKey = useActionKey();
  const n = props.agencies;
  const to =
    n === null ? 'the agencies on this meeting' : `${n} ${n === 1 ? 'agency' : 'agencies'}`;

  const publish = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const published = await agendaApi.publish(
        view.meetingId,
        actionKey.keyFor(`publish:${view.version}`),
      );
      actionKey.done();
      props.onPublished(published);
    } catch (e) {
      setFailure(toApiError(e));
      setBusy(false);
    }
  };

  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && !busy && props.onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{`Publish ${view.label} to ${to}?`}</DialogTitle>
          <DialogContent>
            <p>
              {`Each agency gets it as its delivery mode says; the chair and IDVAs on the meeting can read it in this app.`}
              {view.version > 1 && ' The addendum lists what changed since the version before.'}
            </p>
            <ErrorBar error={failure} title="The agenda was not published" />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy} onClick={() => void publish()}>
              {busy ? 'Publishing…' : `Publish ${view.label}`}
            </Button>
            <Button disabled={busy} onClick={props.onClose}>
              Not now
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
