import {
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Meeting, MeetingCase } from '#core/contracts/api.js';
import type { ApiRequestError } from '../api/client.js';
import { formatDate, formatTime, plural } from '../format/dates.js';
import { ErrorBar } from './ErrorBar.js';

const useStyles = makeStyles({
  box: { display: 'grid', gap: '8px', gridTemplateColumns: 'minmax(0, 1fr)' },
  select: { minWidth: 0, width: '100%' },
  list: { margin: 0, paddingLeft: '20px', display: 'grid', gap: '4px' },
  ref: { fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground2 },
});

const caseNote = (cases: number | undefined) =>
  cases === undefined ? '' : cases === 0 ? ', no cases yet' : `, ${plural(cases, 'case')} already`;

const bandWords = { high: 'High risk', medium: 'Medium risk', standard: 'Standard risk' } as const;

/**
 * The cases on a meeting about to be cancelled, and the meeting they will move to. Nothing is
 * left behind: the coordinator sees each case and where it goes before confirming.
 */
export function CasesToMove(props: {
  cases: MeetingCase[] | null;
  loading: boolean;
  error: ApiRequestError | null;
  targets: Meeting[];
  target: string;
  onTarget: (meetingId: string) => void;
}) {
  const styles = useStyles();
  if (props.error)
    return <ErrorBar error={props.error} title="The meeting's cases could not be loaded" />;
  if (props.loading || !props.cases)
    return <Spinner size="tiny" label="Loading the meeting's cases" />;
  if (props.cases.length === 0) return <Text>No cases are on this meeting.</Text>;
  return (
    <div data-testid="cases-to-move" className={styles.box}>
      <Text as="p" block>
        {plural(props.cases.length, 'case')} {props.cases.length === 1 ? 'is' : 'are'} on this
        meeting. {props.cases.length === 1 ? 'It moves' : 'They move'} with the cancellation, and
        each referrer is told the new date in Teams (never a name):
      </Text>
      <ul className={styles.list}>
        {props.cases.map((c) => (
          <li key={c.referralId}>
            <span className={styles.ref}>{c.reference}</span> {c.victimName}
            <Text size={200} block className={styles.note}>
              {bandWords[c.band]}, referred by {c.referrerAgency}
            </Text>
          </li>
        ))}
      </ul>
      {props.targets.length === 0 ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The cases have nowhere to go</MessageBarTitle>
            There is no later meeting to move them to. Add an extra meeting first, then cancel this
            one.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Field label="Move the cases to" required>
          <Select
            className={styles.select}
            value={props.target}
            onChange={(_, d) => props.onTarget(d.value)}
          >
            {props.targets.map((m, i) => (
              <option key={m.id} value={m.id}>
                {formatDate(m.date)}, {formatTime(m.startsAt)}
                {i === 0 ? ' (next meeting)' : ''}
                {caseNote(m.cases)}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </div>
  );
}
