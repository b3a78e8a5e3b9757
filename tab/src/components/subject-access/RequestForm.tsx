import { Button, Input, Radio, RadioGroup, Field, makeStyles } from '@fluentui/react-components';
import { useRef, type FormEvent } from 'react';
import { dateHint } from '../../format/dates.js';
import { ErrorSummary } from '../referrals/form/ErrorSummary.js';
import { F, FieldErrors } from '../referrals/form/form-fields.js';
import type { Problem } from '../referrals/form/check-referral.js';
import { MAX_OTHER_NAMES, type RequestDraft } from './check-request.js';

const useStyles = makeStyles({
  form: { display: 'grid', gap: '16px', gridTemplateColumns: 'minmax(0, 36em)' },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'grid', gap: '12px' },
  legend: { fontWeight: 600, padding: 0, marginBottom: '4px' },
  otherName: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: 'min(14em, 100%)' },
  short: { maxWidth: '12em' },
  buttons: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

// Nothing the coordinator types here is offered again by the browser's form history.
const OFF = { autoComplete: 'off', spellCheck: false } as const;

/**
 * Who the request is about: the person's name, other names, date of birth and postcode, or
 * instead a reference of one of their cases. Problems show in the GOV.UK error summary and
 * beside each field.
 */
export function RequestForm(props: {
  draft: RequestDraft;
  onChange: (draft: RequestDraft) => void;
  problems: Problem[];
  attempt: number;
  busy: boolean;
  /** The draft as submitted (with what the browser knows of the date). */
  onSubmit: (draft: RequestDraft) => void;
}) {
  const styles = useStyles();
  const { draft, onChange } = props;
  const dateInput = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<RequestDraft>) => onChange({ ...draft, ...patch });
  const errors = Object.fromEntries(props.problems.map((p) => [p.path, p.message]));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A date typed in part, or one that does not exist, leaves the value empty: the browser knows.
    const current = { ...draft, dateUnfinished: dateInput.current?.validity.badInput ?? false };
    onChange(current);
    props.onSubmit(current);
  };

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      noValidate
      aria-label="Who the request is about"
    >
      <ErrorSummary problems={props.problems} attempt={props.attempt} />
      <FieldErrors.Provider value={errors}>
        <Field label="Find the records by">
          <RadioGroup
            value={draft.by}
            onChange={(_, d) => set({ by: d.value as RequestDraft['by'] })}
          >
            <Radio value="person" label="The person’s name and date of birth" />
            <Radio value="reference" label="A case reference the person holds" />
          </RadioGroup>
        </Field>
        {draft.by === 'person' ? (
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>The person</legend>
            <F path="person.name" label="Name" required hint="As the person gives it.">
              <Input value={draft.name} onChange={(_, d) => set({ name: d.value })} {...OFF} />
            </F>
            {draft.otherNames.map((name, i) => (
              <div key={i} className={styles.otherName}>
                <div className={styles.grow}>
                  <F path={`person.otherNames.${i}`} label={`Other name ${i + 1}`}>
                    <Input
                      value={name}
                      onChange={(_, d) =>
                        set({ otherNames: draft.otherNames.map((n, j) => (j === i ? d.value : n)) })
                      }
                      {...OFF}
                    />
                  </F>
                </div>
                <Button
                  onClick={() => set({ otherNames: draft.otherNames.filter((_, j) => j !== i) })}
                  aria-label={`Remove other name ${i + 1}`}
                >
                  Remove
                </Button>
              </div>
            ))}
            {draft.otherNames.length < MAX_OTHER_NAMES ? (
              <div>
                <Button onClick={() => set({ otherNames: [...draft.otherNames, ''] })}>
                  Add another name
                </Button>
              </div>
            ) : null}
            <F
              path="person.dateOfBirth"
              label="Date of birth"
              required
              hint={dateHint(draft.dateOfBirth) ?? 'Day, month and year.'}
            >
              <Input
                ref={dateInput}
                className={styles.short}
                type="date"
                value={draft.dateOfBirth}
                onChange={(_, d) => set({ dateOfBirth: d.value, dateUnfinished: false })}
                {...OFF}
              />
            </F>
            <F
              path="person.postcode"
              label="Postcode (optional)"
              hint="Where they live now, if they give it: a record with another postcode is shown to you to decide."
            >
              <Input
                className={styles.short}
                value={draft.postcode}
                onChange={(_, d) => set({ postcode: d.value })}
                {...OFF}
              />
            </F>
          </fieldset>
        ) : (
          <F
            path="reference"
            label="Case reference"
            required
            hint="From a letter or message the person holds, such as NBW-2026-0007. Every record of that person is found from it."
          >
            <Input
              className={styles.short}
              value={draft.reference}
              onChange={(_, d) => set({ reference: d.value })}
              {...OFF}
            />
          </F>
        )}
      </FieldErrors.Provider>
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={props.busy}>
          {props.busy ? 'Searching…' : 'Find the records'}
        </Button>
      </div>
    </form>
  );
}
