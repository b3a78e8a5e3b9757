import {
  Button,
  Card,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { AgencyResearch } from '#core/contracts/research-api.js';
import { toApiError, type ApiRequestError } from '../../api/client.js';
import { researchApi } from '../../api/research.js';
import { formatDateTime } from '../../format/dates.js';
import { useProblems } from '../agenda/use-problems.js';
import { ErrorBar } from '../ErrorBar.js';
import { ErrorSummary } from '../referrals/form/ErrorSummary.js';
import { FieldErrors } from '../referrals/form/form-fields.js';
import { useActionKey } from '../referrals/form/use-action-key.js';
import { CaseSubjects } from './CaseSubjects.js';
import { checkResearch, serverProblems, toResponse, type ResearchForm } from './research-form.js';
import { ResearchCaseForm } from './ResearchCaseForm.js';
import { ResponseView } from './ResponseView.js';
import { StatusBadge } from './StatusBadge.js';

type Case = AgencyResearch['cases'][number];

const useStyles = makeStyles({
  card: { padding: '12px 16px', marginBottom: '12px', overflowWrap: 'anywhere' },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px 12px' },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: 600, flexGrow: 1 },
  when: { display: 'block', color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: '8px', margin: '8px 0 4px' },
});

/**
 * One case of a rep's research: who it is about, its status and who last changed it, and the
 * form (or, after the deadline, the answers read back). The form's words live in the page above,
 * so closing the case, a refusal or a reload never loses what was typed.
 */
export function ResearchCase(props: {
  meetingId: string;
  agencyId: string;
  index: number;
  item: Case;
  /** The deadline has not passed: the form can be changed. */
  open: boolean;
  form: ResearchForm;
  dirty: boolean;
  onForm: (update: (form: ResearchForm) => ResearchForm) => void;
  expanded: boolean;
  onToggle: () => void;
  onSaved: (form: ResearchForm) => void;
}) {
  const styles = useStyles();
  const { item, form } = props;
  const prefix = `case${props.index}`;
  const childNames = item.subjects.children.map((c) => c.name);
  const check = useProblems();
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const submitKey = useActionKey();
  const submitted = item.status === 'submitted';
  const prefixed = (found: { path: string; message: string }[]) =>
    found.map((p) => ({ path: `${prefix}.${p.path}`, message: p.message }));

  async function send(submit: boolean) {
    if (busy) return;
    setNotice(null);
    setFailure(null);
    const found = checkResearch(form, childNames, submit);
    if (found.length > 0) return check.fail(prefixed(found));
    check.clear();
    setBusy(submit ? 'submit' : 'draft');
    const response = toResponse(form);
    try {
      const ids = [props.meetingId, item.referralId, props.agencyId] as const;
      if (submit)
        await researchApi.submit(...ids, response, submitKey.keyFor(JSON.stringify(response)));
      else await researchApi.saveDraft(...ids, response);
      submitKey.done();
      setNotice(submit ? 'Submitted.' : 'Draft saved.');
      props.onSaved(form);
    } catch (e) {
      const error = toApiError(e);
      const onFields = serverProblems(error.details, childNames);
      if (onFields) check.fail(prefixed(onFields));
      else setFailure(error);
    } finally {
      setBusy(null);
    }
  }

  const headingId = `${prefix}-heading`;
  return (
    <Card
      className={styles.card}
      role="region"
      aria-labelledby={headingId}
      data-testid="research-case"
      data-reference={item.reference}
    >
      <div className={styles.head}>
        <h2 id={headingId} className={styles.h2}>
          {item.reference}
        </h2>
        <StatusBadge cell={{ status: item.status }} />
        <Button
          aria-expanded={props.expanded}
          aria-controls={`${prefix}-body`}
          onClick={props.onToggle}
        >
          {props.expanded ? 'Hide' : props.open ? 'Open the form' : 'Show the answers'}
        </Button>
      </div>
      <Text className={styles.when} data-testid="last-change">
        {item.lastChange
          ? `Last changed by ${item.lastChange.by}, ${formatDateTime(item.lastChange.at)}`
          : 'Not changed yet'}
        {props.dirty && ' · changes not saved yet'}
      </Text>
      {props.expanded && (
        <div id={`${prefix}-body`}>
          <CaseSubjects subjects={item.subjects} />
          {props.open ? (
            <FieldErrors.Provider value={check.byField}>
              <ErrorSummary
                problems={check.problems}
                attempt={check.attempt}
                titleId={`${prefix}-problems`}
              />
              <form
                aria-label={`Research on ${item.reference}`}
                onSubmit={(e) => e.preventDefault()}
                noValidate
              >
                <ResearchCaseForm
                  prefix={prefix}
                  form={form}
                  childNames={childNames}
                  onForm={props.onForm}
                />
                <div aria-live="polite">
                  <ErrorBar error={failure} title="Your research was not saved" />
                  {notice && (
                    <MessageBar intent="success">
                      <MessageBarBody>{notice}</MessageBarBody>
                    </MessageBar>
                  )}
                </div>
                <div className={styles.buttons}>
                  {!submitted && (
                    <Button disabled={busy !== null} onClick={() => void send(false)}>
                      {busy === 'draft' ? 'Saving…' : 'Save draft'}
                    </Button>
                  )}
                  <Button
                    appearance="primary"
                    disabled={busy !== null}
                    onClick={() => void send(true)}
                  >
                    {busy === 'submit' ? 'Submitting…' : submitted ? 'Submit changes' : 'Submit'}
                  </Button>
                </div>
              </form>
            </FieldErrors.Provider>
          ) : item.response ? (
            <ResponseView response={item.response} childNames={childNames} />
          ) : (
            <Text>Your agency gave no research on this case.</Text>
          )}
        </div>
      )}
    </Card>
  );
}
