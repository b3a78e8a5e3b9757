import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { agendaApi, type MeetingAgencies } from '../../api/agendas.js';
import { toApiError, type ApiRequestError } from '../../api/client.js';
import { ErrorBar } from '../ErrorBar.js';
import { ErrorSummary } from '../referrals/form/ErrorSummary.js';
import { Section } from '../Section.js';
import { MODE_WORDS } from './agenda-words.js';
import { MemberBoxes } from './MemberBoxes.js';
import { useProblems } from './use-problems.js';

const useStyles = makeStyles({
  groups: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(260px, 100%), 1fr))',
    gap: '12px 24px',
    alignItems: 'start',
  },
  note: { display: 'block', color: tokens.colorNeutralForeground3, margin: '0 0 8px' },
  actions: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: '12px',
    marginTop: '12px',
  },
});

type Chosen = { agencyIds: string[]; chairIds: string[]; idvaIds: string[] };
const on = (list: { id: string; onMeeting: boolean }[]) =>
  list.filter((m) => m.onMeeting).map((m) => m.id);

/**
 * Which agencies, chairs and IDVAs sit on the meeting: they receive the agenda and may read its
 * cases. Until the coordinator chooses, everyone of the area sits (the server says so).
 */
export function MembersSection(props: {
  members: MeetingAgencies | null;
  loading: boolean;
  error: ApiRequestError | null;
  onSaved: (members: MeetingAgencies) => void;
}) {
  const styles = useStyles();
  const m = props.members;
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const check = useProblems();
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const now: Chosen | null =
    chosen ?? (m && { agencyIds: on(m.agencies), chairIds: on(m.chairs), idvaIds: on(m.idvas) });

  const toggle = (key: keyof Chosen) => (id: string, checked: boolean) => {
    if (!now) return;
    const rest = now[key].filter((x) => x !== id);
    setChosen({ ...now, [key]: checked ? [...rest, id] : rest });
    setSaved(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!now) return;
    if (now.agencyIds.length === 0) {
      check.fail([
        {
          path: 'agencyIds',
          message: 'Agencies: choose at least one agency to sit on this meeting.',
        },
      ]);
      return;
    }
    check.clear();
    setFailure(null);
    setBusy(true);
    try {
      props.onSaved(await agendaApi.updateMembers(m!.meetingId, now));
      setChosen(null);
      setSaved(true);
    } catch (e) {
      setFailure(toApiError(e));
    }
    setBusy(false);
  };

  return (
    <Section id="members-heading" title="Who sits on this meeting">
      <ErrorBar error={props.error} title="Who sits on this meeting could not be loaded" />
      {props.loading && !m && <Spinner size="small" label="Loading who sits on this meeting" />}
      {m && now && (
        <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="members-heading">
          <Text className={styles.note}>
            {m.isDefault
              ? 'Every agency, chair and IDVA of the area sits on this meeting until you choose otherwise.'
              : 'Only those ticked receive the agenda and may read this meeting’s cases.'}
          </Text>
          <ErrorSummary problems={check.problems} attempt={check.attempt} />
          <div className={styles.groups}>
            <MemberBoxes
              path="agencyIds"
              legend="Agencies"
              people={m.agencies.map((a) => ({ ...a, detail: MODE_WORDS[a.mode] }))}
              chosen={now.agencyIds}
              error={check.byField.agencyIds}
              onToggle={toggle('agencyIds')}
            />
            <MemberBoxes
              path="chairIds"
              legend="Chairs"
              people={m.chairs}
              chosen={now.chairIds}
              onToggle={toggle('chairIds')}
            />
            <MemberBoxes
              path="idvaIds"
              legend="IDVAs"
              people={m.idvas}
              chosen={now.idvaIds}
              onToggle={toggle('idvaIds')}
            />
          </div>
          <ErrorBar error={failure} title="Who sits on this meeting was not saved" />
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Save who sits'}
            </Button>
            <Text role="status">{saved ? 'Saved.' : chosen ? 'Not saved yet.' : ''}</Text>
          </div>
        </form>
      )}
    </Section>
  );
}
