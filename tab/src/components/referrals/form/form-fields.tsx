import {
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  makeStyles,
  type SelectProps,
} from '@fluentui/react-components';
import { createContext, useContext, type ReactElement } from 'react';
import { categoriesByHeading, type EqualityField } from '#core/contracts/equality.js';
import { dateHint } from '../../../format/dates.js';
import { fieldDomId } from './field-names.js';

/** Problems by field path, so each input shows its own message beside it. */
export const FieldErrors = createContext<Record<string, string>>({});

export const useFormStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(240px, 100%), 1fr))',
    gap: '12px 16px',
    alignItems: 'start',
  },
  wide: { gridColumn: '1 / -1' },
  sub: {
    border: '1px solid var(--colorNeutralStroke2)',
    borderRadius: '4px',
    padding: '12px',
    marginBottom: '12px',
  },
  subHead: {
    display: 'flex',
    alignItems: 'center',
    gap: '12px',
    margin: '0 0 8px',
    flexWrap: 'wrap',
  },
  subTitle: { margin: 0, fontSize: '14px', fontWeight: 600, flexGrow: 1 },
  row: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  question: { padding: '6px 0', borderBottom: '1px solid var(--colorNeutralStroke3)' },
  attribution: { fontSize: '12px', color: 'var(--colorNeutralForeground3)', margin: '8px 0' },
  radios: { flexWrap: 'wrap' },
  // A category's label is long ("Mixed or Multiple ethnic groups: Any other ..."): the native
  // select would take the longest option's width and spill over its neighbours; it fits its box.
  categoryRoot: { width: '100%', minWidth: 0, maxWidth: '100%' },
  categorySelect: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
});

export interface FieldProps {
  path: string;
  label: string;
  hint?: string | undefined;
  required?: boolean;
  wide?: boolean;
}

/** A labelled field whose validation message is the problem with `path`, if any. */
export function F(props: FieldProps & { children: ReactElement }) {
  const errors = useContext(FieldErrors);
  const styles = useFormStyles();
  const message = errors[props.path];
  return (
    <Field
      id={fieldDomId(props.path)}
      label={props.label}
      hint={props.hint}
      required={props.required}
      className={props.wide ? styles.wide : undefined}
      validationState={message ? 'error' : 'none'}
      validationMessage={message}
      data-field={props.path}
    >
      {props.children}
    </Field>
  );
}

/**
 * A line of text. No maxLength: the browser would cut what was pasted without a word; the
 * check names the limit instead.
 */
export function TextField(
  props: FieldProps & { value: string; onChange: (value: string) => void; type?: 'tel' },
) {
  const { value, onChange, type, ...field } = props;
  return (
    <F {...field}>
      <Input type={type} value={value} onChange={(_, d) => onChange(d.value)} />
    </F>
  );
}

/** Several lines of text. */
export function TextAreaField(
  props: FieldProps & { value: string; onChange: (value: string) => void; rows?: number },
) {
  const { value, onChange, rows, ...field } = props;
  return (
    <F {...field}>
      <Textarea
        rows={rows}
        resize="vertical"
        value={value}
        onChange={(_, d) => onChange(d.value)}
      />
    </F>
  );
}

/** A calendar date, with the date written out beneath it as a hint. */
export function DateField(
  props: FieldProps & { value: string; onChange: (value: string) => void },
) {
  const { value, onChange, ...field } = props;
  return (
    <F {...field} hint={props.hint ?? dateHint(value)}>
      <Input type="date" value={value} onChange={(_, d) => onChange(d.value)} />
    </F>
  );
}

/** One answer from a few, as radio buttons; nothing is chosen until the person chooses. */
export function RadioField<T extends string>(
  props: FieldProps & {
    value: T | '';
    options: readonly (readonly [T, string])[];
    onChange: (value: T) => void;
  },
) {
  const { value, options, onChange, ...field } = props;
  const styles = useFormStyles();
  return (
    <F {...field}>
      <RadioGroup
        layout="horizontal"
        className={styles.radios}
        value={value}
        onChange={(_, d) => onChange(d.value as T)}
      >
        {options.map(([optionValue, label]) => (
          <Radio key={optionValue} value={optionValue} label={label} />
        ))}
      </RadioGroup>
    </F>
  );
}

