import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { MeetingRun, ReviewItem } from '#core/contracts/meeting-api.js';
import { toApiError } from '../../api/client.js';
import { meetingRunApi } from '../../api/meeting-run.js';
import { formatDate } from '../../format/dates.js';
import { ErrorSummary } from '../referrals/form/ErrorSummary.js';
import type { Problem } from '../referrals/form/check-referral.js';
import { DateField, FieldErrors, RadioField, TextField } from '../referrals/form/form-fields.js';
import { Section } from '../Section.js';
import { ActionSummary } from './ActionSummary.js';
import {
  checkReview,
  EMPTY_REVIEW,
  reviewBodyOf,
  serverFormProblems,
  type ReviewForm,
} from './meeting-form.js';
import { NOT_DONE_OPTIONS, REVIEW_OPTIONS } from './meeting-words.js';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: '12px' },
  item: {
    display: 'grid',
    gap: '8px',
    padding: '12px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px 16px', alignItems: 'end' },
});

const OUTCOME_WORDS = {
  done: 'Done',
  ongoing: 'Ongoing',
  'not-done': 'Not done',
} as const;
const REASON_WORDS = Object.fromEntries(NOT_DONE_OPTIONS) as Record<string, string>;

/** Incomplete actions from earlier meetings: each done, ongoing with a new date, or not done and why. */
export function ReviewSection(props: { run: MeetingRun; onChanged: () => void }) {
  const styles = useStyles();
  const { run } = props;
  return (
    <Section id="review-heading" title="Actions from earlier meetings">
      {run.review.length === 0 ? (
        <Text data-testid="review-empty">
          No incomplete actions from earlier meetings: there is nothing to review.
        </Text>
      ) : (
        <ul className={styles.list} aria-labelledby="review-heading">
          {run.review.map((item, i) => (
            <li key={item.action.id} className={styles.item} data-testid="review-item">
              <ActionSummary action={item.action} />
              <Text className={styles.muted} size={200}>
                Agreed at the MARAC of {formatDate(item.meetingDate)}.
                {item.outcome &&
                  ` Reviewed: ${OUTCOME_WORDS[item.outcome]}${
                    item.notDoneReason ? ` (${REASON_WORDS[item.notDoneReason]})` : ''
                  }.`}
              </Text>
              {run.me.mayRecord && run.state === 'not-started' && (
                <Text className={styles.muted}>
                  The review is recorded once the chair starts the meeting.
                </Text>
              )}
              {run.me.mayRecord && run.state === 'in-progress' && (
                <ReviewItemForm
                  meetingId={run.meetingId}
                  item={item}
                  prefix={`review${i}`}
                  onChanged={props.onChanged}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function ReviewItemForm(props: {
  meetingId: string;
  item: ReviewItem;
  prefix: string;
  onChanged: () => void;
}) {
  const styles = useStyles();
  const { prefix } = props;
  const [form, setForm] = useState<ReviewForm>(EMPTY_REVIEW);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof ReviewForm>(key: K) =>
    (value: ReviewForm[K]) =>
      setForm((f) => ({ ...f, [key]: value }));

  const save = async () => {
    const found = checkReview(form, prefix);
    setAttempt((a) => a + 1);
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await meetingRunApi.review(
        props.meetingId,
        props.item.action.id,
        reviewBodyOf(form, props.item.action.version),
      );
      setForm(EMPTY_REVIEW);
      props.onChanged();
    } catch (e) {
      const error = toApiError(e);
      setProblems(
        error.details.length > 0
          ? serverFormProblems(error.details, prefix, ['outcome', 'dueDate', 'dueTime', 'reason'])
          : [{ path: `${prefix}.outcome`, message: error.message }],
      );
      if (error.code === 'VERSION_CONFLICT') props.onChanged();
    }
    setBusy(false);
  };

  const errors = Object.fromEntries(problems.map((p) => [p.path, p.message]));
  return (
    <FieldErrors.Provider value={errors}>
      <form
        noValidate
        aria-label={`Review of the action for ${props.item.action.reference}`}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <ErrorSummary problems={problems} attempt={attempt} titleId={`${prefix}-problems`} />
        <RadioField
          path={`${prefix}.outcome`}
          label="Outcome"
          value={form.outcome}
          options={REVIEW_OPTIONS}
          onChange={set('outcome')}
        />
        {form.outcome === 'ongoing' && (
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
              hint="24-hour, such as 14:30"
              value={form.dueTime}
              onChange={set('dueTime')}
            />
          </div>
        )}
        {form.outcome === 'not-done' && (
          <RadioField
            path={`${prefix}.reason`}
            label="Why it was not done"
            value={form.reason}
            options={NOT_DONE_OPTIONS}
            onChange={set('reason')}
          />
        )}
        <Button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save review'}
        </Button>
      </form>
    </FieldErrors.Provider>
  );
}
