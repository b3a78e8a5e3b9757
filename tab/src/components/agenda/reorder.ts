import type { AgendaView } from '#core/contracts/agenda-api.js';

type Sections = NonNullable<AgendaView['agenda']>['sections'];

/** Every case of the agenda in the order it will be heard: cases with children, then adult-only. */
export function caseOrder(sections: Sections): string[] {
  return sections.flatMap((s) =>
    s.kind === 'cases-with-children' || s.kind === 'adult-cases'
      ? s.cases.map((c) => c.referralId)
      : [],
  );
}

/**
 * The whole order with one case moved up (-1) or down (+1) within its own group; null when it
 * is already first or last there. A case never crosses into the other group.
 */
export function moveWithinGroup(
  sections: Sections,
  referralId: string,
  by: -1 | 1,
): string[] | null {
  const groups = sections.flatMap((s) =>
    s.kind === 'cases-with-children' || s.kind === 'adult-cases'
      ? [s.cases.map((c) => c.referralId)]
      : [],
  );
  const group = groups.find((g) => g.includes(referralId));
  if (!group) return null;
  const at = group.indexOf(referralId);
  const to = at + by;
  if (to < 0 || to >= group.length) return null;
  [group[at], group[to]] = [group[to]!, group[at]!];
  return groups.flat();
}
