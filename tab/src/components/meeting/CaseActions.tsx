import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { MeetingAction } from '#core/contracts/meeting-api.js';
import { toApiError, type ApiRequestError } from '../../api/client.js';
import { meetingRunApi } from '../../api/meeting-run.js';
import type { Problem } from '../referrals/form/check-referral.js';
import { useActionKey } from '../referrals/form/use-action-key.js';
import { ActionEditor } from './ActionEditor.js';
import { ActionSummary } from './ActionSummary.js';
import { ConflictPanel } from './ConflictPanel.js';
import {
  actionBodyOf,
  actionFormOf,
  checkAction,
  EMPTY_ACTION,
  serverFormProblems,
  type ActionForm,
} from './meeting-form.js';
import { useVersionedDraft } from './use-versioned-draft.js';

const FIELDS = ['ownerAgencyId', 'ownerPerson', 'what', 'dueDate', 'dueTime', 'risk', 'urgent'];

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: '0 0 16px', display: 'grid', gap: '8px' },
  item: {
    display: 'grid',
    gap: '8px',
    padding: '8px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  h4: { margin: '8px 0', fontSize: tokens.fontSizeBase300, fontWeight: 600 },
});

type Agencies = readonly { id: string; name: string }[];

/** The problems of a failed save: the server's field details, or its words on the first field. */
function problemsOf(error: ApiRequestError, prefix: string): Problem[] {
  return error.details.length > 0 ? serverFormProblems(error.details, prefix, FIELDS) : [];
}

/** The actions agreed on a case, and (chair, coordinator) the form for the next one. */
export function CaseActions(props: {
  meetingId: string;
  referralId: string;
  actions: MeetingAction[];
  agencies: Agencies;
  taskHours: number;
  editable: boolean;
  closed: boolean;
  onChanged: () => void;
}) {
  const styles = useStyles();
  return (
    <>
      {props.actions.length === 0 ? (
        <Text block>No actions agreed yet.</Text>
      ) : (
        <ul className={styles.list} aria-label="Actions agreed">
          {props.actions.map((a) => (
            <li key={a.id} className={styles.item}>
              {props.editable ? (
                <EditableAction {...props} action={a} />
              ) : (
                <ActionSummary action={a} />
              )}
            </li>
          ))}
        </ul>
      )}
      {props.editable && !props.closed && (
        <>
          <h4 className={styles.h4}>Agree an action</h4>
          <NewAction {...props} />
        </>
      )}
    </>
  );
}

function NewAction(props: {
  meetingId: string;
  referralId: string;
  agencies: Agencies;
  taskHours: number;
  onChanged: () => void;
}) {
  const [form, setForm] = useState<ActionForm>(EMPTY_ACTION);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useActionKey();
  const prefix = `new-action-${props.referralId}`;

  const submit = async () => {
    const found = checkAction(form, prefix);
    setProblems(found);
    setAttempt((a) => a + 1);
    setFailure(null);
    if (found.length > 0) return;
    const body = actionBodyOf(form);
    setBusy(true);
    try {
      await meetingRunApi.addAction(
        props.meetingId,
        props.referralId,
        body,
        key.keyFor(JSON.stringify(body)),
      );
      key.done();
      setForm(EMPTY_ACTION);
      props.onChanged();
    } catch (e) {
      const error = toApiError(e);
      const fromServer = problemsOf(error, prefix);
      setProblems(fromServer);
      setAttempt((a) => a + 1);
      if (fromServer.length === 0) setFailure(error);
    }
    setBusy(false);
  };

  return (
    <ActionEditor
      prefix={prefix}
      label="New action"
      form={form}
      onForm={setForm}
      agencies={props.agencies}
      taskHours={props.taskHours}
      problems={problems}
      attempt={attempt}
      failure={failure}
      busy={busy}
      submitLabel="Add action"
      onSubmit={() => void submit()}
    />
  );
}

function EditableAction(props: {
  meetingId: string;
  action: MeetingAction;
  agencies: Agencies;
  taskHours: number;
  closed: boolean;
  onChanged: () => void;
}) {
  const { action } = props;
  const [editing, setEditing] = useState(false);
  const draft = useVersionedDraft(actionFormOf(action), action.version);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonProblem, setReasonProblem] = useState<string | undefined>();
  const prefix = `action-${action.id}`;

  const save = async (version: number) => {
    const found = checkAction(draft.draft, prefix);
    const needReason = props.closed && !reason.trim();
    setReasonProblem(
      needReason ? 'Reason for the correction: say why the action is corrected' : undefined,
    );
    setProblems(found);
    setAttempt((a) => a + 1);
    setFailure(null);
    if (found.length > 0 || needReason) return;
    setBusy(true);
    try {
      const saved = await meetingRunApi.updateAction(props.meetingId, action.id, {
        ...actionBodyOf(draft.draft),
        version,
        ...(props.closed ? { correctionReason: reason.trim() } : {}),
      });
      draft.saved(actionFormOf(saved), saved.version);
      setEditing(false);
      setReason('');
    } catch (e) {
      const error = toApiError(e);
      const fromServer = problemsOf(error, prefix);
      setProblems(fromServer);
      // A conflict shows the other version beside this one (ConflictPanel), once it has loaded.
      if (fromServer.length === 0 && error.code !== 'VERSION_CONFLICT') setFailure(error);
    }
    setBusy(false);
    props.onChanged();
  };

  if (!editing) {
    return (
      <>
        <ActionSummary action={action} />
        <div>
          <Button size="small" onClick={() => setEditing(true)}>
            {props.closed ? `Correct this action` : `Change this action`}
          </Button>
        </div>
      </>
    );
  }
  return (
    <ActionEditor
      prefix={prefix}
      label={`Change the action for ${action.ownerAgencyName}`}
      form={draft.draft}
      onForm={draft.setDraft}
      agencies={props.agencies}
      taskHours={props.taskHours}
      problems={problems}
      attempt={attempt}
      failure={failure}
      busy={busy}
      submitLabel={props.closed ? 'Save correction' : 'Save action'}
      onSubmit={() => void save(draft.version)}
      onCancel={() => {
        draft.takeTheirs();
        setEditing(false);
      }}
      {...(props.closed
        ? { correction: { value: reason, problem: reasonProblem, onChange: setReason } }
        : {})}
    >
      {draft.conflict && (
        <ConflictPanel
          who={action.updatedBy}
          theirs={<ActionSummary action={action} />}
          busy={busy}
          onTakeTheirs={draft.takeTheirs}
          onSaveMine={() => void save(draft.serverVersion)}
        />
      )}
    </ActionEditor>
  );
}
