import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { CoordinatorScreen } from './components/CoordinatorScreen.js';
import { SessionGate } from './components/SessionGate.js';
import { useHost } from './host/use-host-theme.js';
import { ActionsPage } from './pages/ActionsPage.js';
import { AgendaPage } from './pages/AgendaPage.js';
import { ConfigPage } from './pages/ConfigPage.js';
import { DashboardPage } from './pages/DashboardPage.js';
import { DataReturnPage } from './pages/DataReturnPage.js';
import { MeetingPage } from './pages/MeetingPage.js';
import { PrivacyPage } from './pages/PrivacyPage.js';
import { RecodePage } from './pages/RecodePage.js';
import { ResearchPage } from './pages/ResearchPage.js';
import { SubjectAccessPage } from './pages/SubjectAccessPage.js';
import { TermsPage } from './pages/TermsPage.js';
import {
  agendaMeetingId,
  dashboardAreaId,
  dataReturnPlace,
  meetingIdOf,
  recodeAreaId,
  researchPlace,
  routeFor,
  subjectAccessAreaId,
  useLocation,
} from './routes.js';

const useStyles = makeStyles({
  root: { minHeight: '100%', backgroundColor: tokens.colorNeutralBackground3 },
});

/**
 * Chooses the theme from the host and the page from the path (followed as it changes: see
 * navigate() in routes.ts). The privacy and terms pages and the
 * meeting tab's configuration page need no sign-in; the others sign in first (SessionGate).
 */
export function App() {
  const styles = useStyles();
  const { theme, host } = useHost();
  const { pathname, search } = useLocation();
  const route = routeFor(pathname);
  const agendaOf = agendaMeetingId(pathname, search);
  const research = researchPlace(pathname, search);
  const dataReturn = dataReturnPlace(pathname, search);

  return (
    <FluentProvider theme={theme} className={styles.root}>
      {route === 'privacy' && <PrivacyPage />}
      {route === 'terms' && <TermsPage />}
      {route === 'config' && <ConfigPage host={host} />}
      {route === 'meeting' && (
        <SessionGate host={host}>
          {(session) => (
            <MeetingPage meetingId={meetingIdOf(pathname)} onSignOut={session.onSignOut} />
          )}
        </SessionGate>
      )}
      {route === 'dashboard' && (
        <SessionGate host={host}>
          {(session) => (
            <DashboardPage areaId={dashboardAreaId(pathname)!} onSignOut={session.onSignOut} />
          )}
        </SessionGate>
      )}
      {route === 'recode' && (
        <SessionGate host={host}>
          {(session) => (
            <RecodePage areaId={recodeAreaId(pathname)!} onSignOut={session.onSignOut} />
          )}
        </SessionGate>
      )}
      {route === 'subject-access' && (
        <SessionGate host={host}>
          {(session) => (
            <SubjectAccessPage
              areaId={subjectAccessAreaId(pathname)!}
              onSignOut={session.onSignOut}
            />
          )}
        </SessionGate>
      )}
      {route === 'data-return' && dataReturn && (
        <SessionGate host={host}>
          {(session) => (
            <DataReturnPage
              areaId={dataReturn.areaId}
              quarter={dataReturn.quarter}
              onSignOut={session.onSignOut}
            />
          )}
        </SessionGate>
      )}
      {route === 'actions' && (
        <SessionGate host={host}>
          {(session) => <ActionsPage onSignOut={session.onSignOut} />}
        </SessionGate>
      )}
      {(route === 'coordinator' || route === 'agenda' || route === 'research') && (
        // One gate for all: going from the meetings to an agenda and back does not sign in again.
        <SessionGate host={host}>
          {(session) =>
            research ? (
              <ResearchPage
                key={`${pathname}${search}`}
                place={research}
                onSignOut={session.onSignOut}
              />
            ) : agendaOf ? (
              <AgendaPage key={agendaOf} meetingId={agendaOf} onSignOut={session.onSignOut} />
            ) : (
              <CoordinatorScreen onSignOut={session.onSignOut} />
            )
          }
        </SessionGate>
      )}
    </FluentProvider>
  );
}
