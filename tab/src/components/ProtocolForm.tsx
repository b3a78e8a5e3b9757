import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { Area } from '#core/contracts/api.js';
import { toApiError, type ApiRequestError } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { ErrorBar } from './ErrorBar.js';
import {
  checkDraft,
  draftFrom,
  numberFields,
  type DraftErrors,
  type ProtocolDraft,
} from './protocol-form-model.js';
import { useProtocolFormStyles } from './protocol-form-styles.js';
import { ProtocolWhenFields } from './ProtocolWhenFields.js';

/** Edits every setting of the area's protocol, checked here before the server checks again. */
export function ProtocolForm(props: {
  areaId: string;
  protocol: Area['protocol'];
  hasSeries: boolean;
  onCancel: () => void;
  onSaved: (area: Area) => void;
}) {
  const styles = useProtocolFormStyles();
  const [draft, setDraft] = useState<ProtocolDraft>(() => draftFrom(props.protocol));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const [saving, setSaving] = useState(false);
  const [inviteDeputies, setInviteDeputies] = useState(props.protocol.inviteDeputies !== false);
  const set = <K extends keyof ProtocolDraft>(key: K, value: ProtocolDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const state = (key: keyof ProtocolDraft) =>
    errors[key] ? { validationState: 'error' as const, validationMessage: errors[key] } : {};

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkDraft(draft);
    setErrors(checked.errors);
    if (!checked.protocol) return;
    setSaving(true);
    setFailure(null);
    try {
      props.onSaved(
        await api.updateProtocol(props.areaId, { ...checked.protocol, inviteDeputies }),
      );
    } catch (e) {
      setFailure(toApiError(e));
      setSaving(false);
    }
  };

  return (
    <form
      className={styles.form}
      onSubmit={(e) => void save(e)}
      noValidate
      aria-label="Edit protocol"
    >
      {props.hasSeries && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            This area already has an Outlook series. Saving changes the dates and deadlines the app
            works out for coming meetings: check the meetings below afterwards.
          </MessageBarBody>
        </MessageBar>
      )}
      <ProtocolWhenFields draft={draft} errors={errors} set={set} />
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Length, deadlines and capacity</legend>
        <div className={styles.grid}>
          {numberFields.map((f) => (
            <Field key={f.key} label={f.label} hint={f.hint} {...state(f.key)}>
              <Input
                type="number"
                min={f.min}
                max={f.max}
                value={draft[f.key]}
                onChange={(_, d) => set(f.key, d.value)}
              />
            </Field>
          ))}
        </div>
      </fieldset>
      <Checkbox
        checked={inviteDeputies}
        onChange={(_, d) => setInviteDeputies(d.checked === true)}
        label="Invite agencies' deputies as well as their core reps (the chair and the IDVA service are always invited)"
      />
      <ErrorBar error={failure} title="The protocol was not saved" />
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save protocol'}
        </Button>
        <Button onClick={props.onCancel} disabled={saving}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
