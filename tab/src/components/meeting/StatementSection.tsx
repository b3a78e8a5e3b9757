import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { MeetingRun } from '#core/contracts/meeting-api.js';
import { meetingRunApi } from '../../api/meeting-run.js';
import { toApiError, type ApiRequestError } from '../../api/client.js';
import { ErrorBar } from '../ErrorBar.js';
import { Section } from '../Section.js';

const useStyles = makeStyles({
  statement: {
    whiteSpace: 'pre-wrap',
    padding: '12px',
    margin: '0 0 12px',
    borderLeft: `4px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  note: { display: 'block', margin: '0 0 12px', color: tokens.colorNeutralForeground2 },
});

/**
 * The confidentiality statement, confirmed in the app before anything about a case is shown to
 * this person (the server records the time, and sends no case until then).
 */
export function StatementSection(props: { run: MeetingRun; onConfirmed: () => void }) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await meetingRunApi.confirmStatement(props.run.meetingId);
      props.onConfirmed();
    } catch (e) {
      setFailure(toApiError(e));
      setBusy(false);
    }
  };
  return (
    <Section id="statement-heading" title="Confidentiality statement">
      <p className={styles.statement} data-testid="statement">
        {props.run.statement}
      </p>
      {props.run.state === 'closed' ? (
        <Text className={styles.note}>
          The meeting is closed and you did not confirm the statement at it, so its cases are not
          shown to you. Ask the MARAC coordinator if you need its record.
        </Text>
      ) : (
        <>
          <Text className={styles.note}>
            The cases are shown once you confirm. Your confirmation is recorded with the time.
          </Text>
          <ErrorBar error={failure} title="Your confirmation was not recorded" />
          <div>
            <Button appearance="primary" disabled={busy} onClick={() => void confirm()}>
              {busy ? 'Recording…' : 'I confirm'}
            </Button>
          </div>
        </>
      )}
    </Section>
  );
}
