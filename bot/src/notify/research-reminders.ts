import type { Logger } from 'pino';
import type { Clock, MeetingRecord, NotifyJob, Repos, UnitOfWork } from '#core/ports/store.js';
import { promptRecipients } from '#core/research/prompt-recipients.js';
import { researchDeadline } from '#core/research/research-deadline.js';
import { outstandingResearch } from '#core/research/research-outstanding.js';
import type { Db } from '../db/db.js';
import { coordinatorIds } from '../store/record-area.js';
import { researchMissingText, researchReminderText } from './research-reminder-text.js';
import type { TeamsNotifier } from './teams-notifier.js';

type Deps = { uow: UnitOfWork; clock: Clock; notifier: TeamsNotifier; log: Logger };

/**
 * The meeting as it is now, if its research is still open: a job may wait in the outbox for a
 * while (retries, an app that was down), and the meeting may have been cancelled meanwhile.
 */
async function openMeeting(repos: Repos, meetingId: string, now: Date) {
  const meeting = await repos.meetings.get(meetingId);
  if (!meeting || meeting.status === 'cancelled') return null;
  const area = (await repos.areas.get(meeting.areaId))!;
  const deadline = researchDeadline(meeting, area);
  if (now.getTime() > deadline.getTime()) return null;
  return { meeting, area, deadline };
}

const stillPrompted = async (
  repos: Repos,
  meeting: MeetingRecord,
  agencyId: string,
  personId: string,
) =>
  (await promptRecipients(repos, meeting)).some(
    (rep) => rep.agencyId === agencyId && rep.personId === personId,
  );

/**
 * Sends one rep their reminder, checked again at send time: nothing when their agency has
 * answered every case since the job was queued, when they no longer get its prompts, or when
 * the deadline has passed. A rep the bot cannot reach is skipped, not retried: the coordinator's
 * note and the tab still show what is missing.
 */
export async function sendResearchReminder(
  deps: Deps,
  job: Extract<NotifyJob, { kind: 'notify.research-reminder' }>,
): Promise<void> {
  const ids = { meetingId: job.meetingId, agencyId: job.agencyId, personId: job.personId };
  const text = await deps.uow.run(async (repos) => {
    const open = await openMeeting(repos, job.meetingId, deps.clock.now());
    if (!open || !(await stillPrompted(repos, open.meeting, job.agencyId, job.personId)))
      return null;
    const owed = await outstandingResearch(repos, open.meeting);
    const outstanding = owed.agencies.find((a) => a.agencyId === job.agencyId)?.outstanding ?? 0;
    if (outstanding === 0) return null;
    return researchReminderText({
      areaName: open.area.name,
      meetingDate: open.meeting.date,
      deadline: open.deadline,
      outstanding,
      cases: owed.cases,
      chased: job.days === null,
    });
  });
  if (!text) {
    deps.log.debug(ids, 'research reminder not needed now');
    return;
  }
  if (!(await deps.notifier.send(job.personId, text)))
    deps.log.debug(ids, 'research reminder: the rep has not talked to the bot');
}

/** Tells the area's coordinators which agencies have research missing now, if any still have. */
export async function notifyResearchMissing(
  deps: Deps & { db: Db },
  job: Extract<NotifyJob, { kind: 'notify.research-missing' }>,
): Promise<void> {
  const found = await deps.uow.run(async (repos) => {
    const open = await openMeeting(repos, job.meetingId, deps.clock.now());
    if (!open) return null;
    const owed = await outstandingResearch(repos, open.meeting);
    const names = new Map((await repos.areas.agencies(open.area.id)).map((a) => [a.id, a.name]));
    const missing = owed.agencies
      .filter((a) => a.outstanding > 0)
      .map((a) => ({ name: names.get(a.agencyId) ?? 'An agency', outstanding: a.outstanding }));
    if (missing.length === 0) return null;
    const text = researchMissingText({
      areaName: open.area.name,
      meetingDate: open.meeting.date,
      deadline: open.deadline,
      cases: owed.cases,
      missing,
    });
    return { areaId: open.area.id, text };
  });
  if (!found) {
    deps.log.debug({ meetingId: job.meetingId }, 'research missing note not needed now');
    return;
  }
  for (const personId of await coordinatorIds(deps.db, found.areaId))
    await deps.notifier.send(personId, found.text);
}
