import { Text } from '@fluentui/react-components';
import type { AgendaVersionSummary } from '#core/contracts/agenda-api.js';
import { Section } from '../Section.js';
import { VersionsList } from './VersionsList.js';

/** The coordinator's record of what went out: the agenda and each addendum. */
export function VersionsSection({ versions }: { versions: AgendaVersionSummary[] }) {
  return (
    <Section id="versions-heading" title="Published versions">
      {versions.length === 0 ? <Text>None yet.</Text> : <VersionsList versions={versions} />}
    </Section>
  );
}
