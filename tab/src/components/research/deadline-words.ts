import { formatLongInstantDate, formatTime } from '../../format/dates.js';

/** "17:00 on Monday 30 November 2026 (London time)": a deadline no one can misread. */
export function deadlineWords(iso: string): string {
  return `${formatTime(iso)} on ${formatLongInstantDate(iso)} (London time)`;
}
