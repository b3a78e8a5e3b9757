import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { fieldDomId } from '../referrals/form/field-names.js';

const useStyles = makeStyles({
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: '4px' },
  detail: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  error: { display: 'block', color: tokens.colorPaletteRedForeground1, margin: '4px 0' },
  none: { color: tokens.colorNeutralForeground3 },
});

/** One group of people or agencies who may sit on a meeting, as checkboxes. */
export function MemberBoxes(props: {
  path: string;
  legend: string;
  people: { id: string; name: string; detail?: string }[];
  chosen: string[];
  error?: string | undefined;
  onToggle: (id: string, checked: boolean) => void;
}) {
  const styles = useStyles();
  const errorId = `${fieldDomId(props.path)}-error`;
  return (
    <fieldset
      id={fieldDomId(props.path)}
      className={styles.fieldset}
      aria-describedby={props.error ? errorId : undefined}
    >
      <legend className={styles.legend}>{props.legend}</legend>
      {props.error && (
        <span id={errorId} className={styles.error}>
          {props.error}
        </span>
      )}
      {props.people.length === 0 && <span className={styles.none}>None in this area.</span>}
      {props.people.map((p) => (
        <div key={p.id}>
          <Checkbox
            checked={props.chosen.includes(p.id)}
            onChange={(_, d) => props.onToggle(p.id, d.checked === true)}
            label={
              <>
                {p.name} {p.detail && <span className={styles.detail}>{p.detail}</span>}
              </>
            }
          />
        </div>
      ))}
    </fieldset>
  );
}
