import { CLOSURE_NAME, WorkingCalendar } from '#core/calendar/working-days.js';

const england = new WorkingCalendar({ region: 'england-and-wales' });
const scotland = new WorkingCalendar({ region: 'scotland' });

describe('WorkingCalendar.isWorkingDay', () => {
  it.each([
    ['2026-04-02', true, 'Thursday before Easter'],
    ['2026-04-03', false, 'Good Friday'],
    ['2026-04-04', false, 'Saturday'],
    ['2026-04-06', false, 'Easter Monday'],
    ['2026-04-07', true, 'Tuesday after Easter'],
    ['2026-12-28', false, 'Boxing Day substitute'],
    ['2026-08-03', true, 'first Monday of August'],
    ['2026-08-31', false, 'last Monday of August'],
  ])('England and Wales %s is %p (%s)', (date, expected) => {
    expect(england.isWorkingDay(date)).toBe(expected);
  });

  it.each([
    ['2026-04-06', true],
    ['2026-08-03', false],
    ['2026-08-31', true],
    ['2026-01-02', false],
    ['2026-11-30', false],
  ])('Scotland %s is %p', (date, expected) => {
    expect(scotland.isWorkingDay(date)).toBe(expected);
  });
});

describe('WorkingCalendar.holidayName', () => {
  it.each([
    ['2026-04-06', 'Easter Monday'],
    ['2026-12-28', 'Boxing Day (substitute day)'],
    ['2026-04-04', null],
    ['2026-04-07', null],
  ])('%s', (date, expected) => {
    expect(england.holidayName(date)).toBe(expected);
  });
});

describe('WorkingCalendar.onOrAfter / onOrBefore', () => {
  it.each([
    ['2026-04-03', '2026-04-07', '2026-04-02'],
    ['2026-04-07', '2026-04-07', '2026-04-07'],
    ['2026-12-25', '2026-12-29', '2026-12-24'],
    ['2027-12-25', '2027-12-29', '2027-12-24'],
    ['2026-05-24', '2026-05-26', '2026-05-22'],
  ])('%s: on or after %s, on or before %s', (date, after, before) => {
    expect(england.onOrAfter(date)).toBe(after);
    expect(england.onOrBefore(date)).toBe(before);
  });
});

describe('WorkingCalendar.addWorkingDays', () => {
  it.each([
    ['2026-12-24', 1, '2026-12-29'],
    ['2026-12-24', 3, '2026-12-31'],
    ['2026-12-24', 4, '2027-01-04'],
    ['2026-12-18', 10, '2027-01-06'],
    ['2027-01-04', -4, '2026-12-24'],
    ['2026-04-01', 2, '2026-04-07'],
    ['2026-04-02', 1, '2026-04-07'],
    ['2026-04-07', -1, '2026-04-02'],
    ['2026-04-04', 1, '2026-04-07'],
    ['2026-04-04', -1, '2026-04-02'],
    ['2026-04-03', 0, '2026-04-03'],
    ['2026-03-23', 10, '2026-04-08'],
  ])('%s %+i working days is %s', (date, n, expected) => {
    expect(england.addWorkingDays(date, n)).toBe(expected);
  });

  it('counts Easter Monday as a working day in Scotland', () => {
    expect(scotland.addWorkingDays('2026-04-02', 1)).toBe('2026-04-06');
  });

  it('rejects a fractional count', () => {
    expect(() => england.addWorkingDays('2026-04-02', 1.5)).toThrow(RangeError);
  });
});

describe('closure days', () => {
  const withClosures = new WorkingCalendar({
    region: 'england-and-wales',
    closures: ['2026-06-15', '2026-06-16'],
  });

  it.each([
    ['2026-06-15', false],
    ['2026-06-16', false],
    ['2026-06-17', true],
  ])('%s working: %p', (date, expected) => {
    expect(withClosures.isWorkingDay(date)).toBe(expected);
  });

  it('names a closure day and counts working days around it', () => {
    expect(withClosures.holidayName('2026-06-15')).toBe(CLOSURE_NAME);
    expect(withClosures.addWorkingDays('2026-06-12', 1)).toBe('2026-06-17');
    expect(withClosures.onOrBefore('2026-06-16')).toBe('2026-06-12');
  });

  it('does not leak into another calendar', () => {
    expect(england.isWorkingDay('2026-06-15')).toBe(true);
  });

  it('fails loudly when a year of closures leaves no working day', () => {
    const closures = Array.from({ length: 400 }, (_, i) =>
      new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
    );
    expect(() =>
      new WorkingCalendar({ region: 'england-and-wales', closures }).onOrAfter('2026-01-01'),
    ).toThrow(RangeError);
  });
});
