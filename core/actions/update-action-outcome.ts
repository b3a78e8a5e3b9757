import type { ActionOutcomeInput, OwnedAction } from '../contracts/action-api.js';
import type { ActionStatus } from '../contracts/meeting-api.js';
import { londonDateOf, londonInstant } from '../calendar/london-time.js';
import type { ActionRecord } from '../ports/meeting-run.js';
import type { Clock, IdGenerator, UnitOfWork } from '../ports/store.js';
import { deadlineInWords } from '../research/research-deadline.js';
import { DomainError, isDomainError } from '../shared/errors.js';
import { meetingTopic } from '../meeting-run/record-deps.js';
import { requireVersion } from '../meeting-run/record-state.js';
import { requireActionOwner, type ActionActor } from './action-access.js';
import { isIncomplete, ownedActionViews } from './owned-action-view.js';

/** What the action owners' use cases need: one transaction over the store, the time, new ids. */
export interface ActionDeps {
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
}

const REFUSALS = new Set(['NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'VERSION_CONFLICT']);

/** What an outcome leaves the action's status at: the update keeps it as it was. */
const statusAfter = (outcome: ActionOutcomeInput, before: ActionStatus): ActionStatus =>
  outcome.outcome === 'done' ? 'done' : outcome.outcome === 'cannot' ? 'cannot' : before;

const FINISHED_WORDS: Partial<Record<ActionStatus, string>> = {
  done: 'marked done',
  cannot: 'ended as not possible',
  'not-done': 'recorded as not done at a review',
};

/** A finished action is not changed by its owner: what follows is for the next meeting. */
function requireIncomplete(action: ActionRecord): void {
  if (isIncomplete(action.status)) return;
  throw new DomainError(
    'CONFLICT',
    `This action was ${FINISHED_WORDS[action.status] ?? 'finished'} on ${deadlineInWords(action.updatedAt)}: ` +
      'it can no longer be updated. Tell the MARAC coordinator if anything has changed.',
  );
}

/** The new due time of an update: a London date and time after now. */
function newDueAt(outcome: ActionOutcomeInput & { outcome: 'update' }, now: Date): Date {
  const dueAt = londonInstant(outcome.dueDate, outcome.dueTime);
  if (dueAt.getTime() > now.getTime()) return dueAt;
  throw new DomainError('VALIDATION_FAILED', 'The new due time would be before now.', [
    {
      path: 'dueDate',
      message: `New due date: choose a date and time after now (today is ${londonDateOf(now)})`,
    },
  ]);
}

/**
 * The owner agency says what happened to an action: done (with a note), a new due time (with
 * the reason), or it cannot be done (with the reason). From the version they read: a stale one
 * is refused, saying who saved it and when, and nothing is overwritten. A finished action is
 * refused in words. The update is kept (its words sealed), audited and announced to the
 * meeting's live view, in one transaction; a refusal is audited in one of its own.
 */
export async function updateActionOutcome(
  deps: ActionDeps,
  input: ActionActor & { actionId: string; outcome: ActionOutcomeInput },
): Promise<OwnedAction> {
  try {
    return await deps.uow.run(async (repos) => {
      const { action: stored, standing } = await requireActionOwner(repos, input, input.actionId, {
        forUpdate: true,
      });
      requireIncomplete(stored);
      await requireVersion(repos, 'this action', stored, input.outcome.version);
      const now = deps.clock.now();
      const dueAt =
        input.outcome.outcome === 'update' ? newDueAt(input.outcome, now) : stored.dueAt;
      const saved: ActionRecord = {
        ...stored,
        dueAt,
        status: statusAfter(input.outcome, stored.status),
        updatedBy: input.personId,
        updatedAt: now,
        version: stored.version + 1,
      };
      await repos.meetingActions.save(saved);
      await repos.actionUpdates.insert({
        id: deps.ids.newId(),
        actionId: stored.id,
        caseId: stored.caseId,
        outcome: input.outcome.outcome,
        words: input.outcome.outcome === 'done' ? input.outcome.note : input.outcome.reason,
        previousDueAt: stored.dueAt,
        newDueAt: input.outcome.outcome === 'update' ? dueAt : null,
        agencyId: stored.ownerAgencyId,
        updatedBy: input.personId,
        updatedAt: now,
        version: saved.version,
      });
      await repos.audit.record(
        standing === 'rep'
          ? `action.${input.outcome.outcome}`
          : `action.${input.outcome.outcome}.on-behalf`,
        'meeting_action',
        saved.id,
      );
      const meetingDate =
        (await repos.meetings.get(saved.meetingId))?.date ?? londonDateOf(saved.createdAt);
      const [view] = await ownedActionViews(repos, now, [{ action: saved, meetingDate }]);
      // Last: it holds the meeting topic's lock until commit. Ids only.
      await repos.live.publish(meetingTopic(saved.meetingId), {
        kind: 'case.action',
        ids: { meetingId: saved.meetingId, referralId: saved.referralId, actionId: saved.id },
      });
      return view!;
    });
  } catch (error) {
    if (isDomainError(error) && REFUSALS.has(error.code)) {
      await deps.uow.run((repos) =>
        repos.audit.record('action.update.refused', 'meeting_action', input.actionId),
      );
    }
    throw error;
  }
}
