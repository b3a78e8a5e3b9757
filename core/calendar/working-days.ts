import { addDays, dayOfWeek, parseLocalDate, type LocalDate } from '../shared/local-date.js';
import type { Region } from '../meetings/protocol.js';
import { bankHolidays } from './bank-holidays.js';

export interface WorkingCalendarOptions {
  region: Region;
  /** A partnership's own closure days (an office move, a training day), on top of bank holidays. */
  closures?: LocalDate[];
}

/** The name `holidayName` gives a partnership closure day. */
export const CLOSURE_NAME = 'Partnership closure day';

/**
 * No run of non-working days is anywhere near this long; hitting it means the closures list is
 * wrong (a whole year closed), and failing loudly beats looping for ever.
 */
const MAX_STEPS = 366;

/**
 * Working days for one area: weekdays that are neither a bank holiday of its region nor one of
 * its closure days. MARAC deadlines ("minutes within 10 working days") are counted on these.
 */
export class WorkingCalendar {
  private readonly region: Region;
  private readonly closures: Set<LocalDate>;
  private readonly holidaysByYear = new Map<number, Map<LocalDate, string>>();

  constructor(options: WorkingCalendarOptions) {
    this.region = options.region;
    this.closures = new Set(options.closures ?? []);
  }

  /** True on a weekday that is not a bank holiday or closure day. */
  isWorkingDay(date: LocalDate): boolean {
    const day = dayOfWeek(date);
    if (day === 0 || day === 6) return false;
    return this.holidayName(date) === null;
  }

  /**
   * Why a date is closed, for telling a coordinator why a meeting moved: the bank holiday's name,
   * `CLOSURE_NAME` for a closure day, or null (weekends included: they need no explanation).
   */
  holidayName(date: LocalDate): string | null {
    const holiday = this.holidaysOf(parseLocalDate(date).year).get(date);
    if (holiday) return holiday;
    return this.closures.has(date) ? CLOSURE_NAME : null;
  }

  /** The date itself if it is a working day, otherwise the next one after it. */
  onOrAfter(date: LocalDate): LocalDate {
    return this.step(date, 1);
  }

  /** The date itself if it is a working day, otherwise the last one before it. */
  onOrBefore(date: LocalDate): LocalDate {
    return this.step(date, -1);
  }

  /**
   * The nth working day after `date` (n > 0) or before it (n < 0), not counting `date` itself,
   * which need not be a working day. n = 0 returns `date` unchanged.
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n))
      throw new RangeError(`working days must be a whole number (got ${n})`);
    const direction = n < 0 ? -1 : 1;
    let current = date;
    for (let left = Math.abs(n); left > 0; left -= 1) {
      current = this.step(addDays(current, direction), direction);
    }
    return current;
  }

  private step(date: LocalDate, direction: 1 | -1): LocalDate {
    let current = date;
    for (let steps = 0; steps < MAX_STEPS; steps += 1) {
      if (this.isWorkingDay(current)) return current;
      current = addDays(current, direction);
    }
    throw new RangeError(
      `no working day within ${MAX_STEPS} days of ${date}: check the closure days`,
    );
  }

  private holidaysOf(year: number): Map<LocalDate, string> {
    let holidays = this.holidaysByYear.get(year);
    if (!holidays) {
      holidays = new Map(bankHolidays(year, this.region).map((h) => [h.date, h.name]));
      this.holidaysByYear.set(year, holidays);
    }
    return holidays;
  }
}
