import type { Agency, Area } from '#core/contracts/api.js';
import { Section } from '../../Section.js';
import { ChoiceField, TextField, useFormStyles } from './form-fields.js';
import type { DraftSetters } from './draft-setters.js';
import type { ReferralDraft } from './referral-draft.js';

/** Who refers: the area, the agency they refer for, how to reach them. */
export function ReferrerSection(props: {
  draft: ReferralDraft;
  to: DraftSetters;
  areas: Area[];
  agencies: Agency[];
}) {
  const styles = useFormStyles();
  const { draft, to } = props;
  return (
    <Section id="ref-referrer" title="Referrer">
      <div className={styles.grid}>
        <ChoiceField
          path="areaId"
          label="MARAC area"
          required
          value={draft.areaId}
          options={props.areas.map((a) => [a.id, a.name] as const)}
          onChange={(value) => to.set('areaId', value)}
        />
        <ChoiceField
          path="referrerAgencyId"
          label="Your agency"
          required
          placeholder="Choose your agency"
          value={draft.referrerAgencyId}
          options={props.agencies.map((a) => [a.id, a.name] as const)}
          onChange={(value) => to.set('referrerAgencyId', value)}
        />
        <TextField
          path="referrerPhone"
          label="Your phone number"
          required
          type="tel"
          value={draft.referrerPhone}
          onChange={(value) => to.set('referrerPhone', value)}
        />
      </div>
    </Section>
  );
}
