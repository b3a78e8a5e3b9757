/**
 * The action cards' structure (issue #11): Adaptive Cards 1.5 that the renderer's own parser
 * reads cleanly, buttons that are Action.Execute with a verb the handlers know and an
 * Action.Submit fallback, data that holds ids, a version and a step only, a per-user refresh,
 * and nothing about anyone in the card the chat keeps.
 */
import type { OwnedAction } from '#core/contracts/action-api.js';
import {
  actionCaseNoteCard,
  actionFormCard,
  actionRestCard,
  actionViewCard,
} from '../../../bot/src/cards/action-cards.js';
import { ACTION_VERBS } from '../../../bot/src/cards/action-verbs.js';
import type { AdaptiveCard, ExecuteAction } from '../../../bot/src/cards/card-types.js';
import { cardProblems, cardText, elements } from '../agent/card-check.js';

const ACTION_ID = '6f1d1c1e-0000-4000-8000-0000000000a1';
const OP = '6f1d1c1e-0000-4000-8000-0000000000b2';
const reps = ['29:dana-teams-id', '29:idris-teams-id'];

/** Everything typed about the family or the work: never in a card the chat keeps. */
const secrets = [
  'Flag the address of Marisol Pennacott',
  'Further assault at 14 Larkspur Row',
  'PC Hollis Brandreth',
  'Flagged on the system by Quillmoor',
];

const owned = (overrides: Partial<OwnedAction> = {}): OwnedAction => ({
  id: ACTION_ID,
  areaId: '6f1d1c1e-0000-4000-8000-0000000000c3',
  meetingId: '6f1d1c1e-0000-4000-8000-0000000000d4',
  meetingDate: '2026-12-08',
  referralId: '6f1d1c1e-0000-4000-8000-0000000000e5',
  reference: 'NW-2026-0042',
  ownerAgencyId: '6f1d1c1e-0000-4000-8000-0000000000f6',
  ownerAgencyName: 'Riverside Police',
  ownerPerson: secrets[2]!,
  what: secrets[0]!,
  risk: secrets[1]!,
  dueAt: '2026-12-11T10:00:00.000Z',
  dueDate: '2026-12-11',
  dueTime: '10:00',
  urgent: null,
  status: 'open',
  incomplete: true,
  overdue: false,
  feedbackBy: '2026-12-15',
  history: [
    {
      outcome: 'update',
      words: secrets[3]!,
      previousDueAt: '2026-12-10T10:00:00.000Z',
      newDueAt: '2026-12-11T10:00:00.000Z',
      agencyName: 'Riverside Police',
      by: 'Dana Whitcombe',
      at: '2026-12-09T09:00:00.000Z',
    },
  ],
  version: 2,
  ...overrides,
});

const rest = actionRestCard({
  actionId: ACTION_ID,
  reference: 'NW-2026-0042',
  meetingDate: '2026-12-08',
  dueAt: new Date('2026-12-11T10:00:00Z'),
  index: 1,
  count: 2,
  feedbackBy: '2026-12-15',
  refreshUserIds: reps,
  op: OP,
});
const viewer = { op: OP, refreshUserIds: [reps[0]!] };
const perUser: [string, AdaptiveCard][] = [
  ['view, open', actionViewCard(owned(), viewer)],
  ['view, done', actionViewCard(owned({ status: 'done', incomplete: false }), viewer)],
  ['done form', actionFormCard(owned(), 'done', viewer)],
  [
    'update form, refused',
    actionFormCard(owned(), 'update', {
      ...viewer,
      values: { dueDate: '2026-12-01', dueTime: '10:00', reason: 'Waiting' },
      errors: ['New due date: choose a date and time after now'],
    }),
  ],
  ['cannot form', actionFormCard(owned(), 'cannot', viewer)],
  [
    'case note',
    actionCaseNoteCard(owned(), 'MARAC case note\n\nCase reference: NW-2026-0042', viewer),
  ],
];
const all: [string, AdaptiveCard][] = [['posted card', rest], ...perUser];

