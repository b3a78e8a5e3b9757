import type { AgendaCase } from '#core/agendas/agenda.js';

/** An agenda line about invented people; `children` 0 makes an adult-only case. */
export function agendaCase(
  reference: string,
  children = 0,
  overrides: Partial<AgendaCase> = {},
): AgendaCase {
  return {
    referralId: `ref-${reference}`,
    reference,
    victim: {
      name: 'Maya Thornbury',
      otherNames: [],
      dateOfBirth: '1991-04-12',
      address: '4 Quarry Lane, Northbrook NB4 7QX',
    },
    perpetrators: [{ name: 'Dale Thornbury', otherNames: [], dateOfBirth: '1988-09-30' }],
    children: Array.from({ length: children }, (_, i) => ({
      name: `${['Ella', 'Sam', 'Rory', 'Ivy'][i % 4]} Thornbury`,
      otherNames: [],
      dateOfBirth: '2019-02-0' + (i + 1),
      school: 'Northbrook Primary',
    })),
    referringAgency: 'Northbrook Police',
    reason: 'Visible high risk (DASH 16 of 24)',
    risk: { band: 'high', score: 16, checklist: 'SafeLives DASH (24 questions)' },
    isRepeat: false,
    mappaLead: false,
    knownRisks: 'Threats to kill; escalating incidents.',
    lateReason: null,
    ...overrides,
  };
}
