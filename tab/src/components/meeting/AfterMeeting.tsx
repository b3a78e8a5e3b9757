import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ActionPlanView, AgencyDelivery, MinutesView } from '#core/contracts/document-api.js';
import { newActionKey, toApiError, type ApiRequestError } from '../../api/client.js';
import { documentsApi } from '../../api/documents.js';
import { formatDate, formatDateTime } from '../../format/dates.js';
import { ErrorBar } from '../ErrorBar.js';
import { Section } from '../Section.js';
import { useLoad } from '../use-load.js';

const useStyles = makeStyles({
  muted: { display: 'block', color: tokens.colorNeutralForeground2, margin: '0 0 8px' },
  list: { margin: '0 0 8px', paddingLeft: '20px', overflowWrap: 'anywhere' },
  delivery: { margin: '0 0 4px' },
  warnings: { display: 'flex', flexDirection: 'column', gap: '8px', margin: '0 0 12px' },
  sections: { display: 'flex', flexDirection: 'column', gap: '12px', margin: '0 0 12px' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
  read: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '0 0 8px' },
  readTitle: { fontSize: tokens.fontSizeBase300, margin: '12px 0 4px' },
});

const MODE_WORDS: Record<AgencyDelivery['mode'], string> = {
  smime: 'S/MIME',
  password: 'PDF with a password (password by Teams)',
  purview: 'Purview encryption',
  link: 'a link to the app',
};
const STATE_WORDS = { queued: 'waiting to be sent', sent: 'sent', dead: 'could not be sent' };

