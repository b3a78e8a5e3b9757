import { Field, Select, makeStyles, type SelectProps } from '@fluentui/react-components';
import { createContext, useContext, type ReactElement } from 'react';

/** Server errors by field path, so each input shows its own message beside it. */
export const FieldErrors = createContext<Record<string, string>>({});

export const useFormStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    gap: '12px 16px',
    alignItems: 'start',
  },
  wide: { gridColumn: '1 / -1' },
  sub: {
    border: '1px solid var(--colorNeutralStroke2)',
    borderRadius: '4px',
    padding: '12px 16px',
    marginBottom: '12px',
  },
  subHead: { display: 'flex', alignItems: 'center', gap: '12px', margin: '0 0 8px' },
  subTitle: { margin: 0, fontSize: '14px', fontWeight: 600, flexGrow: 1 },
  row: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  question: { padding: '6px 0', borderBottom: '1px solid var(--colorNeutralStroke3)' },
  attribution: { fontSize: '12px', color: 'var(--colorNeutralForeground3)', margin: '8px 0' },
});

/** A labelled field whose validation message is the server's error for `path`, if any. */
export function F(props: {
  path: string;
  label: string;
  hint?: string | undefined;
  required?: boolean;
  wide?: boolean;
  testId?: string;
  children: ReactElement;
}) {
  const errors = useContext(FieldErrors);
  const styles = useFormStyles();
  const message = errors[props.path];
  return (
    <Field
      label={props.label}
      hint={props.hint}
      required={props.required}
      className={props.wide ? styles.wide : undefined}
      validationState={message ? 'error' : 'none'}
      validationMessage={message}
      data-field={props.path}
      data-testid={props.testId}
    >
      {props.children}
    </Field>
  );
}

/**
 * A drop-down of fixed choices, `[value, label]` pairs. Other props (the ids and aria attributes a
 * Field hands its control) go on to the Select.
 */
export function Choice(
  props: Omit<SelectProps, 'onChange' | 'value'> & {
    value: string;
    options: readonly (readonly [string, string])[];
    onPick: (value: string) => void;
  },
) {
  const { value, options, onPick, ...rest } = props;
  return (
    <Select {...rest} value={value} onChange={(_, d) => onPick(d.value)}>
      {options.map(([optionValue, label]) => (
        <option key={optionValue} value={optionValue}>
          {label}
        </option>
      ))}
    </Select>
  );
}
