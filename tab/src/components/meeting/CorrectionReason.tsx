import { Field, Textarea } from '@fluentui/react-components';
import { MEETING_TEXT_LIMITS } from '#core/contracts/meeting-api.js';

/** After close a change is a correction: it says why (kept with the version before it). */
export function CorrectionReason(props: {
  value: string;
  problem: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <Field
      label="Reason for the correction"
      required
      hint={`The meeting is closed: the version before is kept with this reason. ${props.value.trim().length} of ${MEETING_TEXT_LIMITS.reason} characters.`}
      validationState={props.problem ? 'error' : 'none'}
      validationMessage={props.problem}
    >
      <Textarea
        value={props.value}
        resize="vertical"
        onChange={(_, d) => props.onChange(d.value)}
      />
    </Field>
  );
}
