import type { ReviewItem } from '../contracts/meeting-api.js';
import type { MeetingRecord, Repos } from '../ports/store.js';
import { actionViews } from './action-view.js';

/**
 * The review at the start of a meeting: the area's actions agreed at earlier meetings that are
 * still open or ongoing, oldest meeting first, each with what this meeting's review said of it
 * (an action reviewed here stays listed, so the review reads as it was given). Empty until any
 * action exists. The meeting view shows it only to people who have confirmed the statement.
 */
export async function loadReviewItems(repos: Repos, meeting: MeetingRecord): Promise<ReviewItem[]> {
  const found = await repos.meetingActions.incompleteBefore(meeting.areaId, meeting.id);
  const views = await actionViews(
    repos,
    meeting.areaId,
    found.map((f) => f.action),
  );
  return found.map((f, i) => ({
    action: views[i]!,
    meetingDate: f.meetingDate,
    outcome: f.review?.outcome ?? null,
    notDoneReason: f.review?.notDoneReason ?? null,
  }));
}
