/**
 * The research cards' structure, at their largest: Adaptive Cards 1.5 that the renderer's own
 * parser reads cleanly, buttons that are Action.Execute with a verb the handlers know and an
 * Action.Submit fallback, data that holds ids only, a per-user refresh for the agency's reps, and
 * no person in any card the chat keeps.
 */
import type { AdaptiveCard, ExecuteAction } from '../../../bot/src/cards/card-types.js';
import { CARD_CONTENT_TYPE } from '../../../bot/src/cards/card-types.js';
import { researchFormCard } from '../../../bot/src/cards/research-form-card.js';
import {
  researchCasePromptCard,
  researchPickerCard,
  researchPromptCards,
} from '../../../bot/src/cards/research-prompt-cards.js';
import { researchRefusedCard } from '../../../bot/src/cards/research-refused-card.js';
import {
  researchClosedCard,
  researchSummaryCard,
} from '../../../bot/src/cards/research-summary-cards.js';
import { RESEARCH_VERBS } from '../../../bot/src/cards/verbs.js';
import { cardProblems, elements } from '../agent/card-check.js';
import {
  researchCaseCard,
  researchRefusedCaseCard,
} from '../../../bot/src/cards/research-case-card.js';
import {
  answersAt,
  caseView,
  fifthAnswers,
  fullAnswers,
  max,
  promptView,
  reps,
  secrets,
} from './research-fixtures.js';

const before = new Date('2026-12-05T09:00:00Z');
const everyError = [
  ...(['knownToAgency', 'currentInvolvement', 'withheldReason'] as const).map((field) => ({
    field,
    problem: max(60),
  })),
  ...Array.from({ length: 12 }, (_, child) => ({
    field: { child, part: 'contactArrangements' as const },
    problem: max(60),
  })),
];

/** Cards the chat keeps (the messages the bot posts): references, counts and dates only. */
const kept: [string, AdaptiveCard][] = [
  ['prompt for one case', researchCasePromptCard(promptView(3), 2)],
  ['picker of 100 cases', researchPickerCard(promptView(100))],
];
/** Cards only ever given to one rep, as the answer to a refresh or a button. */
const perUser: [string, AdaptiveCard][] = [
  [
    'form, every answer at a fifth of its limit',
    researchFormCard(caseView({ answers: fifthAnswers })),
  ],
  ['refused form', researchRefusedCard(caseView(), answersAt(0.15), everyError)],
  [
    'refused at the limits: the problems, to the tab',
    researchRefusedCaseCard(caseView(), fullAnswers, everyError),
  ],
  [
    'form at the limits: too long, so to the tab',
    researchCaseCard({ ...caseView(), open: true }, before),
  ],
  ['summary at the limits', researchSummaryCard(caseView({ status: 'submitted' }), before)],
  ['closed at the limits', researchClosedCard(caseView({ status: 'submitted' }))],
];
const all = [...kept, ...perUser];

const actionsOf = (card: AdaptiveCard): ExecuteAction[] =>
  elements(card).filter((e) => e.type === 'Action.Execute') as unknown as ExecuteAction[];
const DATA_KEYS = ['op', 'meetingId', 'agencyId', 'caseId', 'step'];
const verbs: string[] = Object.values(RESEARCH_VERBS);

