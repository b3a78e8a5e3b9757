import { agendaChanges, describeChange } from '#core/agendas/agenda-changes.js';
import { buildAgenda } from '#core/agendas/build-agenda.js';
import { agendaCase } from './agenda-fixtures.js';

const first = buildAgenda({
  cases: [agendaCase('NB-2026-0001', 1), agendaCase('NB-2026-0002'), agendaCase('NB-2026-0003')],
});

describe('what an addendum says changed', () => {
  it('says nothing when nothing changed', () => {
    expect(agendaChanges(first, first)).toEqual([]);
  });

  it('names a late case with the coordinator\u2019s reason, a removed case, and a changed field by name only', () => {
    const next = buildAgenda({
      cases: [
        agendaCase('NB-2026-0001', 1, {
          victim: { ...agendaCase('x').victim, address: '9 Refuge Road, Wellfield WF1 2AB' },
        }),
        agendaCase('NB-2026-0003'),
        agendaCase('NB-2026-0004', 0, { lateReason: 'Incident at the weekend; urgent.' }),
      ],
    });
    const changes = agendaChanges(first, next);
    expect(changes.map(describeChange)).toEqual([
      'Case NB-2026-0001: victim\u2019s address changed.',
      'Case NB-2026-0004 added after the referral deadline: Incident at the weekend; urgent.',
      'Case NB-2026-0002 removed from this meeting.',
    ]);
    expect(JSON.stringify(changes)).not.toContain('Refuge Road');
  });

  it('joins several fields in words, and notices a new order', () => {
    const next = buildAgenda({
      cases: [
        agendaCase('NB-2026-0001', 2, { isRepeat: true }),
        agendaCase('NB-2026-0002'),
        agendaCase('NB-2026-0003'),
      ],
      order: ['ref-NB-2026-0001', 'ref-NB-2026-0003'],
    });
    expect(agendaChanges(first, next).map(describeChange)).toEqual([
      'Case NB-2026-0001: children and repeat changed.',
      'The order in which cases will be heard changed.',
    ]);
  });
});
