import { Spinner, Text, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import type { AgendaVersionSummary } from '#core/contracts/agenda-api.js';
import { agendaApi, type AgendaDelivery } from '../../api/agendas.js';
import { toApiError, type ApiRequestError } from '../../api/client.js';
import { ErrorBar } from '../ErrorBar.js';
import { Section } from '../Section.js';
import { DeliveriesTable } from './DeliveriesTable.js';
import type { Deliveries } from './use-deliveries.js';

const useStyles = makeStyles({ summary: { display: 'block', marginBottom: '8px' } });

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
            rows={rows}
            label={label}
            resending={resending}
            onResend={(d) => void resend(d)}
          />
        </>
      )}
    </Section>
  );
}
