import { londonDateOf, londonInstant } from '#core/calendar/london-time.js';
import { inQuarter, parseQuarter } from '#core/reporting/quarter.js';
import { quarterOrRefuse } from '#core/reporting/read-data-return.js';

describe('quarters', () => {
  it.each([
    ['2027-Q1', '2027-01-01', '2027-03-31'],
    ['2027-Q2', '2027-04-01', '2027-06-30'],
    ['2027-Q3', '2027-07-01', '2027-09-30'],
    ['2027-Q4', '2027-10-01', '2027-12-31'],
    ['2028-Q1', '2028-01-01', '2028-03-31'],
  ])('%s runs from %s to %s', (name, from, to) => {
    expect(parseQuarter(name)).toEqual({ name, from, to });
  });

  it.each(['2027-Q5', '2027-Q0', '2027Q1', '27-Q1', '2027-q1', '2027-Q1 ', '1999-Q4', ''])(
    '%j is refused, naming the field and what to give',
    (name) => {
      expect(parseQuarter(name)).toBeNull();
      expect(() => quarterOrRefuse(name)).toThrow(/Quarter: use a quarter such as 2027-Q1/);
    },
  );

  // British Summer Time starts on 28 March 2027: the first quarter's last meetings and the second
  // quarter's first are on either side of it. The London date decides, never the UTC one.
  it.each([
    // 00:30 on 1 April in BST is 23:30 UTC on 31 March: the second quarter all the same.
    ['2027-04-01', '00:30', '2027-Q1', false],
    ['2027-04-01', '00:30', '2027-Q2', true],
    ['2027-03-31', '23:30', '2027-Q1', true],
    // GMT: 1 January at 00:30 is 00:30 UTC; 31 December at 23:30 is 23:30 UTC.
    ['2027-01-01', '00:30', '2027-Q1', true],
    ['2026-12-31', '23:30', '2027-Q1', false],
    // BST ends on 31 October 2027; 1 October is in BST.
    ['2027-10-01', '00:15', '2027-Q3', false],
    ['2027-10-01', '00:15', '2027-Q4', true],
  ])('a meeting on %s at %s London time is in %s: %s', (date, time, quarter, expected) => {
    const startsAt = londonInstant(date, time);
    expect(londonDateOf(startsAt)).toBe(date);
    expect(inQuarter(parseQuarter(quarter)!, londonDateOf(startsAt))).toBe(expected);
  });
});
