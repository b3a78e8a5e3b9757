import { Input } from '@fluentui/react-components';
import { Section } from '../../Section.js';
import { DashChecklist } from './DashChecklist.js';
import { DateField, F, RadioField, TextAreaField, useFormStyles } from './form-fields.js';
import type { DraftSetters } from './draft-setters.js';
import type { ReferralDraft } from './referral-draft.js';

const KINDS = [
  ['dash', 'DASH checklist'],
  ['dara', 'DARA (police)'],
] as const;
const OUTCOMES = [
  ['high', 'High'],
  ['medium', 'Medium'],
  ['standard', 'Standard'],
] as const;

/** Why refer: the reasons in words. */
export function ReasonsSection({ draft, to }: { draft: ReferralDraft; to: DraftSetters }) {
  return (
    <Section id="ref-reasons" title="Why refer">
      <TextAreaField
        path="reasonsForReferral"
        label="Reasons for referral"
        hint="Up to 4,000 characters"
        required
        wide
        rows={4}
        value={draft.reasonsForReferral}
        onChange={(value) => to.set('reasonsForReferral', value)}
      />
    </Section>
  );
}

/** The risk assessment (DASH or DARA), professional judgement and escalation. */
export function RiskSection({ draft, to }: { draft: ReferralDraft; to: DraftSetters }) {
  const styles = useFormStyles();
  return (
    <Section id="ref-risk" title="Risk assessment">
      <div className={styles.grid}>
        <RadioField
          path="riskAssessment.kind"
          label="Assessment used"
          value={draft.riskKind}
          options={KINDS}
          onChange={(value) => to.set('riskKind', value)}
        />
        <DateField
          path="riskAssessment.completedOn"
          label="Date completed"
          value={draft.completedOn}
          onChange={(value) => to.set('completedOn', value)}
        />
      </div>
      {draft.riskKind === 'dara' && (
        <RadioField
          path="riskAssessment.outcome"
          label="DARA outcome"
          required
          value={draft.daraOutcome}
          options={OUTCOMES}
          onChange={(value) => to.set('daraOutcome', value)}
        />
      )}
      {draft.riskKind === 'dash' && (
        <DashChecklist
          questionSet={draft.questionSet}
          answers={draft.answers}
          onAnswer={(id, answer) => to.set('answers', { ...draft.answers, [id]: answer })}
        />
      )}
      <div className={styles.grid} style={{ marginTop: 12 }}>
        <TextAreaField
          path="professionalJudgement"
          label="Professional judgement rationale"
          hint="Required to refer on professional judgement; it can raise a case, never lower it"
          wide
          rows={3}
          value={draft.professionalJudgement}
          onChange={(value) => to.set('professionalJudgement', value)}
        />
        <F path="incidentsInLast12Months" label="Incidents in the last 12 months">
          <Input
            type="number"
            min={0}
            max={365}
            value={draft.incidentsInLast12Months}
            onChange={(_, d) => to.set('incidentsInLast12Months', d.value)}
          />
        </F>
      </div>
    </Section>
  );
}
