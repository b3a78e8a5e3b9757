import { useState } from 'react';
import type { Problem } from '../referrals/form/check-referral.js';

/**
 * The problems a form shows in its error summary and beside each field. Each failed attempt
 * counts, so the summary takes focus again even when the problems are the same.
 */
export function useProblems() {
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  return {
    problems,
    attempt,
    /** Messages by field path, for the FieldErrors context. */
    byField: Object.fromEntries(problems.map((p) => [p.path, p.message])),
    fail(found: Problem[]) {
      setProblems(found);
      setAttempt((a) => a + 1);
    },
    clear() {
      setProblems([]);
    },
  };
}
