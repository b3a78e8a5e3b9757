import {
  addDays,
  compareDates,
  dayOfWeek,
  daysInMonth,
  localDate,
  type LocalDate,
} from '../shared/local-date.js';
import type { Region } from '../meetings/protocol.js';

/**
 * UK bank holidays, computed from the rules rather than copied from gov.uk, so the app keeps
 * working in years nobody has typed in. One-off changes by Royal Proclamation (jubilees, a state
 * funeral, a coronation) cannot be computed; they sit in a small table so past dates stay right.
 */
export interface BankHoliday {
  date: LocalDate;
  name: string;
}

const SUBSTITUTE = ' (substitute day)';
const MONDAY = 1;

/** A fixed-date holiday that moves to a weekday when it falls at a weekend. */
interface FixedHoliday {
  month: number;
  day: number;
  name: string;
}

const fixedHolidays: Record<Region, FixedHoliday[]> = {
  'england-and-wales': [
    { month: 1, day: 1, name: "New Year's Day" },
    { month: 12, day: 25, name: 'Christmas Day' },
    { month: 12, day: 26, name: 'Boxing Day' },
  ],
  scotland: [
    { month: 1, day: 1, name: "New Year's Day" },
    { month: 1, day: 2, name: '2nd January' },
    { month: 11, day: 30, name: "St Andrew's Day" },
    { month: 12, day: 25, name: 'Christmas Day' },
    { month: 12, day: 26, name: 'Boxing Day' },
  ],
  'northern-ireland': [
    { month: 1, day: 1, name: "New Year's Day" },
    { month: 3, day: 17, name: "St Patrick's Day" },
    { month: 7, day: 12, name: 'Battle of the Boyne (Orangemen’s Day)' },
    { month: 12, day: 25, name: 'Christmas Day' },
    { month: 12, day: 26, name: 'Boxing Day' },
  ],
};

/**
 * One-off changes. `remove` drops the usual holiday of that date (it moved); `add` adds a day.
 * Every change since 1995 applied across the UK, so there is no per-region column yet.
 */
const exceptions: { remove?: LocalDate; add?: BankHoliday }[] = [
  { remove: '1995-05-01', add: { date: '1995-05-08', name: 'Early May bank holiday (VE day)' } },
  { add: { date: '1999-12-31', name: 'Millennium celebrations' } },
  { remove: '2002-05-27', add: { date: '2002-06-04', name: 'Spring bank holiday' } },
  { add: { date: '2002-06-03', name: 'Golden Jubilee bank holiday' } },
  { add: { date: '2011-04-29', name: 'Royal wedding' } },
  { remove: '2012-05-28', add: { date: '2012-06-04', name: 'Spring bank holiday' } },
  { add: { date: '2012-06-05', name: 'Queen’s Diamond Jubilee' } },
  { remove: '2020-05-04', add: { date: '2020-05-08', name: 'Early May bank holiday (VE day)' } },
  { remove: '2022-05-30', add: { date: '2022-06-02', name: 'Spring bank holiday' } },
  { add: { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' } },
  { add: { date: '2022-09-19', name: 'Bank Holiday for the State Funeral of Queen Elizabeth II' } },
  { add: { date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' } },
];

/**
 * Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher): Good Friday and
 * Easter Monday move every year and are the holidays most likely to hit a MARAC.
 */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return localDate(year, month, day);
}

function firstMonday(year: number, month: number): LocalDate {
  const first = localDate(year, month, 1);
  return localDate(year, month, 1 + ((MONDAY - dayOfWeek(first) + 7) % 7));
}

function lastMonday(year: number, month: number): LocalDate {
  const last = localDate(year, month, daysInMonth(year, month));
  const back = (dayOfWeek(last) - MONDAY + 7) % 7;
  return localDate(year, month, daysInMonth(year, month) - back);
}

/** The holidays whose date follows from Easter or "the nth Monday"; never on a weekend. */
function movableHolidays(year: number, region: Region): BankHoliday[] {
  const easter = easterSunday(year);
  const shift = (days: number): LocalDate => addDays(easter, days);
  const holidays: BankHoliday[] = [
    { date: shift(-2), name: 'Good Friday' },
    { date: firstMonday(year, 5), name: 'Early May bank holiday' },
    { date: lastMonday(year, 5), name: 'Spring bank holiday' },
  ];
  // Scotland has no Easter Monday holiday and takes its summer holiday at the start of August.
  if (region !== 'scotland') holidays.push({ date: shift(1), name: 'Easter Monday' });
  holidays.push(
    region === 'scotland'
      ? { date: firstMonday(year, 8), name: 'Summer bank holiday' }
      : { date: lastMonday(year, 8), name: 'Summer bank holiday' },
  );
  return holidays;
}

function isWeekend(date: LocalDate): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

/**
 * Fixed-date holidays that fall on a weekday keep their day; those at a weekend take the next
 * weekday not already a holiday, in date order. That is how gov.uk lists them: in 2022 Boxing Day
 * stays on Monday 26th and Christmas Day's substitute is Tuesday 27th.
 */
function placeFixedHolidays(year: number, region: Region, taken: Set<LocalDate>): BankHoliday[] {
  const fixed = fixedHolidays[region].map((h) => ({
    date: localDate(year, h.month, h.day),
    name: h.name,
  }));
  const placed = fixed.filter((h) => !isWeekend(h.date));
  placed.forEach((h) => taken.add(h.date));
  for (const holiday of fixed.filter((h) => isWeekend(h.date))) {
    let date = holiday.date;
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    placed.push({ date, name: holiday.name + SUBSTITUTE });
  }
  return placed;
}

/**
 * The bank holidays of one year in one UK region, in date order. Substitute days for a holiday
 * at the end of December stay in that year (27 and 28 December 2021), as gov.uk lists them.
 */
export function bankHolidays(year: number, region: Region): BankHoliday[] {
  const movable = movableHolidays(year, region);
  const taken = new Set(movable.map((h) => h.date));
  let all = [...movable, ...placeFixedHolidays(year, region, taken)];
  for (const change of exceptions) {
    if (change.remove?.startsWith(`${year}-`)) all = all.filter((h) => h.date !== change.remove);
    if (change.add?.date.startsWith(`${year}-`)) all.push(change.add);
  }
  return all.sort((a, b) => compareDates(a.date, b.date));
}
