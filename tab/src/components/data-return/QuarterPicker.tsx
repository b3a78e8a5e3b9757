import { Button, Field, Select, makeStyles } from '@fluentui/react-components';
import { quarterChoices, quarterInWords, quarterOf, shiftQuarter } from '../../format/quarters.js';
import { londonToday } from '../../format/dates.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'flex-end', margin: '8px 0' },
  // A select is as wide as its longest option unless told: in a side panel it must shrink.
  field: { width: '100%', maxWidth: '24em', minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  select: { minWidth: 0, maxWidth: '100%' },
});

/**
 * Chooses the quarter; the page follows the address (`?quarter=`), so a chosen quarter can be
 * shared. No quarter after the current one: its meetings have not happened.
 */
export function QuarterPicker(props: { quarter: string; onChange: (quarter: string) => void }) {
  const styles = useStyles();
  const current = quarterOf(londonToday());
  const next = shiftQuarter(props.quarter, 1);
  return (
    <div className={styles.row}>
      <Field label="Quarter" className={styles.field}>
        <Select
          className={styles.select}
          value={props.quarter}
          onChange={(_, d) => props.onChange(d.value)}
        >
          {quarterChoices(props.quarter).map((q) => (
            <option key={q} value={q}>
              {quarterInWords(q)}
              {q === current ? ' (under way)' : ''}
            </option>
          ))}
        </Select>
      </Field>
      <Button onClick={() => props.onChange(shiftQuarter(props.quarter, -1))}>
        Previous quarter
      </Button>
      <Button disabled={next > current} onClick={() => props.onChange(next)}>
        Next quarter
      </Button>
    </div>
  );
}
