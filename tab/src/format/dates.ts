/**
 * Dates and times as a person in England reads them: "Tue 1 Dec 2026", "10:00", always in
 * Europe/London whatever the computer's own zone. Calendar dates (YYYY-MM-DD) have no zone and are
 * shown as they are; instants are converted to London time.
 */
const LONDON = 'Europe/London';

const dateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const instantParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const longParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const isoParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Joins the parts without the comma some ICU versions put after the weekday. */
function britishDate(format: Intl.DateTimeFormat, value: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    format.formatToParts(value).find((p) => p.type === type)?.value ?? '';
  // Some ICU versions write "Sept"; the app writes three letters for every month.
  return `${part('weekday')} ${part('day')} ${part('month').replace(/^Sept$/, 'Sep')} ${part('year')}`;
}

function fromLocalDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12));
}

/** "2026-12-01" -> "Tue 1 Dec 2026". */
export function formatDate(date: string): string {
  return britishDate(dateParts, fromLocalDate(date));
}

/** An instant -> "Tue 1 Dec 2026" in London. */
export function formatInstantDate(iso: string): string {
  return britishDate(instantParts, new Date(iso));
}

/** An instant -> "Tuesday 1 December 2026" in London: a date no one can misread (expiry dates). */
export function formatLongInstantDate(iso: string): string {
  return britishDate(longParts, new Date(iso));
}

/** An instant -> "10:00" in London. */
export function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

/** An instant -> "Wed 2 Dec 2026, 13:00" in London. */
export function formatDateTime(iso: string): string {
  return `${formatInstantDate(iso)}, ${formatTime(iso)}`;
}

/** Today's date in London as YYYY-MM-DD. */
export function londonToday(now: Date = new Date()): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    isoParts.formatToParts(now).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A date input's value read back in words, so nobody mistakes 03/04 for 4 March. */
export function dateHint(value: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : undefined;
}

export function addDays(date: string, days: number): string {
  const d = fromLocalDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 180 -> "3 hours"; 90 -> "1 hour 30 minutes". */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [];
  if (hours > 0) parts.push(plural(hours, 'hour'));
  if (rest > 0 || hours === 0) parts.push(plural(rest, 'minute'));
  return parts.join(' ');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
