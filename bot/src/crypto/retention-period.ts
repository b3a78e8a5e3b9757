import {
  addDays,
  compareDates,
  localDate,
  parseLocalDate,
  type LocalDate,
} from '#core/shared/local-date.js';

/*
 * Retention periods: what a retention key covers. Records fall due for erasure on a date (their
 * last MARAC plus the area's retention); the key that wraps their data keys is the key of their
 * area and the calendar quarter of that date, and it is destroyed once the quarter has ended and
 * its records are erased. One key per area and quarter, not per case: a few dozen keys per area
 * in Key Vault, and erasing a quarter is destroying one key.
 *
 * Idempotency answers live a day; their keys are per day (`transient-<date>`), destroyed when
 * the day is `TRANSIENT_DAYS` old.
 *
 * Ids are plain text, safe as file names and Key Vault key names: `<area uuid>-2033-q1`,
 * `transient-2026-12-01`.
 */

const AREA = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-([0-9]{4})-q([1-4])$/;
const TRANSIENT = /^transient-([0-9]{4}-[0-9]{2}-[0-9]{2})$/;

/** A transient key outlives its day by this many days: answers are kept 24 hours. */
export const TRANSIENT_DAYS = 2;

export type RetentionPeriod =
  | { kind: 'area'; areaId: string; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'transient'; day: LocalDate };

const quarterOf = (date: LocalDate) => Math.floor((parseLocalDate(date).month - 1) / 3) + 1;

/**
 * The period of records of `areaId` that fall due on `due`, but never one that has ended by
 * `today`: a record already overdue (its area's retention was shortened) is filed in the
 * current quarter, so no key is ever made for a quarter that may have been destroyed.
 */
export function areaPeriod(areaId: string, due: LocalDate, today: LocalDate): string {
  const on = compareDates(due, today) < 0 ? today : due;
  return `${areaId.toLowerCase()}-${on.slice(0, 4)}-q${quarterOf(on)}`;
}

export const transientPeriod = (day: LocalDate): string => `transient-${day}`;

export function parsePeriod(id: string): RetentionPeriod | null {
  const area = AREA.exec(id);
  if (area) {
    return {
      kind: 'area',
      areaId: area[1]!,
      year: Number(area[2]),
      quarter: Number(area[3]) as 1 | 2 | 3 | 4,
    };
  }
  const transient = TRANSIENT.exec(id);
  if (transient) {
    try {
      parseLocalDate(transient[1]!);
      return { kind: 'transient', day: transient[1]! };
    } catch {
      return null;
    }
  }
  return null;
}

export const isPeriod = (id: string): boolean => parsePeriod(id) !== null;

/** The last day its key is needed: the quarter's last day, or the transient day plus its days. */
export function periodLastDay(id: string): LocalDate {
  const period = parsePeriod(id);
  if (!period) throw new RangeError(`"${id}" is not a retention period`);
  if (period.kind === 'transient') return addDays(period.day, TRANSIENT_DAYS);
  return addDays(localDate(period.year, period.quarter * 3 + 1, 1), -1);
}

/** True once `today` is after the period's last day: its key may go when nothing uses it. */
export const periodEnded = (id: string, today: LocalDate): boolean =>
  compareDates(today, periodLastDay(id)) > 0;

/** True when records due on `due` are past keeping on `today` (their quarter has ended). */
export const dueQuarterEnded = (due: LocalDate, today: LocalDate): boolean =>
  compareDates(today, addDays(localDate(Number(due.slice(0, 4)), quarterOf(due) * 3 + 1, 1), -1)) >
  0;
