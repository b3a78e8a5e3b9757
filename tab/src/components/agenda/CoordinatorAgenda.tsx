import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
} from '@fluentui/react-components';
import type { AgendaView } from '../../api/agendas.js';
import { agendaApi } from '../../api/agendas.js';
import { useLoad } from '../use-load.js';
import { circulationWords } from './agenda-words.js';
import { DeliveriesSection } from './DeliveriesSection.js';
import { DraftSection } from './DraftSection.js';
import { MembersSection } from './MembersSection.js';
import { PublishSection } from './PublishSection.js';
import { useDeliveries } from './use-deliveries.js';
import { VersionsSection } from './VersionsSection.js';

const useStyles = makeStyles({ circulation: { marginBottom: '16px' } });

/**
 * The coordinator's agenda screen for one meeting: where it stands against the circulation date,
 * who sits on it, the draft in the SafeLives order, publishing, the versions sent and every
 * recipient's delivery.
 */
export function CoordinatorAgenda(props: {
  view: AgendaView;
  areaId: string | null;
  onView: (view: AgendaView) => void;
  /** Something the agenda shows changed on the server: read it again. */
  onStale: () => void;
}) {
  const styles = useStyles();
  const { view } = props;
  const members = useLoad(() => agendaApi.members(view.meetingId), [view.meetingId]);
  const deliveries = useDeliveries(view.meetingId);
  const circulation = circulationWords(view.circulation);
  const agencies = members.data?.agencies.filter((a) => a.onMeeting).length ?? null;

  return (
    <>
      <MessageBar
        intent={circulation.intent}
        layout="multiline"
        className={styles.circulation}
        data-testid="circulation"
      >
        <MessageBarBody>
          <MessageBarTitle>Agenda circulation</MessageBarTitle>
          {circulation.text}
        </MessageBarBody>
      </MessageBar>
      <MembersSection
        members={members.data}
        loading={members.loading}
        error={members.error}
        onSaved={(saved) => {
          members.setData(saved);
          props.onStale();
        }}
      />
      <DraftSection view={view} areaId={props.areaId} onView={props.onView} />
      <PublishSection
        view={view}
        agencies={agencies}
        onPublished={() => {
          props.onStale();
          deliveries.reload();
        }}
      />
      <VersionsSection versions={view.versions} />
      <DeliveriesSection
        meetingId={view.meetingId}
        versions={view.versions}
        deliveries={deliveries}
      />
    </>
  );
}
