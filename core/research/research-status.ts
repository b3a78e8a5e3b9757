import type { ResearchStatus, StoredResearchStatus } from '../contracts/research.js';

/**
 * The life of one cell (a case by an agency). Stored statuses move only as this table says;
 * `late` is never stored, it is how a cell reads once the deadline has passed (`shownStatus`).
 *
 *   not-sent --prompt-sent--> sent --prompt-seen--> seen
 *   not-sent | sent | seen | draft | nothing-known --save-draft--> draft
 *   not-sent | sent | seen | draft | nothing-known | submitted --submit--> submitted
 *   not-sent | sent | seen --nothing-known--> nothing-known
 *
 * A submitted response is changed by submitting again, not by a draft: the coordinator or chair
 * may already have read it, so it never slips back to an unfinished state. "Nothing known"
 * never overwrites a draft: typed words are not thrown away by a bulk action.
 */
export type ResearchEvent =
  'prompt-sent' | 'prompt-seen' | 'save-draft' | 'submit' | 'nothing-known';

const UNANSWERED: readonly StoredResearchStatus[] = ['not-sent', 'sent', 'seen'];

const FROM: Record<ResearchEvent, readonly StoredResearchStatus[]> = {
  'prompt-sent': ['not-sent'],
  'prompt-seen': ['sent'],
  'save-draft': [...UNANSWERED, 'draft', 'nothing-known'],
  submit: [...UNANSWERED, 'draft', 'nothing-known', 'submitted'],
  'nothing-known': UNANSWERED,
};

const TO: Record<ResearchEvent, StoredResearchStatus> = {
  'prompt-sent': 'sent',
  'prompt-seen': 'seen',
  'save-draft': 'draft',
  submit: 'submitted',
  'nothing-known': 'nothing-known',
};

/** Prompts are told to the cell as they happen; one arriving after an answer changes nothing. */
const QUIET: readonly ResearchEvent[] = ['prompt-sent', 'prompt-seen'];

/**
 * The status after `event`, the same status when a prompt event arrives after the agency has
 * moved on (a prompt seen after a draft), or null when the event is not allowed.
 */
export function nextStatus(
  current: StoredResearchStatus,
  event: ResearchEvent,
): StoredResearchStatus | null {
  if (FROM[event].includes(current)) return TO[event];
  return QUIET.includes(event) ? current : null;
}

/** Whether the agency has not answered the case at all (what "nothing known" may fill in). */
export const isUnanswered = (status: StoredResearchStatus | undefined): boolean =>
  status === undefined || UNANSWERED.includes(status);

/**
 * How a cell reads at `now`: late when submitted after the deadline (a meeting brought forward
 * after the agency submitted) or still without an answer once it has passed.
 */
export function shownStatus(
  cell: { status: StoredResearchStatus; submittedAt: Date | null } | null,
  deadline: Date,
  now: Date,
): ResearchStatus {
  const status = cell?.status ?? 'not-sent';
  if (status === 'submitted' || status === 'nothing-known') {
    const at = cell?.submittedAt;
    return at && at.getTime() > deadline.getTime() ? 'late' : status;
  }
  return now.getTime() > deadline.getTime() ? 'late' : status;
}
