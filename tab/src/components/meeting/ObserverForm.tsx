import { Button, Field, Select, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { toApiError, type ApiRequestError } from '../../api/client.js';
import { meetingRunApi } from '../../api/meeting-run.js';
import { ErrorBar } from '../ErrorBar.js';
import { useActionKey } from '../referrals/form/use-action-key.js';
import { useLoad } from '../use-load.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: '8px', margin: '8px 0 0' },
  field: { minWidth: 'min(240px, 100%)' },
});

/**
 * The chair or a coordinator lists an observer: one of the area's observers not on the meeting
 * yet. They confirm the statement as everyone does, and never receive research text.
 */
export function ObserverForm(props: { meetingId: string; onListed: () => void }) {
  const styles = useStyles();
  const candidates = useLoad(
    () => meetingRunApi.observerCandidates(props.meetingId),
    [props.meetingId],
  );
  const [personId, setPersonId] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useActionKey();
  const people = candidates.data?.people ?? [];
  if (candidates.data && people.length === 0) return null;

  const list = async () => {
    setProblem(personId ? undefined : 'Observer: choose the person to list');
    if (!personId) return;
    setBusy(true);
    setFailure(null);
    try {
      await meetingRunApi.addObserver(props.meetingId, personId, key.keyFor(personId));
      key.done();
      setPersonId('');
      candidates.reload();
      props.onListed();
    } catch (e) {
      setFailure(toApiError(e));
    }
    setBusy(false);
  };

  return (
    <>
      <form
        className={styles.form}
        noValidate
        aria-label="List an observer"
        onSubmit={(e) => {
          e.preventDefault();
          void list();
        }}
      >
        <Field
          className={styles.field}
          label="Observer"
          validationState={problem ? 'error' : 'none'}
          validationMessage={problem}
        >
          <Select value={personId} onChange={(_, d) => setPersonId(d.value)}>
            <option value="">Choose a person</option>
            {people.map((p) => (
              <option key={p.personId} value={p.personId}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={busy || !candidates.data}>
          {busy ? 'Listing…' : 'List as observer'}
        </Button>
      </form>
      <ErrorBar error={candidates.error ?? failure} title="The observer was not listed" />
    </>
  );
}
