import {
  checkMeetingDates,
  latestMeetingDate,
  meetingDateProblem,
} from '#core/shared/date-bounds.js';
import { isDomainError } from '#core/shared/errors.js';

describe('meeting dates', () => {
  it.each([
    ['2026-12-01', null],
    ['2028-12-01', null], // two years to the day
    ['2028-12-02', 'choose a date within two years from today, on or before 1 December 2028'],
    ['9999-12-31', 'choose a date within two years from today, on or before 1 December 2028'],
  ])('a meeting on %s: %s', (date, problem) => {
    expect(meetingDateProblem(date, '2026-12-01')).toBe(problem);
  });

  it('clamps two years from 29 February to 28 February', () => {
    expect(latestMeetingDate('2028-02-29')).toBe('2030-02-28');
  });

  it('names each field too far ahead by its path', () => {
    let thrown: unknown;
    try {
      checkMeetingDates({ date: '9999-12-31', other: undefined }, '2026-12-01');
    } catch (error) {
      thrown = error;
    }
    expect(isDomainError(thrown) && thrown.details).toEqual([
      { path: 'date', message: expect.stringMatching(/^choose a date within two years/) },
    ]);
  });
});
