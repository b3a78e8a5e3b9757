import type { LocalDate } from './local-date.js';

/**
 * A date in words the British way, without the comma Intl puts after the weekday:
 * "Tuesday 1 December 2026" (long) or "Tue 1 Dec 2026" (short), as the tab writes them.
 */
export function dateInWords(date: LocalDate, style: 'long' | 'short'): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: style,
    day: 'numeric',
    month: style,
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(new Date(`${date}T00:00:00Z`));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}
