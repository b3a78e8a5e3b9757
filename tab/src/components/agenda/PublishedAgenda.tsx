import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AgendaView } from '../../api/agendas.js';
import { formatDateTime } from '../../format/dates.js';
import { Section } from '../Section.js';
import { AgendaSections } from './AgendaSections.js';
import { CaseDetails } from './CaseDetails.js';
import { VersionsList } from './VersionsList.js';

const useStyles = makeStyles({
  marking: {
    display: 'block',
    textAlign: 'center',
    fontWeight: tokens.fontWeightBold,
    letterSpacing: '0.05em',
    padding: '4px',
    margin: '0 0 12px',
    border: `2px solid ${tokens.colorNeutralStrokeAccessible}`,
  },
  when: { display: 'block', color: tokens.colorNeutralForeground3 },
});

/** The protective marking a MARAC agenda carries top and bottom. */
function Marking() {
  const styles = useStyles();
  return <Text className={styles.marking}>OFFICIAL-SENSITIVE</Text>;
}

/**
 * The latest published agenda as an agency rep, the chair or an IDVA reads it: read-only, marked
 * OFFICIAL-SENSITIVE, with the confidentiality statement and what each addendum changed.
 */
export function PublishedAgenda({ view }: { view: AgendaView }) {
  const styles = useStyles();
  const latest = view.versions.find((v) => v.version === view.version);
  if (!view.agenda)
    return (
      <MessageBar intent="info" data-testid="no-agenda">
        <MessageBarBody>No agenda has been published for this meeting yet.</MessageBarBody>
      </MessageBar>
    );
  // Cases are numbered through both groups, as the chair calls them.
  const withChildren = view.agenda.sections.find((s) => s.kind === 'cases-with-children');
  const before = withChildren?.kind === 'cases-with-children' ? withChildren.cases.length : 0;
  return (
    <div data-testid="published-agenda">
      <Marking />
      <Section id="published-heading" title={view.label}>
        {latest && (
          <Text className={styles.when}>{`Published ${formatDateTime(latest.publishedAt)}`}</Text>
        )}
        <AgendaSections
          sections={view.agenda.sections}
          confidentiality={view.confidentiality}
          renderCases={(group, cases) => (
            <CaseDetails cases={cases} first={group === 'cases-with-children' ? 1 : before + 1} />
          )}
        />
      </Section>
      {view.versions.length > 1 && (
        <Section id="versions-heading" title="Versions and what changed">
          <VersionsList versions={view.versions} />
        </Section>
      )}
      <Marking />
    </div>
  );
}
