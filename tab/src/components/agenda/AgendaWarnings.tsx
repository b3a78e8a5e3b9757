import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
} from '@fluentui/react-components';
import { agendaApi, type AgendaWarning } from '../../api/agendas.js';
import { formatDate } from '../../format/dates.js';
import { agendaPath } from '../../routes.js';
import { AppLink } from '../AppLink.js';
import { useLoad } from '../use-load.js';

const useStyles = makeStyles({
  list: { display: 'grid', gap: '8px', marginBottom: '16px' },
});

const KINDS: Record<AgendaWarning['kind'], { intent: 'warning' | 'error'; title: string }> = {
  'circulation-near': { intent: 'warning', title: 'Agenda due soon' },
  'circulation-passed': { intent: 'error', title: 'Agenda overdue' },
  'delivery-dead': { intent: 'error', title: 'Agenda not delivered' },
};

/**
 * What the coordinator must act on for the area's agendas: a circulation date near or passed
 * with nothing published, or a copy that could not be delivered. Each names the meeting only
 * (never a case) and links to its agenda.
 */
export function AgendaWarnings({ areaId }: { areaId: string }) {
  const styles = useStyles();
  const warnings = useLoad(() => agendaApi.warnings(areaId), [areaId]);
  // A failed read of the warnings is not shown: the meetings below carry the same dates.
  if (!warnings.data || warnings.data.length === 0) return null;
  return (
    <section aria-label="Agenda warnings" className={styles.list} data-testid="agenda-warnings">
      {warnings.data.map((w) => {
        const meeting = `MARAC on ${formatDate(w.meetingDate)}`;
        return (
          <MessageBar
            key={`${w.meetingId}:${w.kind}`}
            intent={KINDS[w.kind].intent}
            layout="multiline"
          >
            <MessageBarBody>
              <MessageBarTitle>{KINDS[w.kind].title}</MessageBarTitle>
              {w.message}{' '}
              <AppLink
                href={agendaPath(w.meetingId)}
                aria-label={`Open the agenda for the ${meeting}`}
              >
                Open the agenda
              </AppLink>
            </MessageBarBody>
          </MessageBar>
        );
      })}
    </section>
  );
}
