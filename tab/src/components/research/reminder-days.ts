/**
 * The reminder days as typed ("3, 1" or "3 and 1") read as numbers, or what to do about them.
 * Empty is allowed: no reminders. The contract allows up to four days, each 1 to 15, once each.
 */
export function readReminderDays(typed: string): { days: number[] } | { problem: string } {
  const parts = typed
    .split(/\s*(?:,|\band\b|\s)\s*/i)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.some((p) => !/^\d+$/.test(p)))
    return { problem: 'use whole numbers of working days, such as 3, 1' };
  const days = parts.map(Number);
  if (days.some((d) => d < 1 || d > 15)) return { problem: 'use days from 1 to 15' };
  if (new Set(days).size !== days.length) return { problem: 'give each day once' };
  if (days.length > 4) return { problem: 'give 4 days or fewer' };
  return { days: days.sort((a, b) => b - a) };
}
