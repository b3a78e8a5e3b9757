import type { Figure, Figures, PersonFigure } from '../contracts/data-return-api.js';
import { isPolice, type Answer, type CaseFacts, type CategoryAnswer } from './case-facts.js';

/** The cases for which `test` holds, as a figure. */
function casesWhere(cases: readonly CaseFacts[], test: (c: CaseFacts) => boolean): Figure {
  const references = cases.filter(test).map((c) => c.reference);
  return { count: references.length, references };
}

function personFigure(
  cases: readonly CaseFacts[],
  read: (c: CaseFacts) => Answer | CategoryAnswer,
  categorised = false,
): PersonFigure {
  return {
    ...casesWhere(cases, (c) => read(c) === 'yes'),
    notKnown: casesWhere(cases, (c) => read(c) === 'not-known'),
    ...(categorised ? { notRecoded: casesWhere(cases, (c) => read(c) === 'not-recoded') } : {}),
  };
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en-GB');

function referrals(cases: readonly CaseFacts[]): Figures['referrals'] {
  const kinds = [...new Set(cases.map((c) => c.agency.kind))].sort(byName);
  const agencies = new Map(cases.map((c) => [c.agency.agencyId, c.agency]));
  return {
    police: casesWhere(cases, (c) => isPolice(c.agency.kind)),
    partners: casesWhere(cases, (c) => !isPolice(c.agency.kind)),
    byKind: kinds.map((kind) => ({ kind, ...casesWhere(cases, (c) => c.agency.kind === kind) })),
    byAgency: [...agencies.values()]
      .sort((a, b) => byName(a.name, b.name))
      .map((agency) => ({
        agencyId: agency.agencyId,
        name: agency.name,
        kind: agency.kind,
        police: isPolice(agency.kind),
        ...casesWhere(cases, (c) => c.agency.agencyId === agency.agencyId),
      })),
  };
}

/**
 * Every figure of the return over these heard cases (one meeting's, or the quarter's). Each
 * counts cases, once each, but children, which counts the children named on the referrals
 * (its references are the cases with any).
 */
export function figuresOf(cases: readonly CaseFacts[]): Figures {
  const withChildren = casesWhere(cases, (c) => c.children > 0);
  return {
    casesHeard: casesWhere(cases, () => true),
    repeatCases: casesWhere(cases, (c) => c.repeat),
    children: {
      count: cases.reduce((sum, c) => sum + c.children, 0),
      references: withChildren.references ?? [],
    },
    referrals: referrals(cases),
    victims: {
      bame: personFigure(cases, (c) => c.bame, true),
      lgbt: personFigure(cases, (c) => c.lgbt, true),
      disabled: personFigure(cases, (c) => c.disabled),
      male: personFigure(cases, (c) => c.male),
      aged16To17: personFigure(cases, (c) => c.aged16To17),
    },
    perpetrators: { aged17OrUnder: personFigure(cases, (c) => c.perpetratorAged17OrUnder) },
  };
}
