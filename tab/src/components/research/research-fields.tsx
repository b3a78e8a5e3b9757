import { Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { F } from '../referrals/form/form-fields.js';

export const useResearchStyles = makeStyles({
  group: {
    display: 'grid',
    gap: '12px',
    gridTemplateColumns: 'minmax(0, 1fr)',
    margin: '0 0 16px',
  },
  h3: { margin: '8px 0 0', fontSize: tokens.fontSizeBase400, fontWeight: 600 },
  h4: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: 600 },
  /** Opinion is set apart from the facts: its own box, a thick edge and words that say so. */
  opinion: {
    display: 'grid',
    gap: '8px',
    gridTemplateColumns: 'minmax(0, 1fr)',
    margin: '0 0 16px',
    padding: '12px',
    borderLeft: `6px double ${tokens.colorNeutralStrokeAccessible}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  child: {
    display: 'grid',
    gap: '8px',
    gridTemplateColumns: 'minmax(0, 1fr)',
    padding: '12px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * Several lines of text with its count against the limit beneath. No maxLength: text pasted over
 * the limit is kept, and the check names the limit.
 */
export function CountedText(props: {
  path: string;
  label: string;
  hint?: string;
  required?: boolean;
  max: number;
  value: string;
  rows?: number;
  onChange: (value: string) => void;
}) {
  const length = props.value.trim().length;
  const counted = `${count(length)} of ${count(props.max)} characters${length > props.max ? ': too long' : ''}`;
  return (
    <F
      path={props.path}
      label={props.label}
      required={props.required}
      hint={props.hint ? `${props.hint} ${counted}` : counted}
    >
      <Textarea
        rows={props.rows ?? 3}
        resize="vertical"
        value={props.value}
        onChange={(_, d) => props.onChange(d.value)}
      />
    </F>
  );
}
