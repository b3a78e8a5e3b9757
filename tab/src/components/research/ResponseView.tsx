import { makeStyles, tokens } from '@fluentui/react-components';
import type { ResearchDraft } from '#core/contracts/research.js';
import { childLabels, LABELS } from './research-form.js';

const useStyles = makeStyles({
  list: { margin: 0, display: 'grid', gap: '8px', gridTemplateColumns: 'minmax(0, 1fr)' },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  opinion: {
    padding: '8px 12px',
    borderLeft: `6px double ${tokens.colorNeutralStrokeAccessible}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

const KNOWN = { yes: 'Yes', no: 'No', 'not-known': 'Not known' } as const;

/**
 * An agency's research read back, question by question; opinion in its own box as on the form.
 * Children are named where the reader may see the case's names (the agency's own view) and
 * numbered elsewhere.
 */
export function ResponseView(props: { response: ResearchDraft; childNames?: readonly string[] }) {
  const styles = useStyles();
  const r = props.response;
  const rows: { term: string; value: string; opinion?: boolean }[] = [];
  const add = (term: string, value: string | null | undefined, opinion = false) => {
    if (value && value.trim() !== '') rows.push({ term, value, opinion });
  };
  add('Known to the agency', r.knownToAgency ? KNOWN[r.knownToAgency] : 'Not answered');
  add(LABELS.currentInvolvement, r.currentInvolvement);
  add(LABELS.historicalInvolvement, r.historicalInvolvement);
  add('Professional opinion (not a fact)', r.professionalOpinion, true);
  add(LABELS.risksIdentified, r.risksIdentified);
  (r.children ?? []).forEach((child, i) => {
    const labels = childLabels(props.childNames?.[i] ?? `child ${i + 1}`);
    add(labels.involvement, child.involvement);
    add(labels.contactArrangements, child.contactArrangements);
  });
  add(LABELS.informationRequested, r.informationRequested);
  add(LABELS.actionsOffered, r.actionsOffered);
  add(
    LABELS.recordsFlagged,
    r.recordsFlagged === true ? 'Yes' : r.recordsFlagged === false ? 'No' : 'Not answered',
  );
  add(LABELS.withheldInformation, r.withheldInformation);
  add(LABELS.withheldReason, r.withheldReason);
  return (
    <dl className={styles.list} data-testid="research-response">
      {rows.map((row) => (
        <div key={row.term} className={row.opinion ? styles.opinion : undefined}>
          <dt className={styles.term}>{row.term}</dt>
          <dd className={styles.value}>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
