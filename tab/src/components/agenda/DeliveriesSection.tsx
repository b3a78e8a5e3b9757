import { Spinner, Text, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import type { AgendaVersionSummary } from '#core/contracts/agenda-api.js';
import { agendaApi, type AgendaDelivery } from '../../api/agendas.js';
import { toApiError, type ApiRequestError } from '../../api/client.js';
import { ErrorBar } from '../ErrorBar.js';
import { Section } from '../Section.js';
import { DeliveriesTable } from './DeliveriesTable.js';
import type { Deliveries } from './use-deliveries.js';

const useStyles = makeStyles({
  summary: { display: 'block', marginBottom: '8px' },
  earlier: { marginTop: '12px' },
  earlierTitle: { cursor: 'pointer', fontWeight: 600, padding: '4px 0' },
});

function earlierWords(rows: AgendaDelivery[]): string {
  const sentCount = rows.filter((d) => d.status === 'sent').length;
  const copies = `${rows.length} ${rows.length === 1 ? 'copy' : 'copies'}`;
  return `Earlier versions: ${copies}, ${sentCount === rows.length ? 'all sent' : `${sentCount} sent`}`;
}

const needsAttention = (d: AgendaDelivery) => d.status === 'failed' || d.status === 'dead';

/** Newest version first, then by agency and recipient. */
const byVersionThenAgency = (a: AgendaDelivery, b: AgendaDelivery) =>
  b.version - a.version ||
  a.agency.localeCompare(b.agency) ||
  a.recipient.localeCompare(b.recipient);

/** Every recipient's copy of every version, with its status; failed and dead ones can be resent. */
export function DeliveriesSection(props: {
  meetingId: string;
  versions: AgendaVersionSummary[];
  deliveries: Deliveries;
}) {
  const styles = useStyles();
  const { deliveries } = props;
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const [resending, setResending] = useState<string | null>(null);
  const rows = [...(deliveries.data ?? [])].sort(byVersionThenAgency);
  const sent = rows.filter((d) => d.status === 'sent').length;
  // The latest version's copies, and any copy of an earlier one that needs the coordinator; the
  // rest of the earlier versions folded away, so the table stays about one meeting's agencies.
  const latest = rows[0]?.version ?? 0;
  const shown = rows.filter((d) => d.version === latest || needsAttention(d));
  const earlier = rows.filter((d) => d.version !== latest && !needsAttention(d));
  const label = (version: number) =>
    props.versions.find((v) => v.version === version)?.label ?? `Version ${version}`;

  const resend = async (delivery: AgendaDelivery) => {
    setResending(delivery.id);
    setFailure(null);
    try {
      const row = await agendaApi.resend(props.meetingId, delivery.id);
      deliveries.setData((list) => (list ?? []).map((d) => (d.id === row.id ? row : d)));
    } catch (e) {
      setFailure(toApiError(e));
    }
    setResending(null);
  };

  return (
    <Section id="deliveries-heading" title="Deliveries">
      <ErrorBar error={deliveries.error} title="The deliveries could not be loaded" />
      <ErrorBar error={failure} title="The copy was not sent again" />
      {deliveries.loading && !deliveries.data && (
        <Spinner size="small" label="Loading deliveries" />
      )}
      {deliveries.data && rows.length === 0 && <Text>Nothing has been sent yet.</Text>}
      {rows.length > 0 && (
        <>
          <Text className={styles.summary} role="status" data-testid="deliveries-summary">
            {`${sent} of ${rows.length} sent.`}
          </Text>
          <DeliveriesTable
            rows={shown}
            label={label}
            resending={resending}
            onResend={(d) => void resend(d)}
          />
          {earlier.length > 0 && (
            <details className={styles.earlier}>
              <summary className={styles.earlierTitle} id="earlier-deliveries-heading">
                {earlierWords(earlier)}
              </summary>
              <DeliveriesTable
                rows={earlier}
                label={label}
                resending={resending}
                onResend={(d) => void resend(d)}
                testId="earlier-deliveries-table"
                labelledBy="earlier-deliveries-heading"
              />
            </details>
          )}
        </>
      )}
    </Section>
  );
}
