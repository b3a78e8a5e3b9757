import type { z } from 'zod';
import type { reviewBody, ReviewItem } from '../contracts/meeting-api.js';
import type { ActionRecord, ActionReviewRecord } from '../ports/meeting-run.js';
import { DomainError } from '../shared/errors.js';
import { actionDueAt } from './action-rules.js';
import { requireSeat, type MeetingViewer } from './meeting-seat.js';
import { auditedRecord, meetingTopic, type RecordDeps } from './record-deps.js';
import { requireRunning, requireVersion } from './record-state.js';
import { loadReviewItems } from './review-items.js';

export type ReviewInput = z.infer<typeof reviewBody>;

const STATUS: Record<ReviewInput['outcome'], ActionRecord['status']> = {
  done: 'done',
  ongoing: 'ongoing',
  'not-done': 'not-done',
};

/**
 * The chair or coordinator records what this meeting's review said of an earlier meeting's
 * incomplete action: done; ongoing, with a new due date and time; or not done, because the
 * circumstances changed or the agency did not act. The action's status (and, when ongoing, its
 * due time) changes with it, from the version the writer opened. Only actions on this meeting's
 * review list: another area's action, or this meeting's own, is not found.
 */
export async function reviewAction(
  deps: RecordDeps,
  input: MeetingViewer & { actionId: string; review: ReviewInput },
): Promise<ReviewItem> {
  return auditedRecord(deps, 'meeting.review', input.meetingId, async (repos) => {
    // One writer of the meeting at a time: the state and version checked stay true until commit.
    await repos.meetingRun.lock(input.meetingId);
    const { meeting } = await requireSeat(repos, input, { confirmed: true, record: true });
    await requireRunning(repos, meeting.id, 'its review of earlier actions is over');
    const listed = (await loadReviewItems(repos, meeting)).some(
      (item) => item.action.id === input.actionId,
    );
    const stored = listed
      ? await repos.meetingActions.get(input.actionId, { forUpdate: true })
      : null;
    if (!stored) {
      throw new DomainError('NOT_FOUND', 'This action is not on this meeting\u2019s review list.');
    }
    await requireVersion(repos, 'this action', stored, input.review.version);
    const now = deps.clock.now();
    const { review } = input;
    const newDueAt =
      review.outcome === 'ongoing' ? actionDueAt({ ...review, urgent: null }, now) : null;
    const record: ActionReviewRecord = {
      meetingId: meeting.id,
      actionId: stored.id,
      outcome: review.outcome,
      notDoneReason: review.outcome === 'not-done' ? review.reason : null,
      newDueAt,
      reviewedBy: input.personId,
      reviewedAt: now,
    };
    await repos.meetingActions.save({
      ...stored,
      status: STATUS[review.outcome],
      dueAt: newDueAt ?? stored.dueAt,
      updatedBy: input.personId,
      updatedAt: now,
      version: stored.version + 1,
    });
    await repos.meetingActions.saveReview(record);
    await repos.audit.record('meeting.action-reviewed', 'meeting_action', stored.id);
    await repos.live.publish(meetingTopic(meeting.id), {
      kind: 'review.action',
      ids: { meetingId: meeting.id, referralId: stored.referralId, actionId: stored.id },
    });
    return (await loadReviewItems(repos, meeting)).find((i) => i.action.id === stored.id)!;
  });
}
