import { heading } from './card-parts.js';
import { card, type AdaptiveCard } from './card-types.js';
import { researchFormCard } from './research-form-card.js';
import type { ResearchAnswers, ResearchCaseView, ResearchFieldError } from './research-types.js';

/**
 * The form again after the server refused a submission: what the rep typed, kept as typed, and
 * at the top each problem with its field named in words ("Child 2: contact arrangements: use 500
 * characters or fewer"). A refusal with no field-level problem is not this card's business.
 */
export function researchRefusedCard(
  view: ResearchCaseView,
  typed: ResearchAnswers,
  errors: readonly ResearchFieldError[],
): AdaptiveCard {
  if (errors.length === 0) throw new RangeError('a refused submission names at least one problem');
  return researchFormCard({ ...view, answers: typed, errors });
}

/**
 * A card action the server refused outright (not this person's agency, a case not on the
 * meeting, a forged or stale card): the reason in words, and nothing about any case. No refresh
 * and no buttons: a refused card must not fetch anything again.
 */
export function researchNotAllowedCard(reason: string): AdaptiveCard {
  return card(heading('MARAC research', reason));
}
