import { Field, Input, Select } from '@fluentui/react-components';
import { bankHolidayWords, capitalise, regionWords } from '../format/protocol-words.js';
import type { DraftErrors, ProtocolDraft } from './protocol-form-model.js';
import { useProtocolFormStyles } from './protocol-form-styles.js';

type Setter = <K extends keyof ProtocolDraft>(key: K, value: ProtocolDraft[K]) => void;

const cadences = {
  fortnightly: 'Fortnightly',
  monthly: 'Monthly on a weekday',
  'monthly-day': 'Monthly on a date',
};
const nths = { 1: 'First', 2: 'Second', 3: 'Third', 4: 'Fourth', last: 'Last' };
// MARAC meets on working days; the contract's cadence allows Monday to Friday only.
const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const days = Object.fromEntries(weekdays.map((w) => [w, capitalise(w)]));
const bankHolidays = Object.fromEntries(
  Object.entries(bankHolidayWords).map(([rule, words]) => [rule, capitalise(words)]),
);

/** Cadence, time and bank-holiday settings: the part of the protocol that sets the dates. */
export function ProtocolWhenFields(props: {
  draft: ProtocolDraft;
  errors: DraftErrors;
  set: Setter;
}) {
  const styles = useProtocolFormStyles();
  const { draft, errors, set } = props;
  const state = (key: keyof ProtocolDraft) =>
    errors[key] ? { validationState: 'error' as const, validationMessage: errors[key] } : {};
  const choice = <K extends keyof ProtocolDraft>(
    key: K,
    label: string,
    options: Record<string, string>,
  ) => (
    <Field label={label} {...state(key)}>
      <Select
        className={styles.select}
        value={draft[key]}
        onChange={(_, d) => set(key, d.value as ProtocolDraft[K])}
      >
        {Object.entries(options).map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>When the meeting happens</legend>
      <div className={styles.grid}>
        {choice('kind', 'Cadence', cadences)}
        {draft.kind !== 'monthly-day' && choice('weekday', 'Weekday', days)}
        {draft.kind === 'monthly' && choice('nth', 'Which week of the month', nths)}
        {draft.kind === 'monthly-day' && (
          <Field label="Day of the month" hint="1 to 28" {...state('dayOfMonth')}>
            <Input
              type="number"
              min={1}
              max={28}
              value={draft.dayOfMonth}
              onChange={(_, d) => set('dayOfMonth', d.value)}
            />
          </Field>
        )}
        <Field label="Start time" hint="24-hour UK time, such as 13:30" {...state('startTime')}>
          <Input
            inputMode="numeric"
            maxLength={5}
            placeholder="HH:MM"
            value={draft.startTime}
            onChange={(_, d) => set('startTime', d.value)}
          />
        </Field>
        {choice('bankHolidayRule', 'Bank holidays', bankHolidays)}
        {choice('region', 'Bank holiday region', regionWords)}
      </div>
    </fieldset>
  );
}
