import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { researchApi } from '../../api/research.js';
import { formatDate, plural } from '../../format/dates.js';
import { ErrorBar } from '../ErrorBar.js';
import { useLoad } from '../use-load.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { deadlineWords } from './deadline-words.js';
import { formFrom, type ResearchForm } from './research-form.js';
import { ResearchCase } from './ResearchCase.js';

const useStyles = makeStyles({
  title: { display: 'block', margin: '4px 0 4px' },
  sub: { display: 'block', color: tokens.colorNeutralForeground2, marginBottom: '12px' },
  bar: { marginBottom: '12px' },
  tally: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '8px 16px',
    margin: '0 0 12px',
  },
});

const UNANSWERED = ['not-sent', 'sent', 'seen'];

/**
 * A rep's research for one meeting and agency: the deadline in words, every case with its form,
 * and "Nothing known" for the cases not answered. Until the deadline everything can be changed;
 * after it, the answers are read back and nothing can be sent.
 */
export function AgencyResearchView(props: { meetingId: string; agencyId: string }) {
  const styles = useStyles();
  const load = useLoad(
    () => researchApi.agency(props.meetingId, props.agencyId),
    [props.meetingId, props.agencyId],
  );
  const data = load.data;
  const [forms, setForms] = useState<Record<string, ResearchForm>>({});
  const [saved, setSaved] = useState<Record<string, string>>({});
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  // A case's form starts from what the server holds, once; what was typed is never replaced.
  useEffect(() => {
    if (!data) return;
    const fresh = data.cases.filter((c) => !(c.referralId in forms));
    if (fresh.length === 0) return;
    const made = fresh.map((c) => [c.referralId, formFrom(c.response, c.subjects.children.length)]);
    setForms((f) => ({ ...Object.fromEntries(made), ...f }));
    setSaved((s) => ({
      ...Object.fromEntries(made.map(([id, f]) => [id, JSON.stringify(f)])),
      ...s,
    }));
    setExpanded((open) => {
      if (open) return open;
      const first = data.cases.find((c) => c.status !== 'submitted') ?? data.cases[0];
      return new Set(first ? [first.referralId] : []);
    });
  }, [data]);

  const dirty = (id: string) => forms[id] !== undefined && JSON.stringify(forms[id]) !== saved[id];
  const anyDirty = data?.cases.some((c) => dirty(c.referralId)) ?? false;
  useEffect(() => {
    if (!anyDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [anyDirty]);

  if (!data)
    return (
      <>
        {load.loading && <Spinner size="small" label="Loading your research" />}
        <ErrorBar error={load.error} title="Your research could not be loaded" />
      </>
    );

  // "Nothing known" never covers a case with words typed here and not yet saved.
  const unanswered = data.cases.filter(
    (c) => UNANSWERED.includes(c.status) && !dirty(c.referralId),
  );
  const answered = data.cases.filter((c) => ['submitted', 'nothing-known'].includes(c.status));
  const toggle = (id: string) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <>
      <Title2 as="h1" className={styles.title}>
        {`Research for the MARAC on ${formatDate(data.meetingDate)}`}
      </Title2>
      <Text className={styles.sub}>{data.agencyName}</Text>
      {data.open ? (
        <MessageBar intent="info" layout="multiline" className={styles.bar} data-testid="deadline">
          <MessageBarBody>
            <MessageBarTitle>Due by {deadlineWords(data.deadline)}</MessageBarTitle>
            You can save drafts, submit and change your answers until then.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar
          intent="warning"
          layout="multiline"
          className={styles.bar}
          data-testid="deadline"
        >
          <MessageBarBody>
            <MessageBarTitle>Closed</MessageBarTitle>
            The deadline, {deadlineWords(data.deadline)}, has passed: your research can be read but
            no longer changed. If something must be added, tell the MARAC coordinator.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.tally}>
        <Text data-testid="research-tally">
          {`${answered.length} of ${plural(data.cases.length, 'case')} answered`}
        </Text>
        {data.open && unanswered.length > 0 && (
          <Button onClick={() => setAsking(true)}>Nothing known for the unanswered cases</Button>
        )}
      </div>
      {done && (
        <MessageBar intent="success" className={styles.bar} role="status">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {data.cases.length === 0 && <Text>This meeting has no cases for your agency.</Text>}
      {data.cases.map((item, index) => (
        <ResearchCase
          key={item.referralId}
          meetingId={data.meetingId}
          agencyId={data.agencyId}
          index={index}
          item={item}
          open={data.open}
          form={forms[item.referralId] ?? formFrom(item.response, item.subjects.children.length)}
          dirty={dirty(item.referralId)}
          onForm={(update) =>
            setForms((f) => {
              const current =
                f[item.referralId] ?? formFrom(item.response, item.subjects.children.length);
              return { ...f, [item.referralId]: update(current) };
            })
          }
          expanded={expanded?.has(item.referralId) ?? false}
          onToggle={() => toggle(item.referralId)}
          onSaved={(form) => {
            setSaved((s) => ({ ...s, [item.referralId]: JSON.stringify(form) }));
            load.reload();
          }}
        />
      ))}
      {asking && (
        <ConfirmDialog
          title={`Record nothing known for ${plural(unanswered.length, 'case')}?`}
          confirmLabel="Record nothing known"
          busyLabel="Recording…"
          failureTitle="Nothing was recorded"
          action={`nothing-known:${unanswered.map((c) => c.referralId).join(',')}`}
          onClose={() => setAsking(false)}
          onConfirm={async (key) => {
            const ids = unanswered.map((c) => c.referralId);
            const result = await researchApi.nothingKnown(data.meetingId, data.agencyId, ids, key);
            setAsking(false);
            setDone(
              `Nothing known recorded for ${plural(result.marked.length, 'case')}` +
                (result.kept.length > 0
                  ? `; ${plural(result.kept.length, 'case')} kept as they were (already answered).`
                  : '.'),
            );
            // The marked cases' forms start again from what the server now holds.
            setForms((f) =>
              Object.fromEntries(Object.entries(f).filter(([id]) => !result.marked.includes(id))),
            );
            setSaved((s) =>
              Object.fromEntries(Object.entries(s).filter(([id]) => !result.marked.includes(id))),
            );
            load.reload();
          }}
        >
          <p>
            {`${data.agencyName} will be recorded as having no record of ${unanswered
              .map((c) => c.reference)
              .join(', ')}. Cases with a draft or a submission are kept as they are.`}
          </p>
          <p>You can still open any of these cases and submit research before the deadline.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
