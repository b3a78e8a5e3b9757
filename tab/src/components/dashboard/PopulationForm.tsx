import { Button, Field, Input, makeStyles } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { dashboardApi } from '../../api/dashboard.js';
import { toApiError, type ApiRequestError } from '../../api/client.js';
import { ErrorBar } from '../ErrorBar.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: '8px 12px' },
  input: { maxWidth: '12em' },
});

/**
 * The area's women aged 16 or over, which the volume is measured against: the coordinator or an
 * admin enters it from the Office for National Statistics' mid-year estimates. Nothing is
 * pre-filled: an empty field means not known.
 */
export function PopulationForm(props: {
  areaId: string;
  adultWomen: number | null;
  onSaved: () => void;
}) {
  const styles = useStyles();
  const [value, setValue] = useState(props.adultWomen === null ? '' : String(props.adultWomen));
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const text = value.replace(/[,\s]/g, '');
    if (text !== '' && !/^\d+$/.test(text)) {
      setProblem('Enter a whole number, such as 84500, or leave it empty if it is not known.');
      return;
    }
    setProblem(null);
    setSaving(true);
    try {
      await dashboardApi.setPopulation(props.areaId, {
        adultWomen: text === '' ? null : Number(text),
      });
      setError(null);
      props.onSaved();
    } catch (e) {
      const failure = toApiError(e);
      const field = failure.details?.find((d) => d.path === 'body.adultWomen');
      if (field) setProblem(field.message);
      else setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={save} noValidate>
      <Field
        label="Women aged 16 or over in the area"
        hint="From the Office for National Statistics' mid-year estimates."
        validationMessage={problem ?? undefined}
        validationState={problem ? 'error' : 'none'}
      >
        <Input
          className={styles.input}
          inputMode="numeric"
          value={value}
          onChange={(_, d) => setValue(d.value)}
        />
      </Field>
      <Button type="submit" disabled={saving}>
        {saving ? 'Saving' : 'Save'}
      </Button>
      <ErrorBar error={error} title="The population could not be saved" />
    </form>
  );
}
