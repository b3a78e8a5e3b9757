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
