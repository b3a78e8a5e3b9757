import { RESEARCH_LIMITS } from '#core/contracts/research.js';
import { RadioField, YES_NO, YES_NO_NOT_KNOWN } from '../referrals/form/form-fields.js';
import { CountedText, useResearchStyles } from './research-fields.js';
import {
  childLabels,
  LABELS,
  TEXT_LIMITS,
  type ResearchForm,
  type TextKey,
} from './research-form.js';

/**
 * The questions of one agency's research on one case, as the Teams card asks them: the facts
 * from the agency's records first, professional opinion in a box of its own, each child by name,
 * then what the agency asks for and offers, and what it holds back and why.
 */
export function ResearchCaseForm(props: {
  /** Makes each field's path (and so its id) unique on a page of several cases. */
  prefix: string;
  form: ResearchForm;
  childNames: readonly string[];
  onForm: (update: (form: ResearchForm) => ResearchForm) => void;
}) {
  const styles = useResearchStyles();
  const { form, prefix } = props;
  const at = (path: string) => `${prefix}.${path}`;
  const set = (key: TextKey) => (value: string) => props.onForm((f) => ({ ...f, [key]: value }));
  const text = (key: TextKey, extra: { hint?: string; required?: boolean; rows?: number } = {}) => (
    <CountedText
      path={at(key)}
      label={LABELS[key]}
      max={TEXT_LIMITS[key]}
      value={form[key]}
      onChange={set(key)}
      {...extra}
    />
  );
  const setChild = (index: number, key: 'involvement' | 'contactArrangements') => (value: string) =>
    props.onForm((f) => ({
      ...f,
      children: f.children.map((c, i) => (i === index ? { ...c, [key]: value } : c)),
    }));
  const known = form.knownToAgency === 'yes';

  return (
    <>
      <h3 className={styles.h3}>Facts from your agency’s records</h3>
      <div className={styles.group}>
        <RadioField
          path={at('knownToAgency')}
          label={LABELS.knownToAgency}
          required
          value={form.knownToAgency}
          options={YES_NO_NOT_KNOWN}
          onChange={(value) => props.onForm((f) => ({ ...f, knownToAgency: value }))}
        />
        {text('currentInvolvement', {
          hint: 'What your records show now: contact, open cases, orders.',
          required: known,
        })}
        {text('historicalInvolvement', {
          hint: 'What your records show from before.',
          required: known,
        })}
      </div>

      <section className={styles.opinion} aria-labelledby={at('opinion-heading')}>
        <h3 id={at('opinion-heading')} className={styles.h3}>
          Professional opinion: not a fact
        </h3>
        <p className={styles.note}>
          Your view as a practitioner. It is recorded and shown apart from the facts above.
        </p>
        {text('professionalOpinion', { rows: 4 })}
      </section>

      <div className={styles.group}>{text('risksIdentified')}</div>

      {props.childNames.length > 0 && (
        <>
          <h3 className={styles.h3}>Children</h3>
          <div className={styles.group}>
            {props.childNames.map((name, i) => {
              const labels = childLabels(name);
              const child = form.children[i] ?? { involvement: '', contactArrangements: '' };
              return (
                <div key={i} className={styles.child} role="group" aria-label={name}>
                  <h4 className={styles.h4}>{name}</h4>
                  <CountedText
                    path={at(`children.${i}.involvement`)}
                    label={labels.involvement}
                    hint="What your records show about this child, or “none”."
                    required
                    max={RESEARCH_LIMITS.childText}
                    value={child.involvement}
                    onChange={setChild(i, 'involvement')}
                  />
                  <CountedText
                    path={at(`children.${i}.contactArrangements`)}
                    label={labels.contactArrangements}
                    max={RESEARCH_LIMITS.childText}
                    value={child.contactArrangements}
                    onChange={setChild(i, 'contactArrangements')}
                  />
                </div>
              );
            })}
          </div>
        </>
      )}

      <h3 className={styles.h3}>What your agency asks for and offers</h3>
      <div className={styles.group}>
        {text('informationRequested')}
        {text('actionsOffered')}
        <RadioField
          path={at('recordsFlagged')}
          label={LABELS.recordsFlagged}
          required
          value={form.recordsFlagged}
          options={YES_NO}
          onChange={(value) => props.onForm((f) => ({ ...f, recordsFlagged: value }))}
        />
      </div>

      <h3 className={styles.h3}>Held back</h3>
      <div className={styles.group}>
        {text('withheldInformation', {
          hint: 'Describe the kind of information, not the information itself.',
        })}
        {text('withheldReason', { required: form.withheldInformation.trim() !== '' })}
      </div>
    </>
  );
}
