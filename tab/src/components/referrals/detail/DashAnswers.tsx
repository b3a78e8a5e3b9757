import { Spinner } from '@fluentui/react-components';
import { referralApi, type ReferralDetail } from '../../../api/referrals.js';
import { ErrorBar } from '../../ErrorBar.js';
import { useLoad } from '../../use-load.js';
import { BAND_WORDS, YNK_WORDS } from '../referral-words.js';
import { dateOrUnknown, Facts, useDetailStyles } from './Facts.js';

/** The risk assessment: for DASH, the checklist by name and every answer beside its question. */
export function DashAnswers({ risk }: { risk: ReferralDetail['form']['riskAssessment'] }) {
  const styles = useDetailStyles();
  const questionSet = risk.kind === 'dash' ? risk.questionSet : null;
  const set = useLoad(
    () => (questionSet ? referralApi.questionSet(questionSet) : Promise.resolve(null)),
    [questionSet],
  );
  if (risk.kind === 'dara') {
    return (
      <Facts
        rows={[
          ['Risk assessment', 'DARA (police)'],
          ['Outcome', BAND_WORDS[risk.outcome]],
          ['Completed', dateOrUnknown(risk.completedOn)],
        ]}
      />
    );
  }
  const questions = set.data?.questions ?? [];
  return (
    <>
      <Facts
        rows={[
          ['Risk assessment', set.data?.title ?? 'DASH checklist'],
          ['Completed', dateOrUnknown(risk.completedOn)],
        ]}
      />
      <ErrorBar error={set.error} title="The checklist's questions could not be loaded" />
      {set.loading && !set.data && <Spinner size="small" label="Loading the questions" />}
      {questions.length > 0 && (
        <>
          <h4 className={styles.h4}>DASH answers</h4>
          <Facts
            testId="dash-answers"
            rows={questions.map((q, i) => [
              `${i + 1}. ${q.text}`,
              YNK_WORDS[risk.answers[q.id] ?? ''] ?? 'Not answered',
            ])}
          />
        </>
      )}
    </>
  );
}
