import { Section } from '../../Section.js';
import { RadioField, TextAreaField, useFormStyles, YES_NO } from './form-fields.js';
import type { DraftSetters } from './draft-setters.js';
import type { ReferralDraft } from './referral-draft.js';

/** Whether the victim knows and consents (both unanswered until chosen), and who is safe. */
export function ConsentSection({ draft, to }: { draft: ReferralDraft; to: DraftSetters }) {
  const styles = useFormStyles();
  const withoutConsent = draft.victimAware === 'no' || draft.consented === 'no';
  const area = (
    key: 'victimFears' | 'safeToContact' | 'notSafeToContact' | 'previousMaracsElsewhere',
    label: string,
  ) => (
    <TextAreaField
      path={key}
      label={label}
      wide
      value={draft[key]}
      onChange={(value) => to.set(key, value)}
    />
  );
  return (
    <Section id="ref-consent" title="Consent and safety">
      <div className={styles.grid}>
        <RadioField
          path="consent.victimAware"
          label="Does the victim know about this referral?"
          required
          value={draft.victimAware}
          options={YES_NO}
          onChange={(value) => to.set('victimAware', value)}
        />
        {draft.victimAware === 'yes' && (
          <RadioField
            path="consent.consented"
            label="Does the victim consent to the referral?"
            required
            value={draft.consented}
            options={YES_NO}
            onChange={(value) => to.set('consented', value)}
          />
        )}
        {withoutConsent && (
          <TextAreaField
            path="consent.reasonWithoutConsent"
            label="Reason for sharing without consent"
            required
            wide
            value={draft.reasonWithoutConsent}
            onChange={(value) => to.set('reasonWithoutConsent', value)}
          />
        )}
        {area('victimFears', 'Who does the victim fear?')}
        {area('safeToContact', 'Who is safe to contact')}
        {area('notSafeToContact', 'Who is not safe to contact')}
        {area('previousMaracsElsewhere', 'Previous MARAC referrals elsewhere')}
      </div>
    </Section>
  );
}
