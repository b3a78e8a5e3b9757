import { Field, Input, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { repSchema, type Agency } from '#core/contracts/api.js';
import { toApiError, type ApiRequestError } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { FormDialog } from './FormDialog.js';

const useStyles = makeStyles({
  content: { display: 'grid', gap: '12px' },
  pair: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '12px' },
  legend: { fontWeight: 600, padding: 0, marginBottom: '4px' },
  fieldset: { border: 'none', margin: 0, padding: 0 },
});

type Key = 'coreName' | 'coreEmail' | 'deputyName' | 'deputyEmail';
type Errors = Partial<Record<Key, string>>;

/** Checks one rep with the contract's schema, in words a coordinator understands. */
function checkRep(name: string, email: string, prefix: 'core' | 'deputy', errors: Errors) {
  const parsed = repSchema.safeParse({ name, email });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    if (issue.path[0] === 'name') errors[`${prefix}Name`] = 'Enter a name of up to 120 characters.';
    if (issue.path[0] === 'email')
      errors[`${prefix}Email`] = 'Enter a work email address such as name@agency.gov.uk.';
  }
  return null;
}

/** Names an agency's core rep and deputy; the server updates the Outlook series invitees. */
export function RepsDialog(props: {
  areaId: string;
  agency: Agency;
  onClose: () => void;
  onSaved: (agency: Agency) => void;
}) {
  const styles = useStyles();
  const [v, setV] = useState<Record<Key, string>>({
    coreName: props.agency.coreRep?.name ?? '',
    coreEmail: props.agency.coreRep?.email ?? '',
    deputyName: props.agency.deputyRep?.name ?? '',
    deputyEmail: props.agency.deputyRep?.email ?? '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const found: Errors = {};
    const coreRep = checkRep(v.coreName, v.coreEmail, 'core', found);
    const hasDeputy = v.deputyName.trim() !== '' || v.deputyEmail.trim() !== '';
    const deputyRep = hasDeputy ? checkRep(v.deputyName, v.deputyEmail, 'deputy', found) : null;
    setErrors(found);
    if (!coreRep || Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      props.onSaved(await api.updateReps(props.areaId, props.agency.id, { coreRep, deputyRep }));
    } catch (e) {
      setFailure(toApiError(e));
      setBusy(false);
    }
  };

  const input = (key: Key, label: string, type: 'text' | 'email', required: boolean) => (
    <Field
      label={label}
      required={required}
      validationState={errors[key] ? 'error' : 'none'}
      validationMessage={errors[key]}
    >
      <Input
        type={type}
        value={v[key]}
        onChange={(_, d) => setV((old) => ({ ...old, [key]: d.value }))}
      />
    </Field>
  );

  return (
    <FormDialog
      title={<>Reps for {props.agency.name}</>}
      busy={busy}
      onClose={props.onClose}
      onSubmit={() => void submit()}
      submitLabel="Save reps"
      busyLabel="Saving…"
      failure={failure}
      failureTitle="The reps were not saved"
      contentClassName={styles.content}
    >
      Both are invited to every meeting of the series; the invitation is updated when you save.
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Core rep</legend>
        <div className={styles.pair}>
          {input('coreName', 'Name', 'text', true)}
          {input('coreEmail', 'Email', 'email', true)}
        </div>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Deputy (optional)</legend>
        <div className={styles.pair}>
          {input('deputyName', 'Name', 'text', false)}
          {input('deputyEmail', 'Email', 'email', false)}
        </div>
      </fieldset>
    </FormDialog>
  );
}
