import {
  londonDateOf,
  londonInstant,
  londonTimeOf,
  toLondonIso,
} from '#core/calendar/london-time.js';

describe('londonInstant and toLondonIso around the clock changes', () => {
  it.each([
    [
      '2026-03-27',
      '2026-03-27T10:00:00+00:00',
      '2026-03-27T10:00:00.000Z',
      'Friday before BST starts',
    ],
    [
      '2026-03-30',
      '2026-03-30T10:00:00+01:00',
      '2026-03-30T09:00:00.000Z',
      'Monday after BST starts',
    ],
    [
      '2026-10-23',
      '2026-10-23T10:00:00+01:00',
      '2026-10-23T09:00:00.000Z',
      'Friday before BST ends',
    ],
    [
      '2026-10-26',
      '2026-10-26T10:00:00+00:00',
      '2026-10-26T10:00:00.000Z',
      'Monday after BST ends',
    ],
    [
      '2027-03-26',
      '2027-03-26T10:00:00+00:00',
      '2027-03-26T10:00:00.000Z',
      'Friday before BST starts',
    ],
    [
      '2027-03-29',
      '2027-03-29T10:00:00+01:00',
      '2027-03-29T09:00:00.000Z',
      'Monday after BST starts',
    ],
    [
      '2027-10-29',
      '2027-10-29T10:00:00+01:00',
      '2027-10-29T09:00:00.000Z',
      'Friday before BST ends',
    ],
    [
      '2027-11-01',
      '2027-11-01T10:00:00+00:00',
      '2027-11-01T10:00:00.000Z',
      'Monday after BST ends',
    ],
    ['2026-12-01', '2026-12-01T10:00:00+00:00', '2026-12-01T10:00:00.000Z', 'winter'],
  ])('10:00 on %s is %s (%s)', (date, iso, utc) => {
    const instant = londonInstant(date, '10:00');
    expect(toLondonIso(instant)).toBe(iso);
    expect(instant.toISOString()).toBe(utc);
  });

  it.each([
    ['2026-03-29', '00:30', '2026-03-29T00:30:00+00:00', 'before the gap'],
    ['2026-03-29', '01:00', '2026-03-29T02:00:00+01:00', 'start of the gap'],
    ['2026-03-29', '01:30', '2026-03-29T02:30:00+01:00', 'in the gap: the time after it'],
    ['2026-03-29', '02:00', '2026-03-29T02:00:00+01:00', 'after the gap'],
    ['2027-03-28', '01:30', '2027-03-28T02:30:00+01:00', 'in the gap'],
    ['2026-10-25', '00:30', '2026-10-25T00:30:00+01:00', 'before the overlap'],
    ['2026-10-25', '01:00', '2026-10-25T01:00:00+01:00', 'overlap: first (BST) occurrence'],
    ['2026-10-25', '01:30', '2026-10-25T01:30:00+01:00', 'overlap: first (BST) occurrence'],
    ['2026-10-25', '02:00', '2026-10-25T02:00:00+00:00', 'after the overlap'],
    ['2027-10-31', '01:30', '2027-10-31T01:30:00+01:00', 'overlap'],
  ])('%s %s is %s (%s)', (date, time, iso) => {
    expect(toLondonIso(londonInstant(date, time))).toBe(iso);
  });

  it('shows the second occurrence of an autumn time with its GMT offset', () => {
    expect(toLondonIso(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25T01:30:00+00:00');
  });

  it('drops milliseconds', () => {
    expect(toLondonIso(new Date('2026-06-01T09:00:05.789Z'))).toBe('2026-06-01T10:00:05+01:00');
  });

  it.each([
    ['2026-02-30', '10:00'],
    ['2026-03-01', '24:00'],
    ['2026-03-01', '9:00'],
  ])('rejects %s %s', (date, time) => {
    expect(() => londonInstant(date, time)).toThrow(RangeError);
  });
});

describe('londonDateOf and londonTimeOf', () => {
  it.each([
    ['2026-06-30T23:30:00Z', '2026-07-01', '00:30'],
    ['2026-12-31T23:30:00Z', '2026-12-31', '23:30'],
    ['2026-03-29T00:59:00Z', '2026-03-29', '00:59'],
    ['2026-03-29T01:00:00Z', '2026-03-29', '02:00'],
    ['2026-10-24T23:00:00Z', '2026-10-25', '00:00'],
  ])('%s is %s %s in London', (utc, date, time) => {
    expect(londonDateOf(new Date(utc))).toBe(date);
    expect(londonTimeOf(new Date(utc))).toBe(time);
  });
});
