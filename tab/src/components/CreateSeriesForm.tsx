import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import type { Area, PreviewMeeting } from '#core/contracts/api.js';
import { toApiError, type ApiRequestError } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { addDays, dateHint, formatDate, londonToday } from '../format/dates.js';
import { cadenceWords } from '../format/protocol-words.js';
import { ErrorBar } from './ErrorBar.js';
import { PreviewTable } from './PreviewTable.js';

const useStyles = makeStyles({
  form: { display: 'grid', gap: '12px', marginTop: '8px' },
  row: { display: 'flex', gap: '16px', alignItems: 'flex-end', flexWrap: 'wrap' },
  note: { color: tokens.colorNeutralForeground3 },
});

const PREVIEW_COUNT = 6;
const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

/** Create the recurring Outlook meeting, after seeing the first meetings and their deadlines. */
export function CreateSeriesForm({
  area,
  onCreated,
}: {
  area: Area;
  onCreated: (a: Area) => void;
}) {
  const styles = useStyles();
  const [firstDate, setFirstDate] = useState('');
  const [until, setUntil] = useState('');
  const [preview, setPreview] = useState<{ start: string; meetings: PreviewMeeting[] } | null>(
    null,
  );
  const [errors, setErrors] = useState<{ firstDate?: string; until?: string }>({});
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const [busy, setBusy] = useState(false);

  const runPreview = async (start: string, adoptFirst: boolean) => {
    setFailure(null);
    try {
      const { cadence, ...rest } = area.protocol;
      const meetings = await api.preview({ cadence, start, count: PREVIEW_COUNT, protocol: rest });
      const first = meetings[0];
      // Offer the first date the pattern gives, so the series starts on the area's rhythm.
      const chosen = adoptFirst && first ? (first.movedFrom ?? first.date) : start;
      if (adoptFirst) setFirstDate(chosen);
      setPreview({ start: chosen, meetings });
    } catch (e) {
      setFailure(toApiError(e));
    }
  };

  useEffect(() => {
    void runPreview(addDays(londonToday(), 1), true);
    // When the form opens or the protocol changes; later previews are asked for by the user.
  }, [area.id, area.protocol]);

  const check = () => {
    const found: typeof errors = {};
    if (!isDate(firstDate)) found.firstDate = 'Enter the date of the first meeting.';
    if (until && !isDate(until)) found.until = 'Enter a date, or leave this empty.';
    else if (until && isDate(firstDate) && until <= firstDate) {
      found.until = 'The series must end after its first meeting.';
    }
    setErrors(found);
    return Object.keys(found).length === 0;
  };

  const showPreview = () => {
    if (check()) void runPreview(firstDate, false);
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!check()) return;
    setBusy(true);
    setFailure(null);
    try {
      onCreated(await api.createSeries(area.id, until ? { firstDate, until } : { firstDate }));
    } catch (e) {
      setFailure(toApiError(e));
      setBusy(false);
    }
  };

  const previewed = preview !== null && preview.start === firstDate;
  const firstInPreview = preview?.meetings[0];
  const offPattern =
    previewed && firstInPreview && (firstInPreview.movedFrom ?? firstInPreview.date) !== firstDate;
  return (
    <form
      className={styles.form}
      onSubmit={(e) => void create(e)}
      noValidate
      aria-label="Create series"
    >
      <Text>
        No Outlook series yet. Create one recurring meeting ({cadenceWords(area.protocol.cadence)},{' '}
        {area.protocol.startTime}) in the {area.mailbox} calendar; agency reps are invited.
      </Text>
      <div className={styles.row}>
        <Field
          label="First meeting"
          required
          hint={dateHint(firstDate)}
          validationMessage={errors.firstDate}
          validationState={errors.firstDate ? 'error' : 'none'}
        >
          <Input type="date" value={firstDate} onChange={(_, d) => setFirstDate(d.value)} />
        </Field>
        <Field
          label="Until (optional)"
          hint={until ? dateHint(until) : 'Leave empty for the default length'}
          validationMessage={errors.until}
          validationState={errors.until ? 'error' : 'none'}
        >
          <Input type="date" value={until} onChange={(_, d) => setUntil(d.value)} />
        </Field>
        <Button onClick={showPreview}>Preview meetings</Button>
      </div>
      {preview && (
        <PreviewTable
          meetings={preview.meetings}
          caption={`The first ${preview.meetings.length} meetings from ${formatDate(preview.start)}`}
        />
      )}
      {offPattern && (
        <Text className={styles.note}>
          {formatDate(firstDate)} is not on the area’s pattern: the first meeting would be{' '}
          {formatDate(firstInPreview.date)}.
        </Text>
      )}
      <ErrorBar error={failure} title="The series was not created" />
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={busy || !previewed}>
          {busy ? 'Creating…' : 'Create series'}
        </Button>
        {!previewed && (
          <Text className={styles.note}>Preview the meetings for this date first.</Text>
        )}
      </div>
    </form>
  );
}
