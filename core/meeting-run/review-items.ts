import type { ReviewItem } from '../contracts/meeting-api.js';
import type { MeetingRecord, Repos } from '../ports/store.js';

/**
 * The review of incomplete actions from earlier meetings, as the meeting view shows it to
 * everyone who has confirmed the statement. The seam for the actions' part of issue #10: it is
 * empty until actions exist, and the actions helper fills it from `repos.meetingActions`.
 */
export async function loadReviewItems(
  _repos: Repos,
  _meeting: MeetingRecord,
): Promise<ReviewItem[]> {
  return [];
}
