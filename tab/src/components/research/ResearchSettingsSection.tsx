import {
  Button,
  Input,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { deputyPromptValues, type DeputyPrompt } from '#core/contracts/research-api.js';
import { researchSharingValues, type ResearchSharing } from '#core/contracts/research.js';
import { toApiError, type ApiRequestError } from '../../api/client.js';
import { researchApi, type ResearchSettings } from '../../api/research.js';
import { fieldProblems } from '../agenda/field-problems.js';
import { useProblems } from '../agenda/use-problems.js';
import { ErrorBar } from '../ErrorBar.js';
import { ErrorSummary } from '../referrals/form/ErrorSummary.js';
import { F, FieldErrors } from '../referrals/form/form-fields.js';
import { Section } from '../Section.js';
import { useLoad } from '../use-load.js';
import { readReminderDays } from './reminder-days.js';
import { DEPUTY_WORDS, reminderWords, SHARING_WORDS } from './research-words.js';

const useStyles = makeStyles({
  lines: { margin: 0, display: 'grid', gap: '6px' },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
  form: { display: 'grid', gap: '12px', gridTemplateColumns: 'minmax(0, 1fr)', marginTop: '12px' },
  hint: { display: 'block', color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

/**
 * How the area's research runs (coordinators): how far agencies' research is shared, when
 * deputies are asked, and the reminder days. Each choice says in one line what it means.
 */
export function ResearchSettingsSection({ areaId }: { areaId: string }) {
  const styles = useStyles();
  const load = useLoad(() => researchApi.settings(areaId), [areaId]);
  const [editing, setEditing] = useState(false);
  const settings = load.data;
  return (
    <Section
      id="research-settings-heading"
      title="Research"
      actions={
        settings &&
        !editing && <Button onClick={() => setEditing(true)}>Edit research settings</Button>
      }
    >
      {load.loading && !settings && <Spinner size="small" label="Loading research settings" />}
      <ErrorBar error={load.error} title="The research settings could not be loaded" />
      {settings && !editing && (
        <dl className={styles.lines} data-testid="research-settings">
          <div>
            <dt className={styles.term}>Sharing: {SHARING_WORDS[settings.sharing].title}</dt>
            <dd className={styles.value}>{SHARING_WORDS[settings.sharing].means}</dd>
          </div>
          <div>
            <dt className={styles.term}>Deputies: {DEPUTY_WORDS[settings.deputies].title}</dt>
            <dd className={styles.value}>{DEPUTY_WORDS[settings.deputies].means}</dd>
          </div>
          <div>
            <dt className={styles.term}>{reminderWords(settings.reminderDays)}</dt>
            <dd className={styles.value}>Only reps who have not answered are reminded.</dd>
          </div>
        </dl>
      )}
      {settings && editing && (
        <SettingsForm
          areaId={areaId}
          settings={settings}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            load.setData(saved);
            setEditing(false);
          }}
        />
      )}
    </Section>
  );
}

function SettingsForm(props: {
  areaId: string;
  settings: ResearchSettings;
  onCancel: () => void;
  onSaved: (settings: ResearchSettings) => void;
}) {
  const styles = useStyles();
  const [sharing, setSharing] = useState<ResearchSharing>(props.settings.sharing);
  const [deputies, setDeputies] = useState<DeputyPrompt>(props.settings.deputies);
  const [days, setDays] = useState(props.settings.reminderDays.join(', '));
  const check = useProblems();
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setFailure(null);
    const read = readReminderDays(days);
    if ('problem' in read)
      return check.fail([{ path: 'reminderDays', message: `Reminder days: ${read.problem}` }]);
    check.clear();
    setBusy(true);
    try {
      props.onSaved(
        await researchApi.updateSettings(props.areaId, {
          sharing,
          deputies,
          reminderDays: read.days,
        }),
      );
    } catch (e) {
      const error = toApiError(e);
      // "body.reminderDays.1" is about the reminder days as a whole: the one field they are typed in.
      const details = error.details.map((d) => ({ ...d, path: d.path.replace(/\.\d+$/, '') }));
      const onFields = fieldProblems(details, ['sharing', 'deputies', 'reminderDays']);
      if (onFields) check.fail(onFields);
      else setFailure(error);
      setBusy(false);
    }
  };

  const preview = readReminderDays(days);
  const choice = (title: string, means: string) => (
    <>
      {title} <span className={styles.hint}>{means}</span>
    </>
  );
  return (
    <form
      className={styles.form}
      aria-label="Research settings"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <ErrorSummary
        problems={check.problems}
        attempt={check.attempt}
        titleId="research-settings-problems"
      />
      <FieldErrors.Provider value={check.byField}>
        <F path="sharing" label="Who reads an agency’s research, and when">
          <RadioGroup value={sharing} onChange={(_, d) => setSharing(d.value as ResearchSharing)}>
            {researchSharingValues.map((v) => (
              <Radio
                key={v}
                value={v}
                label={choice(SHARING_WORDS[v].title, SHARING_WORDS[v].means)}
              />
            ))}
          </RadioGroup>
        </F>
        <F path="deputies" label="When deputies are asked for research">
          <RadioGroup value={deputies} onChange={(_, d) => setDeputies(d.value as DeputyPrompt)}>
            {deputyPromptValues.map((v) => (
              <Radio
                key={v}
                value={v}
                label={choice(DEPUTY_WORDS[v].title, DEPUTY_WORDS[v].means)}
              />
            ))}
          </RadioGroup>
        </F>
        <F
          path="reminderDays"
          label="Reminder days"
          hint="Working days before the meeting on which reps who have not answered are reminded, such as 3, 1. Up to 4 days; leave empty for no reminders."
        >
          <Input value={days} onChange={(_, d) => setDays(d.value)} />
        </F>
      </FieldErrors.Provider>
      <ErrorBar error={failure} title="The research settings were not saved" />
      {'days' in preview && <Text>{`${reminderWords(preview.days)}.`}</Text>}
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save research settings'}
        </Button>
        <Button onClick={props.onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
