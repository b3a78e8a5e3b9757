import { Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { DeliveryMode } from '#core/contracts/agenda-api.js';
import type { Agency } from '#core/contracts/api.js';
import { agendaApi } from '../../api/agendas.js';
import { toApiError, type ApiRequestError } from '../../api/client.js';
import { FormDialog } from '../FormDialog.js';
import { ErrorSummary } from '../referrals/form/ErrorSummary.js';
import { F, FieldErrors } from '../referrals/form/form-fields.js';
import { MODE_HINTS, MODE_WORDS, MODES } from './agenda-words.js';
import { CertificateFields } from './CertificateFields.js';
import { CertificateList } from './CertificateList.js';
import { checkDelivery } from './check-delivery.js';
import { fieldProblems } from './field-problems.js';
import { useProblems } from './use-problems.js';

const useStyles = makeStyles({
  content: { display: 'grid', gap: '12px', gridTemplateColumns: 'minmax(0, 1fr)' },
  hint: { display: 'block', color: tokens.colorNeutralForeground3 },
  h3: { margin: '0 0 6px', fontSize: tokens.fontSizeBase300 },
});

/**
 * How an agency's reps receive the agenda. Nothing is chosen until the coordinator chooses (the
 * mode in force is marked as current); S/MIME needs a certificate for each rep, which the server
 * checks before it saves.
 */
export function DeliveryDialog(props: {
  areaId: string;
  agency: Agency;
  onClose: () => void;
  onSaved: (agency: Agency) => void;
}) {
  const styles = useStyles();
  const { agency } = props;
  const current = agency.delivery.mode;
  const [mode, setMode] = useState<DeliveryMode | ''>('');
  const [pem, setPem] = useState('');
  const check = useProblems();
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const [busy, setBusy] = useState(false);
  const stored = current === 'smime' ? agency.delivery.certificates : [];

  const submit = async () => {
    const found = checkDelivery({
      agency: agency.name,
      mode,
      pem,
      storedCertificates: stored.length,
    });
    setFailure(null);
    if (found.length > 0 || mode === '') {
      check.fail(found);
      return;
    }
    check.clear();
    setBusy(true);
    try {
      const certificatePem = mode === 'smime' && pem.trim() !== '' ? pem.trim() : undefined;
      props.onSaved(
        await agendaApi.updateDelivery(props.areaId, agency.id, {
          mode,
          ...(certificatePem ? { certificatePem } : {}),
        }),
      );
    } catch (e) {
      const error = toApiError(e);
      const onFields = fieldProblems(error.details, ['mode', 'certificatePem']);
      if (onFields) check.fail(onFields);
      else setFailure(error);
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title={<>How {agency.name} receives the agenda</>}
      label="Agenda delivery"
      busy={busy}
      onClose={props.onClose}
      onSubmit={() => void submit()}
      submitLabel="Save delivery mode"
      busyLabel="Saving…"
      failure={failure}
      failureTitle="The delivery mode was not saved"
      contentClassName={styles.content}
    >
      <ErrorSummary problems={check.problems} attempt={check.attempt} />
      <FieldErrors.Provider value={check.byField}>
        <F path="mode" label="Send the agenda as" required hint={`Now: ${MODE_WORDS[current]}`}>
          <RadioGroup value={mode} onChange={(_, d) => setMode(d.value as DeliveryMode)}>
            {MODES.map((m) => (
              <Radio
                key={m}
                value={m}
                label={
                  <>
                    {MODE_WORDS[m]}
                    {m === current && ' (current)'}{' '}
                    <span className={styles.hint}>{MODE_HINTS[m]}</span>
                  </>
                }
              />
            ))}
          </RadioGroup>
        </F>
        {stored.length > 0 && (
          <section aria-labelledby="stored-certificates-heading">
            <h3 id="stored-certificates-heading" className={styles.h3}>
              Certificates on record
            </h3>
            <CertificateList certificates={stored} />
          </section>
        )}
        {mode === 'smime' && (
          <CertificateFields agency={agency.name} stored={stored.length} pem={pem} onPem={setPem} />
        )}
      </FieldErrors.Provider>
    </FormDialog>
  );
}
