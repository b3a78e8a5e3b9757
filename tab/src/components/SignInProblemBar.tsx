import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from '@fluentui/react-components';
import type { SignInProblem } from '../auth/sign-in-problem.js';

/** A sign-in that did not work: what happened, the next step, and Try again where it may help. */
export function SignInProblemBar({
  problem,
  onRetry,
}: {
  problem: SignInProblem;
  onRetry?: () => void;
}) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-problem={problem.kind}>
      <MessageBarBody>
        <MessageBarTitle>{problem.title}</MessageBarTitle>
        {problem.message}
        <div style={{ marginTop: 6 }}>
          <Text weight="semibold">What to do: </Text>
          {problem.nextStep}
        </div>
      </MessageBarBody>
      {problem.canRetry && onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>Try again</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
