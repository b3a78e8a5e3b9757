import type { z } from 'zod';
import type { MeetingAction, updateActionBody } from '../contracts/meeting-api.js';
import type { ActionRecord } from '../ports/meeting-run.js';
import { DomainError } from '../shared/errors.js';
import { actionDueAt, requireOwnerAgency } from './action-rules.js';
import { actionViews } from './action-view.js';
import { requireSeat, type MeetingViewer } from './meeting-seat.js';
import { auditedRecord, meetingTopic, type RecordDeps } from './record-deps.js';
import { requireVersion, writeStateOf } from './record-state.js';

export type UpdateActionInput = z.infer<typeof updateActionBody>;

/** What an action said, kept when a correction replaces it (its words and its terms). */
const wordsOf = (a: ActionRecord) =>
  JSON.stringify({
    ownerAgencyId: a.ownerAgencyId,
    ownerPerson: a.ownerPerson,
    what: a.what,
    risk: a.risk,
    dueAt: a.dueAt.toISOString(),
    urgent: a.urgent,
    status: a.status,
  });

/**
 * The chair or coordinator changes an action agreed at this meeting, from the version they
 * opened: a stale version is refused with who saved it and when, and nothing is overwritten.
 * The same SMART checks as when it was agreed. After close the change is a correction: the
 * version it replaces is kept with the reason, and it is audited as one.
 */
export async function updateAction(
  deps: RecordDeps,
  input: MeetingViewer & { actionId: string; action: UpdateActionInput },
): Promise<MeetingAction> {
  return auditedRecord(deps, 'meeting.action', input.meetingId, async (repos) => {
    // One writer of the meeting at a time: the state and version checked stay true until commit.
    await repos.meetingRun.lock(input.meetingId);
    const { meeting } = await requireSeat(repos, input, { confirmed: true, record: true });
    const state = await writeStateOf(repos, meeting.id, input.action.correctionReason);
    const stored = await repos.meetingActions.get(input.actionId, { forUpdate: true });
    // An action of another meeting is not this meeting's to change, even by a coordinator.
    if (!stored || stored.meetingId !== meeting.id) {
      throw new DomainError('NOT_FOUND', 'This action was not agreed at this meeting.');
    }
    await requireVersion(repos, 'this action', stored, input.action.version);
    const now = deps.clock.now();
    const dueAt = actionDueAt(input.action, now, stored);
    await requireOwnerAgency(repos, meeting, input.action.ownerAgencyId);
    if (state.correction) {
      await repos.meetingActions.addCorrection({
        id: deps.ids.newId(),
        meetingId: meeting.id,
        recordType: 'action',
        recordId: stored.id,
        caseId: stored.caseId,
        version: stored.version,
        before: wordsOf(stored),
        reason: state.correction.reason,
        correctedBy: input.personId,
        correctedAt: now,
      });
    }
    const saved: ActionRecord = {
      ...stored,
      ownerAgencyId: input.action.ownerAgencyId,
      ownerPerson: input.action.ownerPerson || null,
      what: input.action.what,
      risk: input.action.risk,
      dueAt,
      urgent: input.action.urgent,
      updatedBy: input.personId,
      updatedAt: now,
      version: stored.version + 1,
    };
    await repos.meetingActions.save(saved);
    await repos.audit.record(
      state.correction ? 'meeting.action-corrected' : 'meeting.action-updated',
      'meeting_action',
      saved.id,
    );
    await repos.live.publish(meetingTopic(meeting.id), {
      kind: 'case.action',
      ids: { meetingId: meeting.id, referralId: saved.referralId, actionId: saved.id },
    });
    return (await actionViews(repos, meeting.areaId, [saved]))[0]!;
  });
}
