import type { DeputyPrompt } from '#core/contracts/research-api.js';
import type { ResearchSharing, ResearchStatus } from '#core/contracts/research.js';

/** The words (and the shapes beside them) the tab shows for research's codes. */

export const STATUS_WORDS: Record<ResearchStatus, string> = {
  'not-sent': 'Not sent',
  sent: 'Sent',
  seen: 'Seen',
  draft: 'Draft',
  submitted: 'Submitted',
  late: 'Late',
  'nothing-known': 'Nothing known',
};

/**
 * A shape for each status, so a cell reads without colour (WCAG 1.4.1) and the matrix can be
 * scanned at a glance; the word is always beside it, and screen readers read only the word.
 */
export const STATUS_MARKS: Record<ResearchStatus, string> = {
  'not-sent': '○',
  sent: '→',
  seen: '◐',
  draft: '✎',
  submitted: '✓',
  late: '!',
  'nothing-known': '–',
};

export const STATUS_BADGES = {
  'not-sent': { color: 'informative', appearance: 'outline' },
  sent: { color: 'informative', appearance: 'tint' },
  seen: { color: 'brand', appearance: 'outline' },
  draft: { color: 'warning', appearance: 'tint' },
  submitted: { color: 'success', appearance: 'tint' },
  late: { color: 'danger', appearance: 'tint' },
  'nothing-known': { color: 'brand', appearance: 'tint' },
} as const satisfies Record<
  ResearchStatus,
  { color: string; appearance: 'outline' | 'tint' | 'filled' }
>;

/** Whether a cell holds an answer (a late cell with a submission time was answered late). */
export function answered(cell: { status: ResearchStatus; submittedAt: string | null }): boolean {
  if (cell.status === 'submitted' || cell.status === 'nothing-known') return true;
  return cell.status === 'late' && cell.submittedAt !== null;
}

/**
 * The status in words, telling a late answer from a missing one where the submission time is
 * known (`undefined`: not known to this view, just "Late").
 */
export function statusWords(cell: { status: ResearchStatus; submittedAt?: string | null }): string {
  if (cell.status === 'late' && cell.submittedAt !== undefined)
    return cell.submittedAt ? 'Submitted late' : 'Late: not answered';
  return STATUS_WORDS[cell.status];
}

export const SHARING_WORDS: Record<ResearchSharing, { title: string; means: string }> = {
  'before-meeting': {
    title: 'Before the meeting',
    means:
      'The coordinator and the meeting’s chair read each agency’s submitted research as it arrives.',
  },
  'at-meeting': {
    title: 'At the meeting',
    means:
      'The coordinator and the chair read an agency’s submitted research once the chair opens the case in the meeting.',
  },
  'status-only': {
    title: 'Status only',
    means:
      'Nobody outside the agency reads what it wrote; others see only whether it has answered.',
  },
};

export const DEPUTY_WORDS: Record<DeputyPrompt, { title: string; means: string }> = {
  always: {
    title: 'Always',
    means: 'The deputy is asked for research with the core rep, and either may answer.',
  },
  'when-core-absent': {
    title: 'Only when the core rep is absent',
    means: 'The deputy is asked only once the coordinator marks the core rep absent for a meeting.',
  },
};

/** [3, 1] -> "3 and 1 working days before the meeting"; [] -> "no reminders". */
export function reminderWords(days: readonly number[]): string {
  if (days.length === 0) return 'No reminders';
  const sorted = [...days].sort((a, b) => b - a).map(String);
  const list =
    sorted.length === 1 ? sorted[0] : `${sorted.slice(0, -1).join(', ')} and ${sorted.at(-1)}`;
  const unit = days.length === 1 && days[0] === 1 ? 'working day' : 'working days';
  return `Reminders ${list} ${unit} before the meeting`;
}
