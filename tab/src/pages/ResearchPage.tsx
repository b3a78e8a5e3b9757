import { makeStyles, mergeClasses } from '@fluentui/react-components';
import { AppLink } from '../components/AppLink.js';
import { PageTop } from '../components/PageTop.js';
import { AgencyResearchView } from '../components/research/AgencyResearchView.js';
import { CaseResearchView } from '../components/research/CaseResearchView.js';
import { MatrixView } from '../components/research/MatrixView.js';
import { MyResearchView } from '../components/research/MyResearchView.js';
import { navigate, researchPaths, type ResearchPlace } from '../routes.js';
import { PAGE_LAYOUT } from '../components/page-layout.js';

const useStyles = makeStyles({
  ...PAGE_LAYOUT,
  /** The matrix has a column an agency: it takes the room a wide screen has. */
  wide: { maxWidth: '1600px' },
});

/**
 * Research, at `/research/...` (routes.ts, researchPlace): a rep's list and forms, the matrix
 * and one case's research. The server decides what each person may read.
 */
export function ResearchPage(props: { place: ResearchPlace; onSignOut?: () => void }) {
  const styles = useStyles();
  const { place } = props;
  return (
    <main className={mergeClasses(styles.page, place.kind === 'matrix' && styles.wide)}>
      <PageTop
        links={
          place.kind === 'agency' && <AppLink href={researchPaths.mine()}>My research</AppLink>
        }
        onSignOut={props.onSignOut}
      />
      {place.kind === 'mine' && (
        <MyResearchView
          meetingId={place.meetingId}
          onOpen={(path) => navigate(path, { replace: true })}
        />
      )}
      {place.kind === 'agency' && (
        <AgencyResearchView meetingId={place.meetingId} agencyId={place.agencyId} />
      )}
      {place.kind === 'matrix' && <MatrixView meetingId={place.meetingId} />}
      {place.kind === 'case' && (
        <CaseResearchView meetingId={place.meetingId} referralId={place.referralId} />
      )}
    </main>
  );
}