export const YES_NO_NOT_KNOWN = [
  ['yes', 'Yes'],
  ['no', 'No'],
  ['not-known', 'Not known'],
] as const;
export const YES_NO = [
  ['yes', 'Yes'],
  ['no', 'No'],
] as const;

/**
 * A drop-down of fixed choices, `[value, label]` pairs, that starts on "Choose…" when nothing is
 * chosen yet. Other props (the ids and aria attributes a Field hands its control) go on to the
 * Select.
 */
export function Choice(
  props: Omit<SelectProps, 'onChange' | 'value'> & {
    value: string;
    options: readonly (readonly [string, string])[];
    onPick: (value: string) => void;
    placeholder?: string;
  },
) {
  const { value, options, onPick, placeholder, ...rest } = props;
  return (
    <Select {...rest} value={value} onChange={(_, d) => onPick(d.value)}>
      {(value === '' || placeholder) && <option value="">{placeholder ?? 'Choose…'}</option>}
      {options.map(([optionValue, label]) => (
        <option key={optionValue} value={optionValue}>
          {label}
        </option>
      ))}
    </Select>
  );
}

/** A labelled drop-down of fixed choices. */
export function ChoiceField(
  props: FieldProps & {
    value: string;
    options: readonly (readonly [string, string])[];
    onChange: (value: string) => void;
    placeholder?: string;
  },
) {
  const { value, options, onChange, placeholder, ...field } = props;
  return (
    <F {...field}>
      <Choice value={value} options={options} onPick={onChange} placeholder={placeholder} />
    </F>
  );
}

/**
 * A category of the SafeLives return (ethnic group, sexual orientation) as a drop-down grouped
 * under the census headings, "Not known" and "Prefers not to say" among them. Nothing is chosen
 * until the person chooses ("Not chosen" stays on the list to go back to). Words written before
 * the form offered categories show beneath it ("Recorded as", then "First written as"): the server
 * keeps them whatever is chosen, and without a choice they go to the coordinator to recode.
 */
export function CategoryField(
  props: FieldProps & {
    field: EqualityField;
    value: string;
    recordedAs: string | null;
    onChange: (value: string) => void;
  },
) {
  const { field, value, recordedAs, onChange, ...rest } = props;
  const hint = !recordedAs
    ? undefined
    : value === ''
      ? `Recorded as: “${recordedAs}”. Choose the category these words mean; if you leave it, the words are kept for the coordinator.`
      : `First written as: “${recordedAs}” (kept with the referral).`;
  return (
    <F {...rest} hint={hint}>
      <CategorySelect field={field} value={value} onPick={onChange} />
    </F>
  );
}

/**
 * The categories of one field as a drop-down, under their census headings; "Not chosen" first.
 * Other props (the ids and aria attributes a Field hands its control) go on to the Select.
 */
export function CategorySelect(
  props: Omit<SelectProps, 'onChange' | 'value'> & {
    field: EqualityField;
    value: string;
    onPick: (value: string) => void;
  },
) {
  const { field, value, onPick, ...rest } = props;
  const styles = useFormStyles();
  return (
    <Select
      {...rest}
      className={styles.categoryRoot}
      select={{ className: styles.categorySelect }}
      value={value}
      onChange={(_, d) => onPick(d.value)}
    >
      <option value="">Not chosen</option>
      {categoriesByHeading(field).map(({ heading, categories }) =>
        // "Not known" and "Prefers not to say" are their own headings: no group of one.
        categories.length === 1 && categories[0]!.label === heading ? (
          <option key={heading} value={categories[0]!.id}>
            {heading}
          </option>
        ) : (
          <optgroup key={heading} label={heading}>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </optgroup>
        ),
      )}
    </Select>
  );
}
