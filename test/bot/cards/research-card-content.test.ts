/**
 * What the research cards say: the form asks without assuming, names limits and fields in words
 * and sets opinion apart from facts; the read-only views say who submitted and when; the prompt
 * gives the meeting, the deadline in London time and the counts.
 */
import { researchFormCard } from '../../../bot/src/cards/research-form-card.js';
import {
  researchCasePromptCard,
  researchPromptCards,
} from '../../../bot/src/cards/research-prompt-cards.js';
import { researchRefusedCard } from '../../../bot/src/cards/research-refused-card.js';
import {
  researchClosedCard,
  researchSummaryCard,
} from '../../../bot/src/cards/research-summary-cards.js';
import { RESEARCH_VERBS } from '../../../bot/src/cards/verbs.js';
import { cardText, elements } from '../agent/card-check.js';
import { caseView, promptView } from './research-fixtures.js';

const before = new Date('2026-12-05T09:00:00Z');

describe('the research form', () => {
  const form = researchFormCard(caseView({ answers: {}, status: 'due', lastChange: null }));
  const inputs = elements(form).filter((e) => String(e.type).startsWith('Input.'));

  it('asks yes / no / not known and yes / no for the flag, nothing chosen, nothing required', () => {
    for (const id of ['knownToAgency', 'recordsFlagged']) {
      const choice = inputs.find((i) => i.id === id)!;
      expect(choice).toMatchObject({ type: 'Input.ChoiceSet', style: 'expanded' });
      expect(choice).not.toHaveProperty('value');
      // Save draft sends the inputs too: the server, not the client, asks for them on submit.
      expect(choice).not.toHaveProperty('isRequired');
    }
  });

  it('pre-fills nothing, cuts nothing, and names each limit in its label', () => {
    for (const input of inputs) {
      expect(input).not.toHaveProperty('value');
      expect(input).not.toHaveProperty('maxLength');
    }
    const current = inputs.find((i) => i.id === 'currentInvolvement')!;
    expect(current.label).toBe('Current involvement: facts (up to 4,000 characters)');
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

  it('says "Nothing was saved" plainly on a refusal, and a success in green', () => {
    const errors = [{ field: 'currentInvolvement' as const, problem: 'enter what you know' }];
    const refused = researchRefusedCard(caseView({ notice: 'Nothing was saved.' }), {}, errors);
    const saved = researchFormCard(caseView({ notice: 'Draft saved.' }));
    const colour = (c: typeof saved, text: string) =>
      elements(c).find((e) => e.text === text)?.color;
    expect(colour(refused, 'Nothing was saved.')).toBe('Default');
    expect(colour(saved, 'Draft saved.')).toBe('Good');
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

  it('refuses a picker too big for Teams rather than cutting it short', () => {
    expect(() => researchPromptCards(promptView(101))).toThrow(/101 cases; one picker holds 100/);
  });

  it('gives the meeting, the deadline in London time in words, and the counts', () => {
    const text = cardText(researchCasePromptCard(promptView(3), 1));
    expect(text).toContain('Meeting: Tuesday 15 December 2026');
    expect(text).toContain('Research due: by 5pm on Thursday 10 December 2026 (UK time)');
    expect(text).toContain('Cases: 3 cases: 1 not started, 1 draft, 1 submitted');
    expect(text).toContain('Case 2 of 3: NBWXYZAB-2026-1001');
  });
});
