import type { RunCaseRecord } from '../ports/meeting-run.js';
import type { MeetingRecord, Repos } from '../ports/store.js';
import { caseNotOnMeeting } from './record-deps.js';

/**
 * The case as this meeting holds it: on its running order once the chair has started (a case
 * moved away since stays in this meeting's record), or among the meeting's accepted cases before
 * (`runCase` null then). A case of any other meeting is not found, whether or not it exists.
 */
export async function caseOnMeeting(
  repos: Repos,
  meeting: MeetingRecord,
  referralId: string,
): Promise<{ runCase: RunCaseRecord | null }> {
  const run = await repos.meetingRun.run(meeting.id);
  if (run) {
    const runCase = (await repos.meetingRun.cases(meeting.id)).find(
      (c) => c.referralId === referralId,
    );
    if (!runCase) throw caseNotOnMeeting();
    return { runCase };
  }
  if (!(await repos.meetings.caseIds(meeting.id)).includes(referralId)) throw caseNotOnMeeting();
  return { runCase: null };
}

/** A case on the running order of a started meeting: where notes and actions are recorded. */
export async function requireRunCase(
  repos: Repos,
  meeting: MeetingRecord,
  referralId: string,
): Promise<RunCaseRecord> {
  const { runCase } = await caseOnMeeting(repos, meeting, referralId);
  if (!runCase) throw caseNotOnMeeting();
  return runCase;
}
