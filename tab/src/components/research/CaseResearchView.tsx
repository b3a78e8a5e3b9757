import { Card, Spinner, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { researchApi } from '../../api/research.js';
import { formatDateTime } from '../../format/dates.js';
import { researchPaths } from '../../routes.js';
import { AppLink } from '../AppLink.js';
import { ErrorBar } from '../ErrorBar.js';
import { useLoad } from '../use-load.js';
import { ResponseView } from './ResponseView.js';
import { SHARING_WORDS } from './research-words.js';
import { StatusBadge } from './StatusBadge.js';

const useStyles = makeStyles({
  title: { display: 'block', margin: '4px 0 4px' },
  line: { display: 'block', color: tokens.colorNeutralForeground2, marginBottom: '12px' },
  card: { padding: '12px 16px', marginBottom: '12px', overflowWrap: 'anywhere' },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 12px' },
  h2: { margin: 0, flexGrow: 1, fontSize: tokens.fontSizeBase400, fontWeight: 600 },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * Every agency's research on one case, as the reader may see it: the words where the area's
 * sharing setting gives them to this reader, otherwise the status and who submitted when.
 */
export function CaseResearchView(props: { meetingId: string; referralId: string }) {
  const styles = useStyles();
  const load = useLoad(
    () => researchApi.caseResearch(props.meetingId, props.referralId),
    [props.meetingId, props.referralId],
  );
  const view = load.data;
  return (
    <>
      <AppLink href={researchPaths.matrix(props.meetingId)}>Back to the research matrix</AppLink>
      <Title2 as="h1" className={styles.title}>
        {view ? `Research on ${view.reference}` : 'Research on this case'}
      </Title2>
      {load.loading && !view && <Spinner size="small" label="Loading the research" />}
      <ErrorBar error={load.error} title="The research could not be loaded" />
      {view && (
        <>
          <Text className={styles.line}>
            Sharing: {SHARING_WORDS[view.sharing].title}. {SHARING_WORDS[view.sharing].means}
          </Text>
          {view.responses.map((r) => (
            <Card
              key={r.agencyId}
              className={styles.card}
              role="region"
              aria-labelledby={`agency-${r.agencyId}`}
              data-testid="case-response"
              data-agency={r.agencyName}
            >
              <div className={styles.head}>
                <h2 id={`agency-${r.agencyId}`} className={styles.h2}>
                  {r.agencyName}
                </h2>
                <StatusBadge cell={r} />
              </div>
              {r.submittedBy && r.submittedAt && (
                <Text className={styles.muted}>
                  {`Submitted by ${r.submittedBy}, ${formatDateTime(r.submittedAt)}`}
                </Text>
              )}
              {r.response ? (
                <ResponseView response={r.response} />
              ) : r.response === null ? (
                <Text className={styles.muted}>Nothing written.</Text>
              ) : (
                <Text className={styles.muted}>
                  {r.status === 'submitted'
                    ? 'What the agency wrote is not shared with you at this point.'
                    : 'Nothing submitted yet.'}
                </Text>
              )}
            </Card>
          ))}
        </>
      )}
    </>
  );
}
