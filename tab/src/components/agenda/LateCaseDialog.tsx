import { Spinner, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { agendaApi, type AgendaView } from '../../api/agendas.js';
import { toApiError, type ApiRequestError } from '../../api/client.js';
import { api } from '../../api/endpoints.js';
import { referralApi } from '../../api/referrals.js';
import { formatDate, londonToday } from '../../format/dates.js';
import { ErrorBar } from '../ErrorBar.js';
import { FormDialog } from '../FormDialog.js';
import type { Problem } from '../referrals/form/check-referral.js';
import { ErrorSummary } from '../referrals/form/ErrorSummary.js';
import { ChoiceField, FieldErrors, TextAreaField } from '../referrals/form/form-fields.js';
import { useActionKey } from '../referrals/form/use-action-key.js';
import { useLoad } from '../use-load.js';
import { fieldProblems } from './field-problems.js';
import { useProblems } from './use-problems.js';

const REASON_MAX = 500;
const useStyles = makeStyles({
  content: { display: 'grid', gap: '12px', gridTemplateColumns: 'minmax(0, 1fr)' },
});

/** The area's accepted cases on a later meeting, which could be brought onto this one. */
function useCandidates(areaId: string, view: AgendaView) {
  return useLoad(async () => {
    const [queue, meetings] = await Promise.all([
      referralApi.queue(areaId),
      api.meetings(areaId, londonToday()),
    ]);
    const later = new Map(
      meetings.filter((m) => m.date > view.meetingDate).map((m) => [m.id, m.date]),
    );
    return queue.flatMap((q) => {
      const date = q.meetingId ? later.get(q.meetingId) : undefined;
      if (q.status !== 'accepted' || !date) return [];
      const who = q.victimName ? `, ${q.victimName}` : '';
      return [[q.id, `${q.reference}${who} (now on ${formatDate(date)})`] as const];
    });
  }, [areaId, view.meetingId]);
}

/**
 * Brings an accepted case from a later meeting onto this one, with the reason it is late (kept
 * with the agenda and shown on its line).
 */
export function LateCaseDialog(props: {
  areaId: string;
  view: AgendaView;
  onClose: () => void;
  onAdded: (view: AgendaView) => void;
}) {
  const styles = useStyles();
  const candidates = useCandidates(props.areaId, props.view);
  const [referralId, setReferralId] = useState('');
  const [reason, setReason] = useState('');
  const check = useProblems();
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const [busy, setBusy] = useState(false);
  const actionKey = useActionKey();

  const submit = async () => {
    const found: Problem[] = [];
    if (referralId === '')
      found.push({
        path: 'referralId',
        message: 'Case: choose the case to bring onto this meeting.',
      });
    if (reason.trim() === '')
      found.push({ path: 'reason', message: 'Reason: say why the case is late.' });
    else if (reason.trim().length > REASON_MAX)
      found.push({ path: 'reason', message: `Reason: use ${REASON_MAX} characters or fewer.` });
    setFailure(null);
    if (found.length > 0) {
      check.fail(found);
      return;
    }
    check.clear();
    setBusy(true);
    const body = { referralId, reason: reason.trim() };
    try {
      const key = actionKey.keyFor(JSON.stringify(body));
      props.onAdded(await agendaApi.addLateCase(props.view.meetingId, body, key));
      actionKey.done();
    } catch (e) {
      const error = toApiError(e);
      const onFields = fieldProblems(error.details, ['referralId', 'reason']);
      if (onFields) check.fail(onFields);
      else setFailure(error);
      setBusy(false);
    }
  };

  const options = candidates.data ?? [];
  return (
    <FormDialog
      title="Add a late case"
      label="Add a late case"
      busy={busy}
      onClose={props.onClose}
      onSubmit={() => void submit()}
      submitLabel="Add to this meeting"
      busyLabel="Adding…"
      submitDisabled={options.length === 0}
      failure={failure}
      failureTitle="The case was not added"
      contentClassName={styles.content}
    >
      <ErrorSummary problems={check.problems} attempt={check.attempt} />
      <ErrorBar error={candidates.error} title="The cases could not be loaded" />
      {candidates.loading && !candidates.data && <Spinner size="small" label="Loading cases" />}
      {candidates.data && options.length === 0 && (
        <p>No accepted case is waiting for a later meeting of this area.</p>
      )}
      {options.length > 0 && (
        <FieldErrors.Provider value={check.byField}>
          <ChoiceField
            path="referralId"
            label="Case"
            required
            hint="Accepted cases now on a later meeting of this area"
            value={referralId}
            options={options}
            onChange={setReferralId}
          />
          <TextAreaField
            path="reason"
            label="Why the case is late"
            required
            hint={`Shown on the agenda with the case. ${reason.length} of ${REASON_MAX} characters.`}
            value={reason}
            onChange={setReason}
          />
        </FieldErrors.Provider>
      )}
    </FormDialog>
  );
}
