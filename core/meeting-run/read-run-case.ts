import type { RunCase, RunCaseDetail } from '../contracts/meeting-api.js';
import type { CaseNotesRecord, RunCaseRecord } from '../ports/meeting-run.js';
import type { MeetingRecord, Repos } from '../ports/store.js';
import { actionViews } from './action-view.js';
import { caseOnMeeting } from './case-on-meeting.js';
import { caseResearchFor } from './case-research.js';
import { caseSummaryOf } from './case-summary.js';
import { requireSeat, type MeetingViewer } from './meeting-seat.js';
import { auditedRecord, caseNotOnMeeting, type RecordDeps } from './record-deps.js';
import { caseNotesView } from './save-case-notes.js';

const NO_NOTES: CaseNotesRecord = {
  facts: '',
  opinion: '',
  riskSummary: '',
  version: 0,
  updatedBy: null,
  updatedAt: null,
};

/**
 * One case as a person at the meeting reads it: the referrer's summary, the research as the
 * area's sharing setting lets them have it (none for observers), the notes and the actions.
 * Only for someone on the meeting who has confirmed the confidentiality statement (a rep while
 * their agency is on its list), and only for a case on this meeting. Every view is audited by
 * the case's referral id; every refusal by the meeting's.
 */
export async function readRunCase(
  deps: RecordDeps,
  input: MeetingViewer & { referralId: string },
): Promise<RunCaseDetail> {
  return auditedRecord(deps, 'meeting.case-viewed', input.meetingId, async (repos) => {
    const seat = await requireSeat(repos, input, { confirmed: true });
    const { meeting } = seat;
    const { runCase } = await caseOnMeeting(repos, meeting, input.referralId);
    const research = await caseResearchFor(repos, deps.clock.now(), input, seat, input.referralId);
    const notes = runCase ? await repos.meetingRun.notes(meeting.id, input.referralId) : NO_NOTES;
    const actions = await repos.meetingActions.forMeeting(meeting.id, input.referralId);
    const detail: RunCaseDetail = {
      case: runCase
        ? await runCaseOf(repos, runCase, seat.mayRecord)
        : await waitingCaseOf(repos, meeting, input.referralId),
      summary: await caseSummaryOf(repos, meeting, input.referralId),
      ...research,
      notes: await caseNotesView(repos, notes),
      actions: await actionViews(repos, meeting.areaId, actions),
    };
    await repos.audit.record('meeting.case-viewed', 'referral', input.referralId);
    return detail;
  });
}

/** A case on the running order; why it was deferred only for the chair and coordinator. */
async function runCaseOf(repos: Repos, c: RunCaseRecord, mayRecord: boolean): Promise<RunCase> {
  return {
    referralId: c.referralId,
    reference: c.reference,
    hasChildren: c.hasChildren,
    state: c.state,
    currentSince: c.currentSince?.toISOString() ?? null,
    secondsSpent: c.secondsSpent,
    deferReason:
      mayRecord && c.state === 'deferred'
        ? await repos.meetingRun.deferReason(c.meetingId, c.referralId)
        : null,
  };
}

/** Before the chair starts, a case on the meeting waits, with no time spent on it. */
async function waitingCaseOf(
  repos: Repos,
  meeting: MeetingRecord,
  referralId: string,
): Promise<RunCase> {
  const found = (await repos.meetings.caseSummaries(meeting.id)).find((c) => c.id === referralId);
  if (!found) throw caseNotOnMeeting();
  return {
    referralId,
    reference: found.reference,
    hasChildren: found.childrenCount > 0,
    state: 'waiting',
    currentSince: null,
    secondsSpent: 0,
    deferReason: null,
  };
}
