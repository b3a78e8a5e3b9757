import { Checkbox } from '@fluentui/react-components';
import { Section } from '../../Section.js';
import { GENDERS } from '../referral-words.js';
import {
  CategoryField,
  ChoiceField,
  DateField,
  F,
  RadioField,
  TextAreaField,
  TextField,
  useFormStyles,
  YES_NO_NOT_KNOWN,
} from './form-fields.js';
import type { DraftSetters } from './draft-setters.js';
import type { ReferralDraft, VictimDraft } from './referral-draft.js';

/** The victim: who they are, where they live, how to reach them safely. */
export function VictimSection({
  victim: v,
  asWritten,
  to,
}: {
  victim: VictimDraft;
  asWritten: ReferralDraft['asWritten'];
  to: DraftSetters;
}) {
  const styles = useFormStyles();
  const text = (key: keyof VictimDraft, path: string, label: string, hint?: string) => (
    <TextField
      path={path}
      label={label}
      hint={hint}
      value={v[key] as string}
      onChange={(value) => to.victim(key, value as never)}
    />
  );
  return (
    <Section id="ref-victim" title="Victim">
      <div className={styles.grid}>
        <TextField
          path="victim.name"
          label="Victim’s name"
          required
          value={v.name}
          onChange={(value) => to.victim('name', value)}
        />
        {text('otherNames', 'victim.otherNames', 'Other names', 'Separate names with commas')}
        <DateField
          path="victim.dateOfBirth"
          label="Victim’s date of birth"
          value={v.dateOfBirth}
          onChange={(value) => to.victim('dateOfBirth', value)}
        />
        <ChoiceField
          path="victim.gender"
          label="Gender"
          required
          value={v.gender}
          options={GENDERS}
          onChange={(value) => to.victim('gender', value as VictimDraft['gender'])}
        />
        {text('line1', 'victim.address.line1', 'Address line 1')}
        {text('line2', 'victim.address.line2', 'Address line 2')}
        {text('town', 'victim.address.town', 'Town')}
        {text('postcode', 'victim.address.postcode', 'Postcode')}
        <TextField
          path="victim.phone"
          label="Victim’s phone"
          type="tel"
          value={v.phone}
          onChange={(value) => to.victim('phone', value)}
        />
        <RadioField
          path="victim.safeToCall"
          label="Safe to call this number?"
          value={v.safeToCall}
          options={YES_NO_NOT_KNOWN}
          onChange={(value) => to.victim('safeToCall', value)}
        />
        <TextAreaField
          path="victim.safeContactNotes"
          label="Safe ways and times to make contact"
          wide
          value={v.safeContactNotes}
          onChange={(value) => to.victim('safeContactNotes', value)}
        />
        <CategoryField
          path="victim.ethnicity"
          label="Ethnicity"
          field="ethnicity"
          value={v.ethnicity}
          recordedAs={asWritten.ethnicity}
          onChange={(value) => to.victim('ethnicity', value)}
        />
        <RadioField
          path="victim.disability"
          label="Disability"
          value={v.disability}
          options={YES_NO_NOT_KNOWN}
          onChange={(value) => to.victim('disability', value)}
        />
        <CategoryField
          path="victim.sexuality"
          label="Sexuality"
          field="sexuality"
          value={v.sexuality}
          recordedAs={asWritten.sexuality}
          onChange={(value) => to.victim('sexuality', value)}
        />
        {text('language', 'victim.language', 'First language')}
        <F path="victim.interpreterNeeded" label="Interpreter">
          <Checkbox
            label="An interpreter is needed"
            checked={v.interpreterNeeded}
            onChange={(_, d) => to.victim('interpreterNeeded', d.checked === true)}
          />
        </F>
      </div>
    </Section>
  );
}
