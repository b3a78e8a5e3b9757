import { DomainError } from '../shared/errors.js';
import type { ActionReviewLine, Agenda, AgendaCase, TwelveMonthNotice } from './agenda.js';

export interface BuildAgendaInput {
  cases: readonly AgendaCase[];
  /**
   * The coordinator's order, by referral id: cases named here come first in their group, in this
   * order; the rest follow by reference. It cannot put an adult-only case before a case with
   * children: children's agencies are heard first so that they can leave.
   */
  order?: readonly string[];
  outstandingActions?: readonly ActionReviewLine[];
  twelveMonthNotices?: readonly TwelveMonthNotice[];
}

/**
 * Builds a meeting's agenda in the SafeLives order: introductions and the confidentiality
 * statement; review of incomplete actions; cases involving children first, then adult-only
 * cases; cases whose last MARAC was 12 months ago; any other business.
 */
export function buildAgenda(input: BuildAgendaInput): Agenda {
  const ordered = orderCases(input.cases, input.order ?? []);
  return {
    sections: [
      { kind: 'introductions' },
      { kind: 'actions-review', actions: [...(input.outstandingActions ?? [])] },
      { kind: 'cases-with-children', cases: ordered.filter((c) => c.children.length > 0) },
      { kind: 'adult-cases', cases: ordered.filter((c) => c.children.length === 0) },
      {
        kind: 'twelve-months',
        notices: [...(input.twelveMonthNotices ?? [])].sort((a, b) =>
          a.reference.localeCompare(b.reference),
        ),
      },
      { kind: 'other-business' },
    ],
  };
}

function orderCases(cases: readonly AgendaCase[], order: readonly string[]): AgendaCase[] {
  const byId = new Map(cases.map((c) => [c.referralId, c]));
  if (new Set(order).size !== order.length) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'Case order: each case can appear only once. Reload the agenda and try again.',
    );
  }
  const unknown = order.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'Case order: it names a case that is not on this meeting. Reload the agenda and try again.',
    );
  }
  const named = order.map((id) => byId.get(id)!);
  const rest = cases
    .filter((c) => !order.includes(c.referralId))
    .sort((a, b) => a.reference.localeCompare(b.reference, 'en-GB', { numeric: true }));
  return [...named, ...rest];
}