const actionsOf = (card: AdaptiveCard): ExecuteAction[] =>
  elements(card).filter((e) => e.type === 'Action.Execute') as unknown as ExecuteAction[];
const DATA_KEYS = ['op', 'actionId', 'version', 'step'];
const verbs: string[] = Object.values(ACTION_VERBS);

describe('action cards', () => {
  it.each(all)('%s parses as Adaptive Cards 1.5, every input labelled', (_name, card) => {
    expect(cardProblems(card)).toEqual([]);
  });

  it.each(all)(
    '%s: every button is Action.Execute with an action verb and a fallback',
    (_n, card) => {
      expect(actionsOf(card).length).toBeGreaterThan(0);
      for (const action of actionsOf(card)) {
        expect(verbs).toContain(action.verb);
        expect(action.fallback).toEqual(
          expect.objectContaining({ type: 'Action.Submit', title: action.title }),
        );
        expect(action.fallback!.data).toEqual({ ...action.data, verb: action.verb });
      }
    },
  );

  it.each(all)('%s: data holds ids, a version and a step only', (_name, card) => {
    for (const data of [...actionsOf(card).map((a) => a.data ?? {}), card.refresh!.action.data!]) {
      expect(Object.keys(data).every((k) => DATA_KEYS.includes(k))).toBe(true);
      for (const [key, value] of Object.entries(data)) {
        if (key === 'version') expect(typeof value).toBe('number');
        else if (key === 'step') expect(['done', 'update', 'cannot']).toContain(value);
        else expect(value).toMatch(/^[0-9a-f-]{36}$/);
      }
    }
  });

  it('the posted card names no one and holds nothing typed: reference, dates, counts', () => {
    const json = JSON.stringify(rest);
    for (const secret of secrets) expect(json).not.toContain(secret);
    const text = cardText(rest);
    expect(text).toContain('Case: NW-2026-0042');
    expect(text).toContain('1 of 2 for your agency on this case');
    expect(text).toContain('Feedback to MARAC: by Tuesday 15 December 2026');
    expect(rest.refresh).toEqual({
      action: expect.objectContaining({ verb: ACTION_VERBS.view, data: { actionId: ACTION_ID } }),
      userIds: reps,
    });
  });

  it('the per-user view shows the action and the three ways while it is open', () => {
    const [, open] = perUser[0]!;
    const text = cardText(open);
    for (const secret of secrets) expect(text).toContain(secret.replace(/([-.])/g, '\\$1'));
    expect(actionsOf(open).map((a) => a.title)).toEqual([
      'Mark done',
      'New due date',
      'Cannot be done',
      'Case note',
    ]);
    const [, done] = perUser[1]!;
    expect(actionsOf(done).map((a) => a.title)).toEqual(['Case note']);
    expect(cardText(done)).toContain('Status: Done');
  });

  it('a form pre-fills nothing, and shows again what was typed with the problem', () => {
    const inputs = (card: AdaptiveCard) =>
      elements(card).filter((e) => String(e.type).startsWith('Input.'));
    expect(inputs(perUser[2]![1]).every((i) => i.value === undefined)).toBe(true);
    const refused = perUser[3]![1];
    expect(inputs(refused).map((i) => i.value)).toEqual(['2026-12-01', '10:00', 'Waiting']);
    expect(cardText(refused)).toContain('New due date: choose a date and time after now');
  });

  it('refreshes per user without an operation id, and refuses more than 60 people', () => {
    for (const [, card] of perUser) {
      expect(card.refresh!.userIds).toEqual([reps[0]]);
      expect(card.refresh!.action.data).not.toHaveProperty('op');
    }
    expect(() =>
      actionViewCard(owned(), {
        op: OP,
        refreshUserIds: Array.from({ length: 61 }, (_, i) => `29:${i}`),
      }),
    ).toThrow(/60/);
  });
});
