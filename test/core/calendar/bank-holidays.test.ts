import { bankHolidays, easterSunday } from '#core/calendar/bank-holidays.js';
import type { Region } from '#core/meetings/protocol.js';

const datesOf = (year: number, region: Region): string[] =>
  bankHolidays(year, region).map((h) => h.date);
const nameOn = (date: string, region: Region): string | undefined =>
  bankHolidays(Number(date.slice(0, 4)), region).find((h) => h.date === date)?.name;

describe('bankHolidays: England and Wales, as gov.uk lists them', () => {
  // prettier-ignore
  it.each([
    [2025, ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26']],
    [2026, ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']],
    [2027, ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28']],
  ])('%i', (year, expected) => {
    expect(datesOf(year, 'england-and-wales')).toEqual(expected);
  });

  it.each([
    ['2026-04-03', 'Good Friday'],
    ['2026-04-06', 'Easter Monday'],
    ['2026-05-04', 'Early May bank holiday'],
    ['2026-05-25', 'Spring bank holiday'],
    ['2026-08-31', 'Summer bank holiday'],
    ['2026-12-28', 'Boxing Day (substitute day)'],
    ['2022-12-26', 'Boxing Day'],
    ['2022-12-27', 'Christmas Day (substitute day)'],
  ])('%s is %s', (date, name) => {
    expect(nameOn(date, 'england-and-wales')).toBe(name);
  });
});

describe('substitute days', () => {
  it.each([
    [2021, 'Saturday', ['2021-12-27', '2021-12-28']],
    [2022, 'Sunday', ['2022-12-26', '2022-12-27']],
    [2026, 'Friday', ['2026-12-25', '2026-12-28']],
    [2027, 'Saturday', ['2027-12-27', '2027-12-28']],
    [2032, 'Saturday', ['2032-12-27', '2032-12-28']],
  ])('Christmas %i (25th a %s)', (year, _day, expected) => {
    expect(datesOf(year, 'england-and-wales').filter((d) => d >= `${year}-12-01`)).toEqual(
      expected,
    );
  });

  it.each([
    [2022, '2022-01-03'],
    [2023, '2023-01-02'],
    [2028, '2028-01-03'],
    [2033, '2033-01-03'],
    [2026, '2026-01-01'],
  ])("New Year's Day %i", (year, expected) => {
    expect(datesOf(year, 'england-and-wales')[0]).toBe(expected);
  });
});

describe('easterSunday (anonymous Gregorian algorithm)', () => {
  it.each([
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2016, '2016-03-27'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe('Scotland', () => {
  it('2026 in full: 2 January, no Easter Monday, summer at the start of August, St Andrew', () => {
    // prettier-ignore
    expect(datesOf(2026, 'scotland')).toEqual([
      '2026-01-01', '2026-01-02', '2026-04-03', '2026-05-04', '2026-05-25',
      '2026-08-03', '2026-11-30', '2026-12-25', '2026-12-28',
    ]);
  });

  it.each([
    ['2025-12-01', "St Andrew's Day (substitute day)"],
    ['2022-01-03', "New Year's Day (substitute day)"],
    ['2022-01-04', '2nd January (substitute day)'],
    ['2025-08-04', 'Summer bank holiday'],
  ])('%s is %s', (date, name) => {
    expect(nameOn(date, 'scotland')).toBe(name);
  });

  it.each(['2026-04-06', '2026-08-31', '2025-11-30'])(
    '%s is not a Scottish bank holiday',
    (date) => {
      expect(nameOn(date, 'scotland')).toBeUndefined();
    },
  );
});

describe('Northern Ireland', () => {
  it('2026 in full: St Patrick, the Boyne on its substitute Monday, plus the England and Wales set', () => {
    // prettier-ignore
    expect(datesOf(2026, 'northern-ireland')).toEqual([
      '2026-01-01', '2026-03-17', '2026-04-03', '2026-04-06', '2026-05-04',
      '2026-05-25', '2026-07-13', '2026-08-31', '2026-12-25', '2026-12-28',
    ]);
  });

  it.each([
    ['2024-03-18', "St Patrick's Day (substitute day)"],
    ['2025-03-17', "St Patrick's Day"],
    ['2025-07-14', 'Battle of the Boyne (Orangemen’s Day) (substitute day)'],
    ['2024-07-12', 'Battle of the Boyne (Orangemen’s Day)'],
  ])('%s is %s', (date, name) => {
    expect(nameOn(date, 'northern-ireland')).toBe(name);
  });
});

describe('one-off changes, in every region', () => {
  const all: Region[] = ['england-and-wales', 'scotland', 'northern-ireland'];
  it.each(
    all.flatMap(
      (region) =>
        [
          [region, 2020, ['2020-05-08'], ['2020-05-04']],
          [region, 2022, ['2022-06-02', '2022-06-03', '2022-09-19'], ['2022-05-30']],
          [region, 2023, ['2023-05-08', '2023-05-01'], []],
          [region, 2012, ['2012-06-04', '2012-06-05'], ['2012-05-28']],
        ] as const,
    ),
  )('%s %i', (region, year, present, absent) => {
    const dates = datesOf(year, region);
    expect(dates).toEqual(expect.arrayContaining([...present]));
    for (const date of absent) expect(dates).not.toContain(date);
  });

  it('England and Wales 2022 in full', () => {
    // prettier-ignore
    expect(datesOf(2022, 'england-and-wales')).toEqual([
      '2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02',
      '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27',
    ]);
  });
});
