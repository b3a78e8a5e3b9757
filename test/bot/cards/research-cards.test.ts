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
import { cardProblems, cardText, elements } from '../agent/card-check.js';
import { caseView, fullAnswers, max, promptView, reps, secrets } from './research-fixtures.js';

const before = new Date('2026-12-05T09:00:00Z');
const everyError = [
  ...(['knownToAgency', 'currentInvolvement', 'reasonNotShared'] as const).map((field) => ({
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
  ['form', researchFormCard(caseView())],
  ['refused form', researchRefusedCard(caseView(), fullAnswers, everyError)],
  ['summary', researchSummaryCard(caseView({ status: 'submitted' }), before)],
  ['closed', researchClosedCard(caseView({ status: 'submitted' }))],
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

describe('the research form', () => {
  const form = researchFormCard(caseView({ answers: {}, status: 'due', lastChange: null }));
  const inputs = elements(form).filter((e) => String(e.type).startsWith('Input.'));

  it('asks yes / no / not known with nothing chosen, and says in words when it is left out', () => {
    const known = inputs.find((i) => i.id === 'knownToAgency')!;
    expect(known).toMatchObject({ type: 'Input.ChoiceSet', style: 'expanded', isRequired: true });
    expect(known).not.toHaveProperty('value');
    expect(known.errorMessage).toMatch(/^Choose yes, no or not known/);
  });

  it('pre-fills nothing, cuts nothing, and names each limit in its label', () => {
    for (const input of inputs) {
      expect(input).not.toHaveProperty('value');
      expect(input).not.toHaveProperty('maxLength');
    }
    const current = inputs.find((i) => i.id === 'currentInvolvement')!;
    expect(current.label).toBe('Current involvement: facts (up to 1,500 characters)');
  });

  it('asks for each child by number, and keeps professional opinion apart from the facts', () => {
    expect(inputs.map((i) => i.id)).toEqual(
      expect.arrayContaining(['child0Involvement', 'child11Contact']),
    );
    const opinion = elements(form).find(
      (e) => e.type === 'Container' && JSON.stringify(e).includes('"professionalOpinion"'),
    );
    expect(opinion).toMatchObject({ style: 'emphasis', separator: true });
    expect(cardText(opinion)).toContain('kept apart from the facts');
  });

  it('offers Submit, Save draft, Nothing known and Cancel; only the first two send the inputs', () => {
    expect(form.actions!.map((a) => [a.title, a.verb, a.associatedInputs])).toEqual([
      ['Submit', RESEARCH_VERBS.submit, 'auto'],
      ['Save draft', RESEARCH_VERBS.save, 'auto'],
      ['Nothing known', RESEARCH_VERBS.nothingKnown, 'none'],
      ['Cancel', RESEARCH_VERBS.cancel, 'none'],
    ]);
  });

  it('after a refusal, names each field in words and keeps what was typed', () => {
    const refused = researchRefusedCard(caseView(), { currentInvolvement: 'As typed' }, [
      { field: 'currentInvolvement', problem: 'use 2,000 characters or fewer' },
      {
        field: { child: 1, part: 'contactArrangements' },
        problem: 'say what the arrangements are',
      },
    ]);
    const text = cardText(refused);
    expect(text).toContain('Current involvement: use 2,000 characters or fewer');
    expect(text).toContain('Child 2: contact arrangements: say what the arrangements are');
    expect(text).not.toMatch(/child1Contact|currentInvolvement/);
    expect(elements(refused).find((e) => e.id === 'currentInvolvement')!.value).toBe('As typed');
  });
});

describe('the read-only research', () => {
  const submitted = caseView({ status: 'submitted' });

  it('says who submitted and when, and offers Edit until the deadline', () => {
    const summary = researchSummaryCard(submitted, before);
    expect(cardText(summary)).toContain('Submitted: by Dana Whitcombe');
    expect(cardText(summary)).toContain('2:15pm on Tuesday 1 December 2026');
    expect(cardText(summary)).toContain(
      'You can change this until 5pm on Thursday 10 December 2026.',
    );
    expect(summary.actions!.map((a) => a.verb)).toEqual([RESEARCH_VERBS.edit]);
  });

  it('is closed at the deadline: no Edit, and the coordinator named for changes', () => {
    const atDeadline = researchSummaryCard(submitted, submitted.dueAt);
    expect(atDeadline.actions).toBeUndefined();
    expect(cardText(atDeadline)).toContain('ask the MARAC coordinator');
    expect(cardText(researchClosedCard(caseView({ status: 'draft' })))).toContain(
      'has passed without a submission from your agency',
    );
  });

  it('sets professional opinion apart and shows "Nothing known" as a record, not a form', () => {
    const json = JSON.stringify(researchClosedCard(submitted));
    expect(json).toContain('Professional opinion (not fact)');
    const none = researchSummaryCard(caseView({ status: 'nothing-known', answers: {} }), before);
    expect(cardText(none)).toContain('Your agency has no record of this case.');
    expect(elements(none).some((e) => String(e.type).startsWith('Input.'))).toBe(false);
  });
});

describe('the research prompt', () => {
  it('is a card per case for up to three cases, one card with a picker for more', () => {
    expect(researchPromptCards(promptView(3))).toHaveLength(3);
    const [picker, ...rest] = researchPromptCards(promptView(4));
    expect(rest).toEqual([]);
    expect(
      elements(picker)
        .filter((e) => e.type === 'Input.ChoiceSet')
        .map((e) => e.id),
    ).toEqual(['caseId', 'caseIds']);
  });

  it('gives the meeting, the deadline in London time in words, and the counts', () => {
    const text = cardText(researchCasePromptCard(promptView(3), 1));
    expect(text).toContain('Meeting: Tuesday 15 December 2026');
    expect(text).toContain('Research due: by 5pm on Thursday 10 December 2026 (UK time)');
    expect(text).toContain(
      'Cases: 3 cases: 1 not started, 1 draft saved, not submitted, 1 submitted',
    );
    expect(text).toContain('Case 2 of 3: NBWXYZAB-2026-1001');
  });
});

/** Sizes: each card under 28 KB (UTF-8), and each message under Teams' 40 KB. */
export const sizes = all.map(([name, card]) => {
  const message = JSON.stringify({
    type: 'message',
    attachments: [{ contentType: CARD_CONTENT_TYPE, content: card }],
  });
  return {
    name,
    card: Buffer.byteLength(JSON.stringify(card)),
    message: Buffer.byteLength(message),
    utf16: message.length * 2,
  };
});

it.each(sizes)('$name: $card bytes as a card, $message as a message', ({ card, message }) => {
  expect(card).toBeLessThan(28 * 1024);
  expect(message).toBeLessThan(40 * 1024);
});
