import { addMonths, ageOn } from '#core/shared/local-date-months.js';

describe('addMonths', () => {
  it.each([
    ['2025-03-10', 12, '2026-03-10'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2025-06-01', 0, '2025-06-01'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('refuses a fraction of a month', () => {
    expect(() => addMonths('2025-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('ageOn', () => {
  it.each([
    ['2010-05-01', '2026-04-30', 15],
    ['2010-05-01', '2026-05-01', 16],
    // A 29 February birthday comes on 1 March in a common year, never early.
    ['2008-02-29', '2024-02-28', 15],
    ['2008-02-29', '2024-02-29', 16],
    ['2012-02-29', '2028-02-28', 15],
    // 2027 is a common year: the fifteenth birthday is 1 March, not 28 February.
    ['2012-02-29', '2027-02-28', 14],
    ['2012-02-29', '2027-03-01', 15],
  ])('born %s, on %s is %i', (dob, today, age) => {
    expect(ageOn(dob, today)).toBe(age);
  });
});
