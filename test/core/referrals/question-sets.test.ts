import {
  findQuestionSet,
  police27,
  questionSetSchema,
  questionSets,
  safelives24,
} from '#core/referrals/question-sets.js';

const tenQuestions = Array.from({ length: 10 }, (_, i) => ({
  id: `a${i + 1}`,
  text: `Question ${i + 1}?`,
}));

describe('built-in question sets', () => {
  it.each([
    ['safelives-24', 24, 'q'],
    ['police-27', 27, 'p'],
  ])('%s has %i questions with ids %s1..', (id, size, prefix) => {
    const set = questionSets[id]!;
    expect(set.questions).toHaveLength(size);
    expect(set.questions.map((q) => q.id)).toEqual(
      Array.from({ length: size }, (_, i) => `${prefix}${i + 1}`),
    );
    expect(questionSetSchema.safeParse(set).success).toBe(true);
  });

  it.each([safelives24, police27])('$id credits Laura Richards and names MARAC', (set) => {
    expect(set.attribution).toMatch(/Laura Richards/);
    expect(set.attribution).toMatch(/MARAC/);
  });

  it('police-27 is the 24 with three children and dependants questions after pregnancy', () => {
    const police = police27.questions.map((q) => q.text);
    const safelives = safelives24.questions.map((q) => q.text);
    expect(police.slice(0, 8)).toEqual(safelives.slice(0, 8));
    expect(police.slice(12)).toEqual(safelives.slice(9));
    expect(police.slice(9, 12).join(' ')).toMatch(/dependants/);
  });

  it('asks about strangulation at q15 of the SafeLives checklist', () => {
    expect(safelives24.questions[14]!.text).toMatch(/strangle/);
  });
});

describe('questionSetSchema', () => {
  const valid = {
    id: 'area-set',
    title: 'Area set',
    attribution: 'Our own wording.',
    questions: tenQuestions,
  };

  it('accepts an area set of 10 questions', () => {
    expect(questionSetSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['9 questions', { questions: tenQuestions.slice(0, 9) }, ['questions']],
    [
      '41 questions',
      { questions: Array.from({ length: 41 }, (_, i) => ({ id: `b${i}`, text: 'Asked?' })) },
      ['questions'],
    ],
    [
      'a duplicate id',
      { questions: [...tenQuestions.slice(0, 9), { id: 'a1', text: 'Again?' }] },
      ['questions', 9, 'id'],
    ],
    [
      'a 4-character text',
      { questions: [{ id: 'x', text: 'Why?' }, ...tenQuestions.slice(1)] },
      ['questions', 0, 'text'],
    ],
    [
      'a 301-character text',
      { questions: [{ id: 'x', text: 'a'.repeat(301) }, ...tenQuestions.slice(1)] },
      ['questions', 0, 'text'],
    ],
    [
      'an upper-case id',
      { questions: [{ id: 'Q1', text: 'Asked?' }, ...tenQuestions.slice(1)] },
      ['questions', 0, 'id'],
    ],
  ])('refuses %s', (_, change, path) => {
    const result = questionSetSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path)).toContainEqual(path);
  });
});

describe('findQuestionSet', () => {
  it('prefers an area set to a built-in of the same id', () => {
    const own = { ...safelives24, title: 'Local wording' };
    expect(findQuestionSet('safelives-24', [own])!.title).toBe('Local wording');
    expect(findQuestionSet('police-27')).toBe(police27);
    expect(findQuestionSet('nonesuch')).toBeNull();
  });
});
