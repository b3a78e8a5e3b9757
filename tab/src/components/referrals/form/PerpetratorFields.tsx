import { Button } from '@fluentui/react-components';
import { GENDERS, MAPPA_LEVELS, RELATIONSHIPS } from '../referral-words.js';
import { ChoiceField, DateField, TextField, useFormStyles } from './form-fields.js';
import type { PerpetratorDraft } from './referral-draft.js';

/** One perpetrator's block; relationship and MAPPA level start unanswered and must be chosen. */
export function PerpetratorFields(props: {
  perpetrator: PerpetratorDraft;
  index: number;
  onChange: (patch: Partial<PerpetratorDraft>) => void;
  onRemove?: (() => void) | undefined;
}) {
  const styles = useFormStyles();
  const { perpetrator: p, onChange } = props;
  const n = props.index + 1;
  const at = (field: string) => `perpetrators.${props.index}.${field}`;
  const text = (key: 'otherNames' | 'line1' | 'town' | 'postcode', path: string, label: string) => (
    <TextField
      path={at(path)}
      label={label}
      hint={key === 'otherNames' ? 'Separate names with commas' : undefined}
      value={p[key]}
      onChange={(value) => onChange({ [key]: value })}
    />
  );
  return (
    <div className={styles.sub} role="group" aria-label={`Perpetrator ${n}`}>
      <div className={styles.subHead}>
        <h4 className={styles.subTitle}>Perpetrator {n}</h4>
        {props.onRemove && (
          <Button size="small" onClick={props.onRemove}>
            Remove perpetrator {n}
          </Button>
        )}
      </div>
      <div className={styles.grid}>
        <TextField
          path={at('name')}
          label={`Perpetrator ${n} name`}
          required
          value={p.name}
          onChange={(value) => onChange({ name: value })}
        />
        {text('otherNames', 'otherNames', 'Other names')}
        <DateField
          path={at('dateOfBirth')}
          label={`Perpetrator ${n} date of birth`}
          value={p.dateOfBirth}
          onChange={(value) => onChange({ dateOfBirth: value })}
        />
        <ChoiceField
          path={at('gender')}
          label="Gender"
          required
          value={p.gender}
          options={GENDERS}
          onChange={(value) => onChange({ gender: value as PerpetratorDraft['gender'] })}
        />
        <ChoiceField
          path={at('relationshipToVictim')}
          label="Relationship to the victim"
          required
          value={p.relationshipToVictim}
          options={RELATIONSHIPS}
          onChange={(value) => onChange({ relationshipToVictim: value })}
        />
        <ChoiceField
          path={at('mappaLevel')}
          label="MAPPA level"
          required
          value={p.mappaLevel}
          options={MAPPA_LEVELS}
          onChange={(value) => onChange({ mappaLevel: value })}
        />
        {text('line1', 'address.line1', 'Address line 1')}
        {text('town', 'address.town', 'Town')}
        {text('postcode', 'address.postcode', 'Postcode')}
      </div>
    </div>
  );
}
