import { plain } from './card-parts.js';
import type { ResearchCaseView, ResearchFieldError } from './research-types.js';
import { fieldInWords, londonMomentInWords, researchStatusWords } from './research-words.js';

/** "Submitted by Dana Whitcombe at 2:15pm on Tuesday 1 December 2026", or the status alone. */
export function researchStateLine(view: Pick<ResearchCaseView, 'status' | 'lastChange'>): string {
  const status = researchStatusWords(view.status);
  if (!view.lastChange || view.status === 'due') return status;
  return `${status}: by ${plain(view.lastChange.by)}, ${londonMomentInWords(view.lastChange.at)}`;
}

/** The server's refusals, each field named in words: "Child 2: contact arrangements: ...". */
export const researchErrorLines = (errors: readonly ResearchFieldError[]): string[] =>
  errors.map((e) => `${fieldInWords(e.field)}: ${e.problem}`);
