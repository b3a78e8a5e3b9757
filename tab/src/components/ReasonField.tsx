import { Field, MessageBar, MessageBarBody, Textarea } from '@fluentui/react-components';

export const REASON_MAX = 200;

/** Why a meeting is moved or cancelled. Kept in the app, never in the calendar item. */
export function ReasonField(props: {
  value: string;
  error?: string;
  onChange: (v: string) => void;
}) {
  return (
    <>
      <Field
        label="Reason"
        required
        hint={`${props.value.length} of ${REASON_MAX} characters`}
        validationState={props.error ? 'error' : 'none'}
        validationMessage={props.error}
      >
        <Textarea
          value={props.value}
          maxLength={REASON_MAX}
          resize="vertical"
          onChange={(_, d) => props.onChange(d.value)}
        />
      </Field>
      {/* Invitees may include delegates who are not vetted, so the calendar carries no reasons. */}
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          The reason is kept in this app for the record; it is not written to the Outlook calendar,
          which every invitee can read. Do not include names or case details.
        </MessageBarBody>
      </MessageBar>
    </>
  );
}

export function checkReason(reason: string): string | undefined {
  if (reason.trim().length === 0) return 'Give a reason.';
  if (reason.trim().length > REASON_MAX) return `Keep the reason to ${REASON_MAX} characters.`;
  return undefined;
}
