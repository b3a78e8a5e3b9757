import { Field, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import type {
  SubjectCandidate,
  SubjectCandidatesView,
} from '#core/contracts/subject-access-api.js';
import { formatDate } from '../../format/dates.js';
import { STATUS_WORDS } from '../referrals/referral-words.js';
import { AgreementBadge } from './AgreementBadge.js';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: '20px', overflowWrap: 'anywhere' },
  candidate: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: '12px 16px',
    marginBottom: '16px',
    '@media (max-width: 480px)': { padding: '12px' },
  },
  title: { margin: '0 0 4px', fontSize: tokens.fontSizeBase400, fontWeight: 600 },
  referral: { margin: '8px 0 4px', fontWeight: 600, overflowWrap: 'anywhere' },
  details: {
    display: 'grid',
    gridTemplateColumns: 'minmax(7em, max-content) minmax(0, 1fr)',
    gap: '4px 12px',
    margin: '0 0 12px',
    '@media (max-width: 480px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  term: { fontWeight: 600, margin: 0 },
  value: {
    margin: 0,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '4px 8px',
    overflowWrap: 'anywhere',
    '@media (max-width: 480px)': { marginBottom: '6px' },
  },
});

/** The cases already found as the person's: their references and area. */
export function FoundCases({ found }: { found: SubjectCandidatesView['found'] }) {
  const styles = useStyles();
  if (found.length === 0)
    return <p>No record matches the person exactly: only the possible matches below.</p>;
  return (
    <ul className={styles.list} data-testid="found-cases">
      {found.map((c) => (
        <li key={c.caseId}>
          {c.areaName}: {c.references.length === 1 ? 'referral' : 'referrals'}{' '}
          {c.references.join(', ')}
        </li>
      ))}
    </ul>
  );
}

type Referral = SubjectCandidate['referrals'][number];

/** One referral of a candidate: the victim as recorded, and how each detail agrees. */
function RecordedVictim({ referral }: { referral: Referral }) {
  const styles = useStyles();
  const v = referral.victim;
  const row = (term: string, value: string, agreement?: Referral['agreement']['name']) => (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>
        <span>{value}</span>
        {agreement && <AgreementBadge agreement={agreement} />}
      </dd>
    </>
  );
  return (
    <>
      <p className={styles.referral}>
        Referral {referral.reference}, made {formatDate(referral.referredOn)},{' '}
        {(STATUS_WORDS[referral.status] ?? referral.status).toLowerCase()}
      </p>
      <dl className={styles.details}>
        {row('Name', v.name, referral.agreement.name)}
        {row('Other names', v.otherNames.length > 0 ? v.otherNames.join(', ') : 'None recorded')}
        {row(
          'Date of birth',
          v.dateOfBirth ? formatDate(v.dateOfBirth) : 'Not recorded',
          referral.agreement.dateOfBirth,
        )}
        {row('Postcode', v.postcode ?? 'Not recorded', referral.agreement.postcode)}
      </dl>
    </>
  );
}

/**
 * The records that may be the person's, each with the coordinator's choice: nothing is chosen
 * until they choose (a wrong inclusion would disclose another person's data).
 */
export function Candidates(props: {
  candidates: SubjectCandidate[];
  decisions: ReadonlyMap<string, boolean>;
  onDecide: (caseId: string, include: boolean) => void;
}) {
  const styles = useStyles();
  return (
    <div data-testid="candidates">
      {props.candidates.map((c, i) => {
        const decided = props.decisions.get(c.caseId);
        const titleId = `candidate-${i + 1}`;
        return (
          <section key={c.caseId} className={styles.candidate} aria-labelledby={titleId}>
            <h3 id={titleId} className={styles.title}>
              Possible match {i + 1} of {props.candidates.length}: a case in {c.areaName}
            </h3>
            {c.referrals.map((r) => (
              <RecordedVictim key={r.referralId} referral={r} />
            ))}
            <Field label={`Is possible match ${i + 1} the person?`} required>
              <RadioGroup
                value={decided === undefined ? '' : decided ? 'include' : 'exclude'}
                onChange={(_, d) => props.onDecide(c.caseId, d.value === 'include')}
              >
                <Radio value="include" label="This is the person: include the case" />
                <Radio value="exclude" label="This is not the person: leave it out" />
              </RadioGroup>
            </Field>
          </section>
        );
      })}
    </div>
  );
}
