import { Spinner, Text } from '@fluentui/react-components';
import { referralApi } from '../../../api/referrals.js';
import { ErrorBar } from '../../ErrorBar.js';
import { useLoad } from '../../use-load.js';
import { RadioField, useFormStyles, YES_NO_NOT_KNOWN } from './form-fields.js';
import type { YesNoUnknown } from './referral-draft.js';

/** The DASH checklist the area uses, each question answered yes, no or not known. */
export function DashChecklist(props: {
  questionSet: string;
  answers: Record<string, YesNoUnknown>;
  onAnswer: (questionId: string, answer: YesNoUnknown) => void;
}) {
  const styles = useFormStyles();
  const questions = useLoad(() => referralApi.questionSet(props.questionSet), [props.questionSet]);
  const yes = Object.values(props.answers).filter((a) => a === 'yes').length;
  const answered = Object.keys(props.answers).length;
  return (
    <div role="group" aria-labelledby="dash-title" data-testid="dash-checklist">
      <ErrorBar error={questions.error} title="The checklist could not be loaded" />
      {questions.loading && !questions.data && (
        <Spinner size="small" label="Loading the checklist" />
      )}
      {questions.data && (
        <>
          <h4 id="dash-title" style={{ margin: '12px 0 4px' }}>
            {questions.data.title}
          </h4>
          <Text as="p" style={{ margin: '0 0 8px' }} aria-live="polite" data-testid="dash-count">
            {`“Yes” answers: ${yes} of ${questions.data.questions.length} (${answered} answered)`}
          </Text>
          {questions.data.questions.map((q, i) => (
            <div key={q.id} className={styles.question} data-testid={`dash-${q.id}`}>
              <RadioField
                path={`riskAssessment.answers.${q.id}`}
                label={`${i + 1}. ${q.text}`}
                value={props.answers[q.id] ?? ''}
                options={YES_NO_NOT_KNOWN}
                onChange={(answer) => props.onAnswer(q.id, answer)}
              />
            </div>
          ))}
          <p className={styles.attribution} data-testid="dash-attribution">
            {questions.data.attribution}
          </p>
        </>
      )}
    </div>
  );
}
