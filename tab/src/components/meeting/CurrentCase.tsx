import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RefObject } from 'react';
import type { MeetingRun, RunCaseDetail } from '#core/contracts/meeting-api.js';
import type { ApiRequestError } from '../../api/client.js';
import { ErrorBar } from '../ErrorBar.js';
import { Section } from '../Section.js';
import { CaseActions } from './CaseActions.js';
import { CaseResearch } from './CaseResearch.js';
import { CaseSummary } from './CaseSummary.js';
import { CaseTimer } from './CaseTimer.js';
import { NotesForm } from './NotesForm.js';
import { CASE_STATE_WORDS } from './meeting-words.js';

const useStyles = makeStyles({
  heading: {
    margin: '0',
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  line: { display: 'flex', flexWrap: 'wrap', gap: '4px 16px', margin: '0 0 8px' },
  h3: { margin: '16px 0 8px', fontSize: tokens.fontSizeBase400, fontWeight: 600 },
});

/** The agencies an action may be owned by: those on the meeting (register and research). */
function agenciesOf(run: MeetingRun, detail: RunCaseDetail) {
  const byId = new Map<string, string>();
  for (const a of run.attendance)
    if (a.agencyId && a.agencyName) byId.set(a.agencyId, a.agencyName);
  for (const r of detail.research) byId.set(r.agencyId, r.agencyName);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The case on show (the one being heard, or one picked to read): the referrer's summary, the
 * research, the notes and the actions. Its heading takes the focus when the chair moves on.
 */
export function CurrentCase(props: {
  run: MeetingRun;
  referralId: string;
  detail: RunCaseDetail | null;
  error: ApiRequestError | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onChanged: () => void;
}) {
  const styles = useStyles();
  const { run } = props;
  const item = run.cases.find((c) => c.referralId === props.referralId);
  const detail = props.detail?.case.referralId === props.referralId ? props.detail : null;
  const closed = run.state === 'closed';
  const editable = run.me.mayRecord;
  return (
    <Section id="case-heading" title="The case">
      <div data-testid="current-case" data-reference={item?.reference}>
        <div className={styles.line}>
          <h2 ref={props.headingRef} tabIndex={-1} className={styles.heading}>
            Case {item?.reference}
          </h2>
          {item && <Text>{CASE_STATE_WORDS[item.state]}</Text>}
          {item?.state === 'current' && (
            <CaseTimer item={item} targetMinutes={run.caseTargetMinutes} />
          )}
        </div>
        <ErrorBar error={props.error} title="The case could not be loaded" />
        {!detail && !props.error && <Spinner size="small" label="Loading the case" />}
        {detail && (
          <>
            <h3 className={styles.h3}>Referrer’s summary</h3>
            <CaseSummary summary={detail.summary} />
            <h3 className={styles.h3}>Research</h3>
            <CaseResearch detail={detail} />
            <h3 className={styles.h3}>Notes</h3>
            <NotesForm
              key={props.referralId}
              meetingId={run.meetingId}
              referralId={props.referralId}
              notes={detail.notes}
              editable={editable}
              closed={closed}
              onSaved={props.onChanged}
            />
            <h3 className={styles.h3}>Actions</h3>
            <CaseActions
              key={`actions-${props.referralId}`}
              meetingId={run.meetingId}
              referralId={props.referralId}
              actions={detail.actions}
              agencies={agenciesOf(run, detail)}
              taskHours={run.actionTaskHours}
              editable={editable}
              closed={closed}
              onChanged={props.onChanged}
            />
          </>
        )}
      </div>
    </Section>
  );
}
