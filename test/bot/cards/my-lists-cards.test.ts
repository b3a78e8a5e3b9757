/**
 * The "my research" and "my actions" cards as functions: the open research first, each list cut
 * at ten with the rest counted, the area or agency named only when there is more than one, and a
 * full card well under Teams' ~28 KB. The bot endpoint's test checks them against core.
 */
import type { OwnedAction } from '#core/contracts/action-api.js';
import type { MyResearch } from '#core/contracts/research-api.js';
import {
  MY_LIST_CAP,
  myActionsCard,
  myResearchCard,
} from '../../../bot/src/cards/my-lists-cards.js';
import { cardBytes } from '../../../bot/src/cards/research-fit.js';
import { cardProblems, cardText, elements } from '../agent/card-check.js';

const URL = 'https://marac.example';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const long = 'W'.repeat(200);

const researchItem = (
  n: number,
  open: boolean,
  areaName = 'Northbrook',
): MyResearch['items'][number] => ({
  meetingId: id(n),
  meetingDate: '2026-12-15',
  areaName,
  agencyId: id(100 + n),
  agencyName: `${long} ${n}`,
  deadline: `2026-12-${String(1 + n).padStart(2, '0')}T17:00:00.000Z`,
  open,
  cases: 16,
  answered: 3,
});

const action = (n: number, agency = 1, incomplete = true): OwnedAction => ({
  id: id(n),
  areaId: id(900),
  meetingId: id(901),
  meetingDate: '2026-12-15',
  referralId: id(902),
  reference: `NBW-2026-${String(n).padStart(4, '0')}`,
  ownerAgencyId: id(800 + agency),
  ownerAgencyName: `Agency ${agency}`,
  ownerPerson: 'Ottoline Brack',
  what: 'Words of the action',
  risk: 'Words of the risk',
  dueAt: `2027-01-${String(1 + n).padStart(2, '0')}T10:00:00.000Z`,
  dueDate: `2027-01-${String(1 + n).padStart(2, '0')}`,
  dueTime: '10:00',
  urgent: null,
  status: incomplete ? 'open' : 'done',
  incomplete,
  overdue: n === 1,
  feedbackBy: null,
  history: [],
  version: 1,
});

describe('my research card', () => {
  const items = [
    ...Array.from({ length: 6 }, (_, i) => researchItem(i + 1, false)),
    ...Array.from({ length: 6 }, (_, i) =>
      researchItem(i + 11, true, i ? 'Northbrook' : 'Wellfield'),
    ),
  ];
  const card = myResearchCard({ items }, URL)!;

  it('shows the open first, ten of twelve, the rest counted, each area named', () => {
    expect(cardProblems(card)).toEqual([]);
    const shown = elements(card).filter((e) => e.type === 'Container');
    expect(shown).toHaveLength(MY_LIST_CAP);
    const text = cardText(card);
    expect(text.indexOf('Status: Open')).toBeLessThan(text.indexOf('Status: Closed'));
    expect(text).toContain('And 2 more: open My research in the MARAC tab.');
    expect(text).toContain('Area: Wellfield');
    expect(text).toContain('Cases: 16 cases on the agenda: 3 answered, 13 still to answer');
    expect(elements(card).filter((e) => e.type === 'Action.OpenUrl')).toHaveLength(7);
  });

  it('stays well under 28 KB with long agency names', () => {
    expect(cardBytes(card)).toBeLessThan(20 * 1024);
  });

  it('is no card at all when there is nothing', () => {
    expect(myResearchCard({ items: [] }, URL)).toBeNull();
  });
});

describe('my actions card', () => {
  const actions = [
    ...Array.from({ length: 12 }, (_, i) => action(i + 1, (i % 2) + 1)),
    action(20, 1, false),
  ];
  const card = myActionsCard(actions, { op: id(999), publicUrl: URL })!;

  it('lists the open ten soonest due, names the agency when there are two, and no words', () => {
    expect(cardProblems(card)).toEqual([]);
    const opens = elements(card).filter((e) => e.type === 'Action.Execute');
    expect(opens.map((o) => (o.data as { actionId: string }).actionId)).toEqual(
      Array.from({ length: 10 }, (_, i) => id(i + 1)),
    );
    const text = cardText(card);
    expect(text).toContain('12 open, 1 overdue');
    expect(text).toContain('Agency: Agency 2');
    expect(text).toContain('And 2 more: open My actions in the MARAC tab.');
    for (const words of ['Words of the action', 'Words of the risk', 'Ottoline'])
      expect(JSON.stringify(card)).not.toContain(words);
    expect(cardBytes(card)).toBeLessThan(20 * 1024);
  });

  it('is no card at all when nothing is open', () => {
    expect(myActionsCard([action(20, 1, false)], { op: id(999), publicUrl: URL })).toBeNull();
  });
});
