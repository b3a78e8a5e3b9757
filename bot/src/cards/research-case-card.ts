import type { AdaptiveCard } from './card-types.js';
import { fitsOnACard } from './research-fit.js';
import { researchFormCard } from './research-form-card.js';
import { researchRefusedCard } from './research-refused-card.js';
import {
  researchClosedCard,
  researchSummaryCard,
  researchTooLongCard,
} from './research-summary-cards.js';
import type { ResearchAnswers, ResearchCaseView, ResearchFieldError } from './research-types.js';

/**
 * The per-user view of one case at `now`: closed after the deadline, the summary once submitted
 * or recorded as nothing known (unless `edit` asks for the form again), else the form, or, when
 * what was saved is too long for one card, the first part of it and the way to the tab.
 */
export function researchCaseCard(
  view: ResearchCaseView & { open: boolean },
  now: Date,
  edit = false,
): AdaptiveCard {
  if (!view.open || now.getTime() > view.dueAt.getTime()) return researchClosedCard(view);
  const answered = view.status === 'submitted' || view.status === 'nothing-known';
  if (answered && !edit) return researchSummaryCard(view, now);
  const form = researchFormCard(view);
  return fitsOnACard(form) ? form : researchTooLongCard(view);
}

/**
 * The form again after a refused submission, with what was typed and each problem in words; when
 * what was typed is too long to show again, the problems and the way to the tab (the caller says
 * in `notice` where the typed text went).
 */
export function researchRefusedCaseCard(
  view: ResearchCaseView,
  typed: ResearchAnswers,
  errors: readonly ResearchFieldError[],
): AdaptiveCard {
  const refused = researchRefusedCard(view, typed, errors);
  return fitsOnACard(refused)
    ? refused
    : researchTooLongCard({ ...view, answers: typed, errors: [...errors] });
}
