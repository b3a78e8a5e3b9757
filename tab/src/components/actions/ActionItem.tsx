import { Button, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { toApiError } from '../../api/client.js';
import { actionsApi, type CaseNote, type OwnedAction } from '../../api/actions.js';
import { formatDate, formatDateTime } from '../../format/dates.js';
import { serverFormProblems } from '../meeting/meeting-form.js';
import { ErrorSummary } from '../referrals/form/ErrorSummary.js';
import type { Problem } from '../referrals/form/check-referral.js';
import {
  DateField,
  FieldErrors,
  RadioField,
  TextAreaField,
  TextField,
} from '../referrals/form/form-fields.js';
import {
  checkOutcome,
  EMPTY_OUTCOME,
  OUTCOME_OPTIONS,
  outcomeBodyOf,
  type OutcomeForm,
} from './action-form.js';

const useStyles = makeStyles({
  item: {
    display: 'grid',
    gap: '8px',
    padding: '12px 16px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowWrap: 'anywhere',
  },
  head: { display: 'flex', flexWrap: 'wrap', gap: '4px 12px', alignItems: 'baseline' },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: '2px 12px',
    margin: 0,
    '@media (max-width: 400px)': { gridTemplateColumns: '1fr' },
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0 },
  status: {
    display: 'inline-block',
    padding: '0 6px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
  },
  overdue: {
    display: 'inline-block',
    padding: '0 6px',
    border: `2px solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusSmall,
    fontWeight: tokens.fontWeightSemibold,
  },
  history: { margin: 0, paddingLeft: '20px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'end' },
  buttons: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  note: { width: '100%', fontFamily: tokens.fontFamilyMonospace },
  muted: { color: tokens.colorNeutralForeground2 },
});

const STATUS_WORDS: Record<OwnedAction['status'], string> = {
  open: 'Open',
  ongoing: 'Ongoing',
  done: 'Done',
  'not-done': 'Not done',
  cannot: 'Cannot be done',
};
const HISTORY_WORDS = { done: 'Done', update: 'New due date', cannot: 'Cannot be done' } as const;
const FIELDS = ['outcome', 'note', 'dueDate', 'dueTime', 'reason'] as const;

/** One action as its owner agency sees it: what, the risk, due, its history, the three ways, the case note. */
export function ActionItem(props: {
  action: OwnedAction;
  index: number;
  onChanged: (a: OwnedAction) => void;
}) {
  const styles = useStyles();
  const { action: a } = props;
  const prefix = `action${props.index}`;
  const headingId = `${prefix}-heading`;
  const [form, setForm] = useState<OutcomeForm>(EMPTY_OUTCOME);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [note, setNote] = useState<CaseNote | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const set =
    <K extends keyof OutcomeForm>(key: K) =>
    (value: OutcomeForm[K]) =>
      setForm((f) => ({ ...f, [key]: value }));

  const save = async () => {
    const found = checkOutcome(form, prefix);
    setAttempt((n) => n + 1);
    setProblems(found);
    setSaved(null);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const updated = await actionsApi.update(a.id, outcomeBodyOf(form, a.version));
      setForm(EMPTY_OUTCOME);
      setSaved(
        form.outcome === 'done'
          ? 'Marked done.'
          : form.outcome === 'update'
            ? 'The new due date is saved.'
            : 'Recorded: this action cannot be done.',
      );
      props.onChanged(updated);
    } catch (e) {
      const error = toApiError(e);
      setProblems(
        error.details.length > 0
          ? serverFormProblems(error.details, prefix, FIELDS)
          : [{ path: `${prefix}.outcome`, message: error.message }],
      );
    }
    setBusy(false);
  };

  const openNote = async () => {
    try {
      setNote(await actionsApi.caseNote(a.id));
    } catch (e) {
      setProblems([{ path: `${prefix}.outcome`, message: toApiError(e).message }]);
    }
  };
  const copy = async () => {
    if (!note) return;
    try {
      await navigator.clipboard.writeText(note.text);
      setCopied('Copied. Paste it into your agency’s case system as a “MARAC” case note.');
    } catch {
      setCopied('Your browser did not allow copying: select the text and copy it yourself.');
    }
  };

  const errors = Object.fromEntries(problems.map((p) => [p.path, p.message]));
  return (
    <li
      className={styles.item}
      data-testid="my-action"
      data-reference={a.reference}
      data-status={a.status}
    >
      <div className={styles.head}>
        <h3 id={headingId} className={styles.title}>
          {a.reference}: {a.what}
        </h3>
        <span className={styles.status} data-testid="action-status">
          {STATUS_WORDS[a.status]}
        </span>
        {a.overdue && <span className={styles.overdue}>Overdue</span>}
      </div>
      <dl className={styles.facts}>
        <dt className={styles.term}>Agency</dt>
        <dd className={styles.dd}>
          {a.ownerAgencyName}
          {a.ownerPerson ? `: ${a.ownerPerson}` : ''}
        </dd>
        <dt className={styles.term}>Due</dt>
        <dd className={styles.dd}>{formatDateTime(a.dueAt)} (UK time)</dd>
        <dt className={styles.term}>Risk it addresses</dt>
        <dd className={styles.dd}>{a.risk}</dd>
        <dt className={styles.term}>Agreed at</dt>
        <dd className={styles.dd}>the MARAC of {formatDate(a.meetingDate)}</dd>
        {a.feedbackBy && (
          <>
            <dt className={styles.term}>Feedback to MARAC</dt>
            <dd className={styles.dd}>by {formatDate(a.feedbackBy)}</dd>
          </>
        )}
      </dl>
      {a.history.length > 0 && (
        <ul className={styles.history} aria-label={`Updates to the action for ${a.reference}`}>
          {a.history.map((h) => (
            <li key={h.at}>
              {HISTORY_WORDS[h.outcome]}
              {h.newDueAt ? ` (now due ${formatDateTime(h.newDueAt)})` : ''}, {formatDateTime(h.at)}
              , {h.by}: {h.words}
            </li>
          ))}
        </ul>
      )}
      {saved && (
        <Text role="status" weight="semibold">
          {saved}
        </Text>
      )}
      {a.incomplete && (
        <FieldErrors.Provider value={errors}>
          <form
            noValidate
            aria-label={`What happened to the action for ${a.reference}`}
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <ErrorSummary problems={problems} attempt={attempt} titleId={`${prefix}-problems`} />
            <RadioField
              path={`${prefix}.outcome`}
              label="What happened"
              value={form.outcome}
              options={OUTCOME_OPTIONS}
              onChange={set('outcome')}
            />
            {form.outcome === 'done' && (
              <TextAreaField
                path={`${prefix}.note`}
                label="What was done"
                value={form.note}
                onChange={set('note')}
              />
            )}
            {form.outcome === 'update' && (
              <div className={styles.row}>
                <DateField
                  path={`${prefix}.dueDate`}
                  label="New due date"
                  value={form.dueDate}
                  onChange={set('dueDate')}
                />
                <TextField
                  path={`${prefix}.dueTime`}
                  label="New due time"
                  hint="24-hour UK time, such as 14:30"
                  value={form.dueTime}
                  onChange={set('dueTime')}
                />
              </div>
            )}
            {(form.outcome === 'update' || form.outcome === 'cannot') && (
              <TextAreaField
                path={`${prefix}.reason`}
                label={form.outcome === 'update' ? 'Why the date changes' : 'Why it cannot be done'}
                value={form.reason}
                onChange={set('reason')}
              />
            )}
            <div className={styles.buttons}>
              <Button type="submit" appearance="primary" disabled={busy}>
                {busy ? 'Saving…' : 'Save'}
              </Button>
            </div>
          </form>
        </FieldErrors.Provider>
      )}
      {!a.incomplete && problems.length > 0 && (
        <ErrorSummary problems={problems} attempt={attempt} titleId={`${prefix}-problems`} />
      )}
      <div className={styles.buttons}>
        {!note && (
          <Button onClick={() => void openNote()} aria-describedby={headingId}>
            Show the case note
          </Button>
        )}
      </div>
      {note && (
        <div>
          <label htmlFor={`${prefix}-note`} className={styles.term}>
            Case note for {note.agencyName}
          </label>
          <Text as="p" className={styles.muted}>
            For your agency’s own case system. It is confidential: see the statement at its end.
          </Text>
          <Textarea
            id={`${prefix}-note`}
            className={styles.note}
            readOnly
            resize="vertical"
            rows={12}
            value={note.text}
            data-testid="case-note"
          />
          <div className={styles.buttons}>
            <Button onClick={() => void copy()} aria-describedby={headingId}>
              Copy the case note
            </Button>
          </div>
          {copied && <Text role="status">{copied}</Text>}
        </div>
      )}
    </li>
  );
}
