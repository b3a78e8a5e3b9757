import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Meeting } from '#core/contracts/api.js';
import { toApiError, type ApiRequestError } from '../../../api/client.js';
import { referralApi } from '../../../api/referrals.js';
import { formatDate } from '../../../format/dates.js';
import { ErrorBar } from '../../ErrorBar.js';
import { Section } from '../../Section.js';
import { useLoad } from '../../use-load.js';
import { AcceptPanel, type Accepted } from './AcceptPanel.js';
import { DuplicateCandidates } from './DuplicateCandidates.js';
import { MovePanel } from './MovePanel.js';
import { DecisionPanel, MappaLinkPanel } from './NotePanels.js';
import { ReferralFacts } from './ReferralFacts.js';

const OPEN = ['submitted', 'needs-information', 'draft'];

/** One referral for the coordinator: the form read-only, duplicates, and the decisions. */
export function ReferralDetailPanel(props: {
  referralId: string;
  meetings: Meeting[];
  onClose: () => void;
  onChanged: () => void;
}) {
  const detail = useLoad(() => referralApi.detail(props.referralId), [props.referralId]);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [busy, setBusy] = useState(false);
  const [accepted, setAccepted] = useState<Accepted | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function act(run: () => Promise<unknown>, message?: string) {
    setBusy(true);
    try {
      await run();
      setError(null);
      if (message) setDone(message);
      detail.reload();
      props.onChanged();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  const data = detail.data;
  const s = data?.summary;
  const panel = { referralId: props.referralId, busy, act };
  return (
    <Section
      id="referral-detail"
      title={s ? `Referral ${s.reference}` : 'Referral'}
      actions={<Button onClick={props.onClose}>Close</Button>}
    >
      <div data-testid="referral-detail">
        <ErrorBar error={detail.error ?? error} title="That did not work" />
        {detail.loading && !data && <Spinner size="small" label="Loading the referral" />}
        {accepted && (
          <MessageBar intent="success" data-testid="accepted-notice">
            <MessageBarBody>
              <MessageBarTitle>Accepted</MessageBarTitle>
              {`For the MARAC on ${formatDate(accepted.meetingDate)}`}
              {accepted.overCapacity ? ' (over the meeting’s usual number of cases)' : ''}
            </MessageBarBody>
          </MessageBar>
        )}
        {done && (
          <MessageBar intent="success">
            <MessageBarBody>{done}</MessageBarBody>
          </MessageBar>
        )}
        {s && data && (
          <>
            <ReferralFacts data={data} meetings={props.meetings} />
            <DuplicateCandidates data={data} busy={busy} act={act} />
            {OPEN.includes(s.status) && (
              <>
                <AcceptPanel
                  {...panel}
                  areaId={data.form.areaId}
                  meetings={props.meetings}
                  act={(run) => act(run)}
                  onAccepted={setAccepted}
                />
                <DecisionPanel {...panel} />
              </>
            )}
            {s.status === 'accepted' && (
              <MovePanel {...panel} currentMeetingId={s.meetingId} meetings={props.meetings} />
            )}
            <MappaLinkPanel {...panel} mappaLead={s.mappaLead} />
          </>
        )}
      </div>
    </Section>
  );
}
