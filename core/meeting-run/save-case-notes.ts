import type { z } from 'zod';
import type { CaseNotes, caseNotesBody } from '../contracts/meeting-api.js';
import type { CaseNotesRecord } from '../ports/meeting-run.js';
import type { Repos } from '../ports/store.js';
import { requireRunCase } from './case-on-meeting.js';
import { requireSeat, type MeetingViewer } from './meeting-seat.js';
import { auditedRecord, meetingTopic, type RecordDeps } from './record-deps.js';
import { nameOf, requireVersion, writeStateOf } from './record-state.js';

export type CaseNotesInput = z.infer<typeof caseNotesBody>;

/** Notes as the meeting shows them: who saved them last, by name. */
export async function caseNotesView(repos: Repos, notes: CaseNotesRecord): Promise<CaseNotes> {
  return {
    facts: notes.facts,
    opinion: notes.opinion,
    riskSummary: notes.riskSummary,
    version: notes.version,
    updatedAt: notes.updatedAt?.toISOString() ?? null,
    updatedBy: await nameOf(repos, notes.updatedBy),
  };
}

/**
 * The chair or coordinator saves a case's notes: facts, opinion and the risk summary kept apart.
 * The writer names the version they started from; if someone saved since, nothing is written
 * and they are told who and when. After close, the save is a correction: the version it
 * replaces is kept (sealed) with the reason, and it is audited as one.
 */
export async function saveCaseNotes(
  deps: RecordDeps,
  input: MeetingViewer & { referralId: string; notes: CaseNotesInput },
): Promise<CaseNotes> {
  return auditedRecord(deps, 'meeting.notes', input.meetingId, async (repos) => {
    // One writer of the meeting at a time: the state and version checked stay true until commit.
    await repos.meetingRun.lock(input.meetingId);
    const { meeting } = await requireSeat(repos, input, { confirmed: true, record: true });
    const state = await writeStateOf(repos, meeting.id, input.notes.correctionReason);
    const runCase = await requireRunCase(repos, meeting, input.referralId);
    const stored = await repos.meetingRun.notes(meeting.id, input.referralId);
    await requireVersion(repos, 'these notes', stored, input.notes.version);
    const now = deps.clock.now();
    if (state.correction) {
      await repos.meetingActions.addCorrection({
        id: deps.ids.newId(),
        meetingId: meeting.id,
        recordType: 'notes',
        recordId: input.referralId,
        caseId: runCase.caseId,
        version: stored.version,
        before: JSON.stringify({
          facts: stored.facts,
          opinion: stored.opinion,
          riskSummary: stored.riskSummary,
        }),
        reason: state.correction.reason,
        correctedBy: input.personId,
        correctedAt: now,
      });
    }
    const saved: CaseNotesRecord = {
      facts: input.notes.facts,
      opinion: input.notes.opinion,
      riskSummary: input.notes.riskSummary,
      version: stored.version + 1,
      updatedBy: input.personId,
      updatedAt: now,
    };
    await repos.meetingRun.saveNotes(meeting.id, input.referralId, runCase.caseId, saved);
    await repos.audit.record(
      state.correction ? 'meeting.notes-corrected' : 'meeting.notes-saved',
      'referral',
      input.referralId,
    );
    await repos.live.publish(meetingTopic(meeting.id), {
      kind: 'case.notes',
      ids: { meetingId: meeting.id, referralId: input.referralId },
    });
    return caseNotesView(repos, saved);
  });
}
