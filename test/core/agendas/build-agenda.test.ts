import { casesInOrder, sectionTitles } from '#core/agendas/agenda.js';
import { buildAgenda } from '#core/agendas/build-agenda.js';
import { agendaCase } from './agenda-fixtures.js';

const references = (cases: { reference: string }[]) => cases.map((c) => c.reference);

describe('buildAgenda', () => {
  it('follows the SafeLives order, whatever order the cases come in', () => {
    const agenda = buildAgenda({
      cases: [
        agendaCase('NB-2026-0003'),
        agendaCase('NB-2026-0001', 2),
        agendaCase('NB-2026-0002'),
      ],
      twelveMonthNotices: [{ reference: 'NB-2025-0040', lastHeardOn: '2025-12-02' }],
    });
    expect(agenda.sections.map((s) => sectionTitles[s.kind])).toEqual([
      'Introductions and confidentiality statement',
      'Review of incomplete actions from earlier meetings',
      'Cases involving children',
      'Adult-only cases',
      'Cases where 12 months have passed since their last MARAC',
      'Any other business',
    ]);
    expect(references(casesInOrder(agenda))).toEqual([
      'NB-2026-0001',
      'NB-2026-0002',
      'NB-2026-0003',
    ]);
  });

  it('hears every case with children before any adult-only case, even when the coordinator asks otherwise', () => {
    const agenda = buildAgenda({
      cases: [
        agendaCase('NB-2026-0001'),
        agendaCase('NB-2026-0002', 1),
        agendaCase('NB-2026-0003', 3),
      ],
      order: ['ref-NB-2026-0001', 'ref-NB-2026-0003', 'ref-NB-2026-0002'],
    });
    expect(references(casesInOrder(agenda))).toEqual([
      'NB-2026-0003',
      'NB-2026-0002',
      'NB-2026-0001',
    ]);
  });

  it('puts the cases the coordinator ordered first in their group, then the rest by reference (numbers as numbers)', () => {
    const agenda = buildAgenda({
      cases: ['NB-2026-0010', 'NB-2026-0009', 'NB-2026-0100', 'NB-2026-0002'].map((r) =>
        agendaCase(r),
      ),
      order: ['ref-NB-2026-0100'],
    });
    expect(references(casesInOrder(agenda))).toEqual([
      'NB-2026-0100',
      'NB-2026-0002',
      'NB-2026-0009',
      'NB-2026-0010',
    ]);
  });

  it('has an empty actions review until actions exist, and lists them when given', () => {
    const empty = buildAgenda({ cases: [] });
    expect(empty.sections[1]).toEqual({ kind: 'actions-review', actions: [] });
    const action = {
      reference: 'NB-2026-0001',
      agency: 'Housing',
      action: 'Fit a door alarm',
      dueOn: '2026-12-01',
    };
    expect(buildAgenda({ cases: [], outstandingActions: [action] }).sections[1]).toEqual({
      kind: 'actions-review',
      actions: [action],
    });
  });

  it.each([
    [
      'a case twice',
      ['ref-NB-2026-0001', 'ref-NB-2026-0001'],
      'Case order: each case can appear only once',
    ],
    [
      'a case not on the meeting',
      ['ref-NB-2026-0099'],
      'Case order: it names a case that is not on this meeting',
    ],
  ])('refuses an order naming %s', (_what, order, message) => {
    expect(() => buildAgenda({ cases: [agendaCase('NB-2026-0001')], order })).toThrow(message);
  });
});
