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
import { agendaApi } from '../api/agendas.js';
import { AppLink } from '../components/AppLink.js';
import { PageTop } from '../components/PageTop.js';
import { CoordinatorAgenda } from '../components/agenda/CoordinatorAgenda.js';
import { PublishedAgenda } from '../components/agenda/PublishedAgenda.js';
import { ErrorBar } from '../components/ErrorBar.js';
import { useLoad } from '../components/use-load.js';
import { formatDate } from '../format/dates.js';
import { researchPaths } from '../routes.js';
import { PAGE_LAYOUT } from '../components/page-layout.js';

const useStyles = makeStyles({
  ...PAGE_LAYOUT,
  title: { display: 'block', margin: '4px 0 8px' },
  sub: { display: 'block', color: tokens.colorNeutralForeground3, margin: '-6px 0 16px' },
});

/**
 * A meeting's agenda, at `/agenda/{meetingId}`. The server decides what the person sees: the
 * coordinator gets the draft with everything to run the agenda; the agencies, chair and IDVAs who
 * sit on the meeting get the latest published version; anyone else is refused.
 */
export function AgendaPage({
  meetingId,
  onSignOut,
}: {
  meetingId: string;
  onSignOut?: () => void;
}) {
  const styles = useStyles();
  const agenda = useLoad(() => agendaApi.agenda(meetingId), [meetingId]);
  // The meeting's area takes the coordinator back to the right area; readers may not need it.
  const meeting = useLoad(() => agendaApi.meeting(meetingId).catch(() => null), [meetingId]);
  const view = agenda.data;
  const back = meeting.data ? `/?area=${encodeURIComponent(meeting.data.areaId)}` : '/';

  return (
    <main className={styles.page}>
      <PageTop
        back={back}
        links={
          view && (
            <AppLink href={researchPaths.matrix(meetingId)}>Research for this meeting</AppLink>
          )
        }
        onSignOut={onSignOut}
      />
      <Title2 as="h1" className={styles.title}>
        {view ? `Agenda for the MARAC on ${formatDate(view.meetingDate)}` : 'MARAC agenda'}
      </Title2>
      {view && <Text className={styles.sub}>{view.areaName}</Text>}
      {agenda.loading && !view && <Spinner size="small" label="Loading the agenda" />}
      {agenda.error?.status === 403 ? (
        <MessageBar intent="info" layout="multiline" data-testid="not-on-meeting">
          <MessageBarBody>
            <MessageBarTitle>You are not on this meeting</MessageBarTitle>
            Only the agencies, chairs and IDVAs who sit on this meeting can read its agenda, and you
            are not on this meeting’s list. If you think you should be, ask the MARAC coordinator.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <ErrorBar error={agenda.error} title="The agenda could not be loaded" />
      )}
      {view?.kind === 'draft' && (
        <CoordinatorAgenda
          view={view}
          areaId={meeting.data?.areaId ?? null}
          onView={(next) => agenda.setData(next)}
          onStale={agenda.reload}
        />
      )}
      {view?.kind === 'published' && <PublishedAgenda view={view} />}
    </main>
  );
}
