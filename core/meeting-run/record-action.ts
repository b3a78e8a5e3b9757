import type { z } from 'zod';
import type { actionBody, MeetingAction } from '../contracts/meeting-api.js';
import type { ActionRecord } from '../ports/meeting-run.js';
import { actionDueAt, requireOwnerAgency } from './action-rules.js';
import { actionViews } from './action-view.js';
import { requireRunCase } from './case-on-meeting.js';
import { requireSeat, type MeetingViewer } from './meeting-seat.js';
import { auditedRecord, meetingTopic, type RecordDeps } from './record-deps.js';
import { requireRunning } from './record-state.js';

export type ActionInput = z.infer<typeof actionBody>;

/**
 * The chair or coordinator records an action as it is agreed: SMART (an agency on the meeting
 * owns it, what exactly, due when in London time, the risk it addresses), an urgent child
 * safeguarding decision due within hours. Only while the meeting runs: after close an action is
 * not added to a frozen record. The route makes it idempotent (one action per key).
 */
export async function recordAction(
  deps: RecordDeps,
  input: MeetingViewer & { referralId: string; action: ActionInput },
): Promise<MeetingAction> {
  return auditedRecord(deps, 'meeting.action', input.meetingId, async (repos) => {
    // One writer of the meeting at a time: the state and version checked stay true until commit.
    await repos.meetingRun.lock(input.meetingId);
    const { meeting } = await requireSeat(repos, input, { confirmed: true, record: true });
    await requireRunning(repos, meeting.id, 'no new action can be added to it');
    const runCase = await requireRunCase(repos, meeting, input.referralId);
    const now = deps.clock.now();
    const dueAt = actionDueAt(input.action, now);
    await requireOwnerAgency(repos, meeting, input.action.ownerAgencyId);
    const action: ActionRecord = {
      id: deps.ids.newId(),
      meetingId: meeting.id,
      referralId: input.referralId,
      caseId: runCase.caseId,
      areaId: meeting.areaId,
      ownerAgencyId: input.action.ownerAgencyId,
      ownerPerson: input.action.ownerPerson || null,
      what: input.action.what,
      risk: input.action.risk,
      dueAt,
      urgent: input.action.urgent,
      status: 'open',
      createdBy: input.personId,
      createdAt: now,
      updatedBy: input.personId,
      updatedAt: now,
      version: 1,
    };
    await repos.meetingActions.insert(action);
    await repos.audit.record('meeting.action-recorded', 'meeting_action', action.id);
    await repos.live.publish(meetingTopic(meeting.id), {
      kind: 'case.action',
      ids: { meetingId: meeting.id, referralId: input.referralId, actionId: action.id },
    });
    return (await actionViews(repos, meeting.areaId, [action]))[0]!;
  });
}
