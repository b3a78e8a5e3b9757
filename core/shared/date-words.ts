import type { LocalDate } from './local-date.js';

// Made once: a formatter costs a millisecond or so to make, and a research fan-out writes a date
// in words for every one of its thousand prompts.
const format = (style: 'long' | 'short') =>
  new Intl.DateTimeFormat('en-GB', {
    weekday: style,
    day: 'numeric',
    month: style,
    year: 'numeric',
    timeZone: 'UTC',
  });
const FORMATS = { long: format('long'), short: format('short') };

/**
 * A date in words the British way, without the comma Intl puts after the weekday:
 * "Tuesday 1 December 2026" (long) or "Tue 1 Dec 2026" (short), as the tab writes them.
 */
export function dateInWords(date: LocalDate, style: 'long' | 'short'): string {
  const parts = FORMATS[style].formatToParts(new Date(`${date}T00:00:00Z`));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}
