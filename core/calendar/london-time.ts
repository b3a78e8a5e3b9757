import { parseLocalDate, type LocalDate } from '../shared/local-date.js';
import { LONDON } from '../meetings/protocol.js';

/**
 * Wall-clock time in Europe/London and back, with `Intl.DateTimeFormat` as the only source of
 * time-zone rules: no date library, and the result does not depend on the server's TZ.
 */

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const HOUR_MS = 60 * 60 * 1000;

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockOf(instant: Date): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0 } = parts;
  return { year, month, day, hour, minute, second };
}

/** London's offset from UTC at an instant, in milliseconds (0 in GMT, one hour in BST). */
function offsetAt(ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const w = wallClockOf(new Date(whole));
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole;
}

/**
 * The instant at which London clocks show `time` on `date`. A time the clocks skip (01:30 on the
 * last Sunday of March) is read with the offset before the change, so it lands an hour later
 * (02:30 BST), as Outlook does; a time shown twice in October is the first, BST, occurrence.
 */
export function londonInstant(date: LocalDate, time: string): Date {
  const match = TIME.exec(time);
  if (!match) throw new RangeError(`"${time}" is not a 24-hour time HH:MM`);
  const { year, month, day } = parseLocalDate(date);
  const wall = Date.UTC(year, month - 1, day, Number(match[1]), Number(match[2]));
  const before = offsetAt(wall - 12 * HOUR_MS);
  const after = offsetAt(wall + 12 * HOUR_MS);
  const fits = [before, after]
    .map((offset) => wall - offset)
    .filter((candidate) => wall - offsetAt(candidate) === candidate)
    .sort((a, b) => a - b);
  return new Date(fits[0] ?? wall - before);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * ISO 8601 with London's offset, seconds included (`2026-03-30T10:00:00+01:00`): what people
 * and Graph read without guessing the zone. Milliseconds are dropped.
 */
export function toLondonIso(instant: Date): string {
  const w = wallClockOf(instant);
  const offsetMinutes = Math.round(offsetAt(instant.getTime()) / 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${offset}`;
}

/** The London calendar date of an instant: deadlines and "today" are London dates. */
export function londonDateOf(instant: Date): LocalDate {
  const w = wallClockOf(instant);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** The London wall-clock time of an instant, `HH:MM`. */
export function londonTimeOf(instant: Date): string {
  const w = wallClockOf(instant);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}
