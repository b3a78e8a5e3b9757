import {
  Button,
  Checkbox,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Attendance, Attendee, MeetingRun } from '#core/contracts/meeting-api.js';
import { toApiError, type ApiRequestError } from '../../api/client.js';
import { meetingRunApi } from '../../api/meeting-run.js';
import { formatTime } from '../../format/dates.js';
import { ErrorBar } from '../ErrorBar.js';
import { Section } from '../Section.js';
import { ATTENDANCE_OPTIONS, SEAT_WORDS } from './meeting-words.js';
import { ObserverForm } from './ObserverForm.js';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: '0 0 8px', display: 'grid', gap: '8px' },
  row: {
    display: 'grid',
    gap: '4px 16px',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(220px, 100%), 1fr))',
    alignItems: 'center',
    padding: '8px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    minWidth: 0,
  },
  who: { fontWeight: tokens.fontWeightSemibold, padding: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  wide: { gridColumn: '1 / -1' },
});

/**
 * The attendance register: each person, their agency, present or apologies, and whether their
 * agency's information was sent in advance. Nothing is chosen for anyone; the chair and the
 * coordinator record any row, a person their own. Each row saves as it is chosen.
 */
export function RegisterSection(props: { run: MeetingRun; onChanged: () => void }) {
  const styles = useStyles();
  const { run } = props;
  // The whole area may be on a meeting: in a side panel the person's own line comes first, and
  // the rest opens on request (open from the start for those who record it).
  const [open, setOpen] = useState(run.me.mayRecord && run.state !== 'closed');
  const present = run.attendance.filter((a) => a.attendance === 'present').length;
  const own = run.attendance.filter((a) => a.personId === run.me.personId);
  const others = run.attendance.filter((a) => a.personId !== run.me.personId);
  const row = (a: Attendee) => (
    <li key={a.personId}>
      <AttendeeRow
        meetingId={run.meetingId}
        attendee={a}
        editable={run.state !== 'closed' && (run.me.mayRecord || a.personId === run.me.personId)}
        onChanged={props.onChanged}
      />
    </li>
  );
  return (
    <Section
      id="register-heading"
      title="Attendance"
      actions={
        <Button
          size="small"
          aria-expanded={open}
          aria-controls="register-others"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Hide the others' : `Show everyone (${run.attendance.length})`}
        </Button>
      }
    >
      <Text className={styles.muted} block>
        {present} of {run.attendance.length} present
      </Text>
      <ul className={styles.list} aria-label="You">
        {own.map(row)}
      </ul>
      {open && (
        <ul id="register-others" className={styles.list} aria-label="Everyone else">
          {others.map(row)}
        </ul>
      )}
      {open && run.me.mayRecord && run.state !== 'closed' && (
        <ObserverForm meetingId={run.meetingId} onListed={props.onChanged} />
      )}
    </Section>
  );
}

function AttendeeRow(props: {
  meetingId: string;
  attendee: Attendee;
  editable: boolean;
  onChanged: () => void;
}) {
  const styles = useStyles();
  const a = props.attendee;
  const [attendance, setAttendance] = useState<Attendance | null>(a.attendance);
  const [info, setInfo] = useState(a.infoSentInAdvance);
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  useEffect(() => {
    // What the server now holds (this save, or someone else's) replaces what was shown.
    setAttendance(a.attendance);
    setInfo(a.infoSentInAdvance);
  }, [a.version, a.attendance, a.infoSentInAdvance]);

  const save = async (next: { attendance: Attendance | null; info: boolean }) => {
    setAttendance(next.attendance);
    setInfo(next.info);
    // Information sent in advance waits for present or apologies: neither is assumed.
    if (!next.attendance) return;
    setFailure(null);
    try {
      await meetingRunApi.setAttendance(props.meetingId, a.personId, {
        attendance: next.attendance,
        infoSentInAdvance: next.info,
        version: a.version,
      });
    } catch (e) {
      setFailure(toApiError(e));
    }
    props.onChanged();
  };

  const who = `${a.name}, ${a.agencyName ?? SEAT_WORDS[a.seat]}`;
  const confirmed = a.confirmedAt
    ? `Confirmed the statement at ${formatTime(a.confirmedAt)}`
    : 'Not confirmed the statement yet';
  return (
    <fieldset className={styles.row} data-testid="attendee" data-person={a.personId}>
      <legend className={styles.who}>{who}</legend>
      <Text className={styles.muted}>
        {a.agencyName ? `${SEAT_WORDS[a.seat]}. ` : ''}
        {confirmed}
      </Text>
      {props.editable ? (
        <>
          <RadioGroup
            layout="horizontal"
            aria-label={`Attendance of ${a.name}`}
            value={attendance ?? ''}
            onChange={(_, d) => void save({ attendance: d.value as Attendance, info })}
          >
            {ATTENDANCE_OPTIONS.map(([value, label]) => (
              <Radio key={value} value={value} label={label} />
            ))}
          </RadioGroup>
          <Checkbox
            label="Information sent in advance"
            checked={info}
            onChange={(_, d) => void save({ attendance, info: d.checked === true })}
          />
        </>
      ) : (
        <Text>
          {a.attendance === 'present'
            ? 'Present'
            : a.attendance === 'apologies'
              ? 'Apologies'
              : 'Not recorded yet'}
          {a.infoSentInAdvance ? '; information sent in advance' : ''}
        </Text>
      )}
      {failure && (
        <div className={styles.wide}>
          <ErrorBar
            error={failure}
            title={
              failure.code === 'VERSION_CONFLICT'
                ? 'Someone else changed this line first: it now shows what they recorded'
                : 'This line was not saved'
            }
          />
        </div>
      )}
    </fieldset>
  );
}
