import { Button, Select, Text, makeStyles, mergeClasses } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { MEETING_TEXT_LIMITS, urgentKindValues } from '#core/contracts/meeting-api.js';
import type { ApiRequestError } from '../../api/client.js';
import { formatTime, londonToday } from '../../format/dates.js';
import { ErrorBar } from '../ErrorBar.js';
import { ErrorSummary } from '../referrals/form/ErrorSummary.js';
import type { Problem } from '../referrals/form/check-referral.js';
import { DateField, F, FieldErrors, RadioField, TextField } from '../referrals/form/form-fields.js';
import { CountedText } from '../research/research-fields.js';
import { CorrectionReason } from './CorrectionReason.js';
import { ACTION_LABELS, type ActionForm } from './meeting-form.js';
import { URGENT_WORDS } from './meeting-words.js';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gap: '12px 16px',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(200px, 100%), 1fr))',
    alignItems: 'start',
    margin: '0 0 12px',
  },
  wide: { gridColumn: '1 / -1' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
  taskHours: { display: 'flex', flexWrap: 'wrap', gap: '4px 12px', alignItems: 'center' },
});

const URGENT_OPTIONS = [
  ['no', 'No'],
  ...urgentKindValues.map((k) => [k, `Yes: ${URGENT_WORDS[k]}`] as const),
] as const;

/**
 * The fields of one SMART action: the owner agency (from the meeting's agencies), a named person
 * if any, what exactly, due date and time (London), the risk it addresses, and whether it is an
 * urgent child safeguarding decision (due within hours). Nothing is chosen for the person.
 */
export function ActionEditor(props: {
  prefix: string;
  label: string;
  form: ActionForm;
  onForm: (update: (form: ActionForm) => ActionForm) => void;
  agencies: readonly { id: string; name: string }[];
  /** Children's services tasks: due this many hours on (the area protocol, 72 by default). */
  taskHours: number;
  problems: Problem[];
  attempt: number;
  failure: ApiRequestError | null;
  busy: boolean;
  submitLabel: string;
  onSubmit: () => void;
  onCancel?: () => void;
  /** After close: the reason for the correction. */
  correction?: { value: string; problem: string | undefined; onChange: (v: string) => void };
  children?: ReactNode;
}) {
  const styles = useStyles();
  const { form, prefix } = props;
  const at = (key: keyof ActionForm) => `${prefix}.${key}`;
  const set =
    <K extends keyof ActionForm>(key: K) =>
    (value: ActionForm[K]) =>
      props.onForm((f) => ({ ...f, [key]: value }));
  const errors = Object.fromEntries(props.problems.map((p) => [p.path, p.message]));
  return (
    <FieldErrors.Provider value={errors}>
      <form
        noValidate
        aria-label={props.label}
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        <ErrorSummary
          problems={props.problems}
          attempt={props.attempt}
          titleId={`${prefix}-problems`}
        />
        {props.children}
        <div className={styles.grid}>
          {/* The agencies' names are long: their select has a row of its own. */}
          <F path={at('ownerAgencyId')} label={ACTION_LABELS.ownerAgencyId} required wide>
            <Select value={form.ownerAgencyId} onChange={(_, d) => set('ownerAgencyId')(d.value)}>
              <option value="">Choose an agency</option>
              {props.agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </Select>
          </F>
          <TextField
            path={at('ownerPerson')}
            label={ACTION_LABELS.ownerPerson}
            value={form.ownerPerson}
            onChange={set('ownerPerson')}
          />
          <div className={styles.wide}>
            <CountedText
              path={at('what')}
              label={ACTION_LABELS.what}
              required
              hint="Specific and measurable: what will be done, and how we will know."
              max={MEETING_TEXT_LIMITS.what}
              value={form.what}
              onChange={set('what')}
            />
          </div>
          <DateField
            path={at('dueDate')}
            label={ACTION_LABELS.dueDate}
            required
            value={form.dueDate}
            onChange={set('dueDate')}
          />
          <TextField
            path={at('dueTime')}
            label={ACTION_LABELS.dueTime}
            hint="24-hour, London time, such as 14:30"
            required
            value={form.dueTime}
            onChange={set('dueTime')}
          />
          {/* A choice the chair makes with one click, never a date filled in for them. */}
          <div className={mergeClasses(styles.wide, styles.taskHours)}>
            <Button
              type="button"
              size="small"
              onClick={() => {
                const due = new Date(Date.now() + props.taskHours * 60 * 60 * 1000);
                props.onForm((f) => ({
                  ...f,
                  dueDate: londonToday(due),
                  dueTime: formatTime(due.toISOString()),
                }));
              }}
            >
              Due in {props.taskHours} hours
            </Button>
            <Text size={200}>
              Children’s services tasks are due within {props.taskHours} hours, with feedback to
              MARAC within a week.
            </Text>
          </div>
          <div className={styles.wide}>
            <CountedText
              path={at('risk')}
              label={ACTION_LABELS.risk}
              required
              max={MEETING_TEXT_LIMITS.risk}
              rows={2}
              value={form.risk}
              onChange={set('risk')}
            />
          </div>
          <div className={styles.wide}>
            <RadioField
              path={at('urgent')}
              label={ACTION_LABELS.urgent}
              hint="An urgent decision about a child is due within 24 hours."
              required
              value={form.urgent}
              options={URGENT_OPTIONS}
              onChange={set('urgent')}
            />
          </div>
          {props.correction && (
            <div className={styles.wide}>
              <CorrectionReason {...props.correction} />
            </div>
          )}
        </div>
        <ErrorBar error={props.failure} title="The action was not saved" />
        <div className={styles.buttons}>
          <Button type="submit" appearance="primary" disabled={props.busy}>
            {props.busy ? 'Saving…' : props.submitLabel}
          </Button>
          {props.onCancel && (
            <Button onClick={props.onCancel} disabled={props.busy}>
              Cancel
            </Button>
          )}
        </div>
      </form>
    </FieldErrors.Provider>
  );
}
