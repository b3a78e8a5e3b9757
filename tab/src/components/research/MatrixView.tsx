import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { researchStatusValues } from '#core/contracts/research.js';
import { researchApi } from '../../api/research.js';
import { formatDate, plural } from '../../format/dates.js';
import { agendaPath } from '../../routes.js';
import { AppLink } from '../AppLink.js';
import { ErrorBar } from '../ErrorBar.js';
import { useLoad } from '../use-load.js';
import { useNarrow } from '../use-narrow.js';
import { ConfirmDialog } from '../ConfirmDialog.js';
import { deadlineWords } from './deadline-words.js';
import { MatrixCards } from './MatrixCards.js';
import { matrixModel } from './matrix-model.js';
import { MatrixTable } from './MatrixTable.js';
import { SHARING_WORDS, STATUS_MARKS, STATUS_WORDS } from './research-words.js';

const useStyles = makeStyles({
  title: { display: 'block', margin: '4px 0 4px' },
  line: { display: 'block', color: tokens.colorNeutralForeground2, marginBottom: '4px' },
  bar: { margin: '8px 0 12px' },
  key: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: '4px 16px',
    listStyle: 'none',
    padding: 0,
    margin: '8px 0 16px',
    color: tokens.colorNeutralForeground2,
  },
  mark: { fontWeight: 700, marginRight: '4px' },
});

/**
 * The coordinator's research matrix for a meeting (others on the meeting see it too, statuses
 * only): cases by agencies, totals, and Chase. In a narrow panel a card an agency instead of the
 * table (MatrixCards).
 */
export function MatrixView({ meetingId }: { meetingId: string }) {
  const styles = useStyles();
  const narrow = useNarrow();
  const load = useLoad(() => researchApi.matrix(meetingId), [meetingId]);
  const [chasing, setChasing] = useState<string | null>(null);
  const [chased, setChased] = useState<string | null>(null);
  const matrix = load.data;
  if (!matrix)
    return (
      <>
        <Title2 as="h1" className={styles.title}>
          Research
        </Title2>
        {load.loading && <Spinner size="small" label="Loading the research" />}
        {load.error?.status === 403 ? (
          <MessageBar intent="info" layout="multiline" data-testid="not-on-meeting">
            <MessageBarBody>
              <MessageBarTitle>You are not on this meeting</MessageBarTitle>
              Only the coordinator, and the agencies, chairs and IDVAs who sit on this meeting, can
              see where its research stands. If you think you should, ask the MARAC coordinator.
            </MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorBar error={load.error} title="The research could not be loaded" />
        )}
      </>
    );
  const model = matrixModel(matrix);
  const agency = matrix.agencies.find((a) => a.agencyId === chasing);
  const sharing = SHARING_WORDS[matrix.sharing];
  const Shown = narrow ? MatrixCards : MatrixTable;

  return (
    <>
      <Title2 as="h1" className={styles.title}>
        {`Research for the MARAC on ${formatDate(matrix.meetingDate)}`}
      </Title2>
      <Text className={styles.line}>Due by {deadlineWords(matrix.deadline)}.</Text>
      <Text className={styles.line}>
        Sharing: {sharing.title}. {sharing.means}
      </Text>
      <AppLink href={agendaPath(matrix.meetingId)}>The meeting’s agenda</AppLink>
      <ul className={styles.key} aria-label="Key">
        {researchStatusValues.map((s) => (
          <li key={s}>
            <span className={styles.mark} aria-hidden="true">
              {STATUS_MARKS[s]}
            </span>
            {STATUS_WORDS[s]}
          </li>
        ))}
      </ul>
      {chased && (
        <MessageBar intent="success" className={styles.bar} role="status" data-testid="chased">
          <MessageBarBody>{chased}</MessageBarBody>
        </MessageBar>
      )}
      {matrix.cases.length === 0 ? (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>No cases yet</MessageBarTitle>
            Cases appear here once they are on the meeting’s agenda.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Shown matrix={matrix} model={model} onChase={setChasing} />
      )}
      {agency && (
        <ConfirmDialog
          title={`Chase ${agency.name}?`}
          confirmLabel={`Chase ${agency.name}`}
          busyLabel="Chasing…"
          failureTitle="Nobody was chased"
          action={`chase:${agency.agencyId}`}
          onClose={() => setChasing(null)}
          onConfirm={async (key) => {
            const { reminded } = await researchApi.chase(matrix.meetingId, agency.agencyId, key);
            setChasing(null);
            setChased(
              reminded === 0
                ? `${agency.name}: nobody reminded; the agency has answered every case.`
                : `${agency.name}: ${plural(reminded, 'rep')} reminded.`,
            );
            load.reload();
          }}
        >
          <p>
            {`Its reps get a reminder in Teams for the ${plural(model.outstanding(agency.agencyId), 'case')} not answered yet. The reminder names the meeting and the references only.`}
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