describe('research cards at their largest', () => {
  it.each(all)('%s parses as Adaptive Cards 1.5, every input labelled', (_name, card) => {
    expect(card.version).toBe('1.5');
    expect(cardProblems(card)).toEqual([]);
  });

  it.each(all)(
    '%s: every button is Action.Execute with a research verb and a Submit fallback',
    (_name, card) => {
      for (const action of actionsOf(card)) {
        expect(verbs).toContain(action.verb);
        expect(action.fallback).toEqual(
          expect.objectContaining({ type: 'Action.Submit', title: action.title }),
        );
        expect(action.fallback!.data).toEqual({ ...action.data, verb: action.verb });
        expect(action.fallback!.associatedInputs).toBe(action.associatedInputs);
      }
    },
  );

  it.each(all)('%s: data holds ids, a step and an operation id only', (_name, card) => {
    const datas = [...actionsOf(card).map((a) => a.data ?? {}), card.refresh!.action.data ?? {}];
    for (const data of datas) {
      expect(Object.keys(data).every((k) => DATA_KEYS.includes(k))).toBe(true);
      for (const [key, value] of Object.entries(data))
        if (key !== 'step') expect(value).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it.each(all)(
    '%s: refreshes without an operation id, for the reps or the viewer',
    (name, card) => {
      const viewers = kept.some(([k]) => k === name) ? reps : [reps[0]];
      expect(card.refresh!.userIds).toEqual(viewers);
      expect(card.refresh!.action.type).toBe('Action.Execute');
      expect([RESEARCH_VERBS.view, RESEARCH_VERBS.prompt]).toContain(card.refresh!.action.verb);
      expect(card.refresh!.action.data).not.toHaveProperty('op');
    },
  );

  it.each(kept)('%s, kept in the chat, names no one and holds nothing typed', (_name, card) => {
    const json = JSON.stringify(card);
    for (const secret of secrets) expect(json).not.toContain(secret);
  });

  it.each(perUser)('%s keeps people and answers out of its data and its refresh', (_name, card) => {
    const json = JSON.stringify([card.refresh, actionsOf(card).map((a) => [a.data, a.fallback])]);
    for (const secret of secrets) expect(json).not.toContain(secret);
  });

  it('the per-user form shows who the case is about, and what was saved', () => {
    const json = JSON.stringify(perUser[0]![1]);
    const shown = secrets.filter((s) => !/^\d{4}-/.test(s)); // dates of birth are shown in words
    for (const secret of shown) expect(json).toContain(secret);
  });

  it('refuses more than 60 reps rather than dropping some', () => {
    const view = { ...promptView(2), refreshUserIds: [...reps, '29:one-more'] };
    expect(() => researchPromptCards(view)).toThrow(/60/);
  });
});

/**
 * Sizes. Each card under 28 KB (UTF-8), as the referral cards; each message under 40 KB, Teams'
 * bot message limit in its older pages; and under 80 KB measured as UTF-16, what its current pages
 * advise (the limit is now 100 KB, "encoded as UTF-16").
 */
const sizes = all.map(([name, card]) => {
  const message = JSON.stringify({
    type: 'message',
    attachments: [{ contentType: CARD_CONTENT_TYPE, content: card }],
  });
  const utf8 = Buffer.byteLength(message);
  return { name, card: Buffer.byteLength(JSON.stringify(card)), utf8, utf16: message.length * 2 };
});

it.each(sizes)(
  '$name: $card bytes as a card; as a message $utf8 (UTF-8), $utf16 (UTF-16)',
  (size) => {
    expect(size.card).toBeLessThan(28 * 1024);
    expect(size.utf8).toBeLessThan(40 * 1024);
    expect(size.utf16).toBeLessThan(80 * 1024);
  },
);

/**
 * Every answer at the contract's limit, in scripts that take more bytes a character (limits count
 * characters): the per-user views still fit, showing the first part of each text and saying so.
 */
describe.each([
  ['Welsh (2 bytes a character)', 'ŵ'],
  ['Chinese (3 bytes a character)', '界'],
])('every answer at its limit in %s', (_script, letter) => {
  const answers = JSON.parse(
    JSON.stringify(fullAnswers).replace(/W/g, letter),
  ) as typeof fullAnswers;
  const views: [string, AdaptiveCard][] = [
    ['form (to the tab)', researchCaseCard({ ...caseView({ answers }), open: true }, before)],
    ['summary', researchSummaryCard(caseView({ answers, status: 'submitted' }), before)],
    ['closed', researchClosedCard(caseView({ answers, status: 'submitted' }))],
    ['refused', researchRefusedCaseCard(caseView(), answers, everyError)],
  ];
  it.each(views)('%s fits under 28 KB and says where the full text is', (_name, card) => {
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toMatch(/open the research in the MARAC tab/);
  });
});
