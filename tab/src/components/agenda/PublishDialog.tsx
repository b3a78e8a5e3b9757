import { agendaApi, type AgendaView, type PublishedAgenda } from '../../api/agendas.js';
import { ConfirmDialog } from '../ConfirmDialog.js';

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
  const n = props.agencies;
  const to =
    n === null ? 'the agencies on this meeting' : `${n} ${n === 1 ? 'agency' : 'agencies'}`;
  return (
    <ConfirmDialog
      title={`Publish ${view.label} to ${to}?`}
      confirmLabel={`Publish ${view.label}`}
      busyLabel="Publishing…"
      failureTitle="The agenda was not published"
      action={`publish:${view.version}`}
      onConfirm={async (key) => props.onPublished(await agendaApi.publish(view.meetingId, key))}
      onClose={props.onClose}
    >
      <p>
        {`Each agency gets it as its delivery mode says; the chair and IDVAs on the meeting can read it in this app.`}
        {view.version > 1 && ' The addendum lists what changed since the version before.'}
      </p>
    </ConfirmDialog>
  );
}