function Warnings({ warnings }: { warnings: readonly string[] }) {
  const styles = useStyles();
  if (warnings.length === 0) return null;
  return (
    <div className={styles.warnings}>
      {warnings.map((w) => (
        <MessageBar key={w} intent="warning" layout="multiline">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}

/**
 * Each agency's copy and how it went. With `onResend` (a coordinator), a copy that could not be
 * sent has a button to send it again once its address or mode is put right.
 */
function Deliveries(props: {
  what: string;
  deliveries: readonly AgencyDelivery[];
  onResend?: (agencyId: string, idempotencyKey: string) => Promise<void>;
}) {
  const styles = useStyles();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  // One key per agency for this screen: a retried click is the same request, not a second send.
  const [keys] = useState(() => new Map<string, string>());
  const resend = async (agencyId: string) => {
    if (!props.onResend) return;
    const key = keys.get(agencyId) ?? newActionKey();
    keys.set(agencyId, key);
    setBusy(agencyId);
    setFailure(null);
    try {
      await props.onResend(agencyId, key);
      keys.delete(agencyId);
    } catch (e) {
      setFailure(toApiError(e));
    }
    setBusy(null);
  };
  return (
    <>
      <ErrorBar
        error={failure}
        title={`The ${props.what} ${props.what === 'minutes' ? 'were' : 'was'} not sent again`}
      />
      <ul className={styles.list} data-testid="deliveries">
        {props.deliveries.map((d) => (
          <li key={d.agencyId} className={styles.delivery}>
            {d.agency}: {STATE_WORDS[d.status]}
            {d.sentAt ? ` at ${formatDateTime(d.sentAt)}` : ''} ({MODE_WORDS[d.mode]})
            {d.status !== 'sent' && d.lastError ? `. Last problem: ${d.lastError}` : ''}
            {props.onResend && d.status === 'dead' && (
              <>
                {' '}
                <Button
                  size="small"
                  disabled={busy !== null}
                  aria-label={`Send the ${props.what} to ${d.agency} again`}
                  onClick={() => void resend(d.agencyId)}
                >
                  {busy === d.agencyId ? 'Sending…' : 'Send again'}
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * After the close, for the coordinator and the chair: the action plan's delivery to each agency
 * (due within the area protocol's hours, 24 by default), a failed copy sent again, and the minutes, which a coordinator edits section by section, approves
 * and circulates (due within the area's working days). A rep sees their agency's cases in the
 * plan and the minutes once circulated (what a `link` agency's notice points to).
 */
export function AfterMeeting(props: { meetingId: string; mayWrite: boolean }) {
  const styles = useStyles();
  const plan = useLoad(() => documentsApi.actionPlan(props.meetingId), [props.meetingId]);
  const minutes = useLoad(() => documentsApi.minutes(props.meetingId), [props.meetingId]);
  return (
    <>
      <Section id="action-plan-heading" title="Action plan">
        {plan.loading && !plan.data && <Spinner size="small" label="Loading the action plan" />}
        <ErrorBar error={plan.error} title="The action plan could not be loaded" />
        {plan.data && (
          <>
            <Text className={styles.muted} data-testid="action-plan-due">
              {plan.data.scope === 'whole'
                ? 'Sent to each agency that owns an action, with only its cases.'
                : 'Your agency\u2019s cases: those in which it owns an action.'}{' '}
              Due by {formatDateTime(plan.data.dueAt)}. {plan.data.cases.length}{' '}
              {plan.data.cases.length === 1 ? 'case has' : 'cases have'} actions.
            </Text>
            <Warnings warnings={plan.data.warnings} />
            {plan.data.scope === 'agency' ? (
              <AgencyCases cases={plan.data.cases} />
            ) : plan.data.deliveries.length === 0 ? (
              <Text className={styles.muted}>No agency owns an action: nothing was sent.</Text>
            ) : (
              <Deliveries
                what="action plan"
                deliveries={plan.data.deliveries}
                {...(props.mayWrite
                  ? {
                      onResend: async (agencyId: string, key: string) =>
                        plan.setData(await documentsApi.resendPlan(props.meetingId, agencyId, key)),
                    }
                  : {})}
              />
            )}
            {plan.data.scope === 'whole' && (
              <div>
                <Button onClick={plan.reload}>Check the deliveries again</Button>
              </div>
            )}
          </>
        )}
      </Section>
      <Section id="minutes-heading" title="Minutes">
        {minutes.loading && !minutes.data && <Spinner size="small" label="Loading the minutes" />}
        {minutes.error?.status === 409 ? (
          <Text className={styles.muted}>{minutes.error.message}</Text>
        ) : (
          <ErrorBar error={minutes.error} title="The minutes could not be loaded" />
        )}
        {minutes.data && (
          <MinutesEditor
            key={`${minutes.data.number}:${minutes.data.version}`}
            minutes={minutes.data}
            meetingId={props.meetingId}
            mayWrite={props.mayWrite}
            onChanged={(m) => minutes.setData(m)}
            onReload={minutes.reload}
          />
        )}
      </Section>
    </>
  );
}

/** A rep's part of the plan: each of their agency's cases with the actions agreed in it. */
function AgencyCases({ cases }: { cases: ActionPlanView['cases'] }) {
  const styles = useStyles();
  if (cases.length === 0)
    return <Text className={styles.muted}>Your agency owns no action in this plan.</Text>;
  return (
    <>
      {cases.map((c) => (
        <div key={c.referralId} data-testid="plan-case">
          <h4 className={styles.readTitle}>{c.reference}</h4>
          <ul className={styles.list}>
            {c.actions.map((a, i) => (
              <li key={i}>
                {a.what} - {a.ownerAgency}
                {a.ownerPerson ? ` (${a.ownerPerson})` : ''} - by {formatDateTime(a.dueAt)}
                {a.urgent ? ' - urgent' : ''}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

const STATE_LINE: Record<MinutesView['state'], string> = {
  draft: 'Draft',
  approved: 'Approved, not yet circulated',
  circulated: 'Circulated',
};

function MinutesEditor(props: {
  minutes: MinutesView;
  meetingId: string;
  mayWrite: boolean;
  onChanged: (minutes: MinutesView) => void;
  onReload: () => void;
}) {
  const styles = useStyles();
  const { minutes } = props;
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(minutes.sections.map((s) => [s.key, s.text])),
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const [circulateKey] = useState(newActionKey);
  const changed = minutes.sections.filter((s) => texts[s.key] !== s.text);

  const act = async (what: string, call: () => Promise<MinutesView>) => {
    setBusy(what);
    setFailure(null);
    try {
      props.onChanged(await call());
    } catch (e) {
      setFailure(toApiError(e));
      setBusy(null);
    }
  };
  const save = () =>
    act('save', () =>
      documentsApi.writeMinutes(props.meetingId, {
        action: 'save',
        version: minutes.version,
        sections: changed.map((s) => ({ key: s.key, text: texts[s.key] ?? '' })),
      }),
    );
  const approve = () =>
    act('approve', () =>
      documentsApi.writeMinutes(props.meetingId, { action: 'approve', version: minutes.version }),
    );
  const circulate = () =>
    act('circulate', () => documentsApi.circulate(props.meetingId, minutes.version, circulateKey));

  const heading = (
    <Text className={styles.muted} data-testid="minutes-state">
      {STATE_LINE[minutes.state]}
      {minutes.number > 1 ? ` (correction ${minutes.number - 1})` : ''}, version {minutes.version}.{' '}
      {minutes.state === 'circulated' && minutes.circulatedAt
        ? `Circulated at ${formatDateTime(minutes.circulatedAt)}.`
        : `Due to be circulated by ${formatDate(minutes.dueOn)}.`}
    </Text>
  );

  if (!props.mayWrite) {
    return (
      <>
        {heading}
        <Warnings warnings={minutes.warnings} />
        {minutes.sections.map((s) => (
          <div key={s.key}>
            <h4 className={styles.readTitle}>{s.title}</h4>
            <p className={styles.read}>{s.text}</p>
          </div>
        ))}
        {minutes.deliveries.length > 0 && (
          <Deliveries what="minutes" deliveries={minutes.deliveries} />
        )}
      </>
    );
  }
  return (
    <>
      {heading}
      <Warnings warnings={minutes.warnings} />
      {minutes.state === 'circulated' && (
        <Text className={styles.muted}>
          The circulated minutes are frozen. Saving a change opens a correction, which is approved
          and circulated in its turn.
        </Text>
      )}
      <ErrorBar error={failure} title="The minutes were not changed" />
      <div className={styles.sections}>
        {minutes.sections.map((s) => (
          <Field key={s.key} label={s.title}>
            <Textarea
              value={texts[s.key] ?? ''}
              resize="vertical"
              rows={Math.min(12, Math.max(3, s.text.split('\n').length + 1))}
              onChange={(_, data) => setTexts((t) => ({ ...t, [s.key]: data.value }))}
            />
          </Field>
        ))}
      </div>
      <div className={styles.buttons}>
        <Button disabled={busy !== null || changed.length === 0} onClick={() => void save()}>
          {busy === 'save'
            ? 'Saving…'
            : minutes.state === 'circulated'
              ? 'Save as a correction'
              : 'Save changes'}
        </Button>
        {minutes.state === 'draft' && (
          <Button disabled={busy !== null || changed.length > 0} onClick={() => void approve()}>
            {busy === 'approve' ? 'Approving…' : 'Approve the minutes'}
          </Button>
        )}
        {minutes.state === 'approved' && (
          <Button
            appearance="primary"
            disabled={busy !== null || changed.length > 0}
            onClick={() => void circulate()}
          >
            {busy === 'circulate' ? 'Circulating…' : 'Circulate to every agency'}
          </Button>
        )}
        <Button disabled={busy !== null} onClick={props.onReload}>
          Reload
        </Button>
      </div>
      {changed.length > 0 && minutes.state !== 'circulated' && (
        <Text className={styles.muted}>Save your changes before approving or circulating.</Text>
      )}
      {minutes.deliveries.length > 0 && (
        <Deliveries
          what="minutes"
          deliveries={minutes.deliveries}
          onResend={async (agencyId, key) =>
            props.onChanged(await documentsApi.resendMinutes(props.meetingId, agencyId, key))
          }
        />
      )}
    </>
  );
}
