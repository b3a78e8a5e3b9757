import { Button, Checkbox } from '@fluentui/react-components';
import { DateField, F, TextField, useFormStyles } from './form-fields.js';
import type { ChildDraft } from './referral-draft.js';

/** One child's block. */
export function ChildFields(props: {
  child: ChildDraft;
  index: number;
  onChange: (patch: Partial<ChildDraft>) => void;
  onRemove: () => void;
}) {
  const styles = useFormStyles();
  const { child: c, onChange } = props;
  const n = props.index + 1;
  const at = (field: string) => `children.${props.index}.${field}`;
  return (
    <div className={styles.sub} role="group" aria-label={`Child ${n}`}>
      <div className={styles.subHead}>
        <h4 className={styles.subTitle}>Child {n}</h4>
        <Button size="small" onClick={props.onRemove}>
          Remove child {n}
        </Button>
      </div>
      <div className={styles.grid}>
        <TextField
          path={at('name')}
          label={`Child ${n} name`}
          required
          value={c.name}
          onChange={(value) => onChange({ name: value })}
        />
        <DateField
          path={at('dateOfBirth')}
          label={`Child ${n} date of birth`}
          value={c.dateOfBirth}
          onChange={(value) => onChange({ dateOfBirth: value })}
        />
        <TextField
          path={at('relationshipToVictim')}
          label="Relationship to the victim"
          required
          value={c.relationshipToVictim}
          onChange={(value) => onChange({ relationshipToVictim: value })}
        />
        <TextField
          path={at('relationshipToPerpetrator')}
          label="Relationship to the perpetrator"
          required
          value={c.relationshipToPerpetrator}
          onChange={(value) => onChange({ relationshipToPerpetrator: value })}
        />
        <TextField
          path={at('school')}
          label="School or nursery"
          value={c.school}
          onChange={(value) => onChange({ school: value })}
        />
        <F path={at('livesInHousehold')} label="Household">
          <Checkbox
            label="Lives in the household"
            checked={c.livesInHousehold}
            onChange={(_, d) => onChange({ livesInHousehold: d.checked === true })}
          />
        </F>
      </div>
    </div>
  );
}
