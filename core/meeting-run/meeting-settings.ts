import type { MeetingSettings } from '../contracts/meeting-api.js';
import { londonDateOf } from '../calendar/london-time.js';
import type { Repos } from '../ports/store.js';
import { DomainError } from '../shared/errors.js';
import { addDays } from '../shared/local-date.js';
import type { MeetingRunDeps } from './run-deps.js';
import { publishMeetingEvent } from './run-writes.js';

async function requireArea(repos: Repos, areaId: string): Promise<void> {
  if (!(await repos.areas.get(areaId))) {
    throw new DomainError('AREA_NOT_FOUND', 'There is no such MARAC area.');
  }
}

/** The area's meeting settings: the target time per case. */
export function readMeetingSettings(
  deps: Pick<MeetingRunDeps, 'uow'>,
  input: { areaId: string },
): Promise<MeetingSettings> {
  return deps.uow.run(async (repos) => {
    await requireArea(repos, input.areaId);
    return { caseTargetMinutes: await repos.meetingRun.caseTargetMinutes(input.areaId) };
  });
}

/**
 * Sets the target time per case (the route lets only the area's coordinator). Audited; the
 * area's meetings from yesterday on are told, so an open meeting view shows the new target.
 */
export function setMeetingSettings(
  deps: Pick<MeetingRunDeps, 'uow' | 'clock'>,
  input: { areaId: string; settings: MeetingSettings },
): Promise<MeetingSettings> {
  return deps.uow.run(async (repos) => {
    await requireArea(repos, input.areaId);
    await repos.meetingRun.setCaseTargetMinutes(input.areaId, input.settings.caseTargetMinutes);
    await repos.audit.record('area.meeting-settings', 'area', input.areaId);
    const today = londonDateOf(deps.clock.now());
    const meetings = await repos.meetings.listForArea(input.areaId, { from: addDays(today, -1) });
    // One topic lock after another, always in the same order: two writers cannot deadlock.
    for (const id of meetings.map((m) => m.id).sort()) {
      await publishMeetingEvent(repos, id, 'meeting.settings');
    }
    return { caseTargetMinutes: await repos.meetingRun.caseTargetMinutes(input.areaId) };
  });
}
