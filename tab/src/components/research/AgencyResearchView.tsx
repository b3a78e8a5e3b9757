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
import { deadlineWords } from './deadline-words.js';
import { NothingKnownDialog, nothingKnownWords } from './NothingKnownDialog.js';
import { ResearchCase } from './ResearchCase.js';
import { useResearchForms } from './use-research-forms.js';

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
  const forms = useResearchForms(data?.cases ?? null);
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  // At first the first case not submitted is open (the one to work on); then the rep chooses.
  useEffect(() => {
    if (!data || expanded) return;
    const first = data.cases.find((c) => c.status !== 'submitted') ?? data.cases[0];
    setExpanded(new Set(first ? [first.referralId] : []));
  }, [data]);

  if (!data)
    return (
      <>
        {load.loading && <Spinner size="small" label="Loading your research" />}
        <ErrorBar error={load.error} title="Your research could not be loaded" />
      </>
    );

  // "Nothing known" never covers a case with words typed here and not yet saved.
  const unanswered = data.cases.filter(
    (c) => UNANSWERED.includes(c.status) && !forms.dirty(c.referralId),
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
          form={forms.formOf(item)}
          dirty={forms.dirty(item.referralId)}
          onForm={(change) => forms.update(item, change)}
          expanded={expanded?.has(item.referralId) ?? false}
          onToggle={() => toggle(item.referralId)}
          onSaved={(form) => {
            forms.markSaved(item.referralId, form);
            load.reload();
          }}
        />
      ))}
      {asking && (
        <NothingKnownDialog
          research={data}
          cases={unanswered}
          onClose={() => setAsking(false)}
          onDone={(result) => {
            setAsking(false);
            setDone(nothingKnownWords(result));
            forms.forget(result.marked);
            load.reload();
          }}
        />
      )}
    </>
  );
}
