import { londonInstant } from '../calendar/london-time.js';
import type { AreaRecord, Clock, MeetingRecord, Repos, UnitOfWork } from '../ports/store.js';
import { londonToday, workingCalendarFor } from '../scheduling/area-calendar.js';
import { addDays } from '../shared/local-date.js';
import { promptRecipients } from './prompt-recipients.js';
import { researchDeadline } from './research-deadline.js';
import { outstandingResearch } from './research-outstanding.js';

/**
 * Reminders go out at 09:00 London time: the start of a rep's working day, so the message is
 * there when they sit down at their records, not on a personal phone's lock screen in the
 * evening; and on the last reminder day (the deadline's own day by default) it leaves the whole
 * working day before research closes at 17:00.
 */
export const REMINDER_TIME = '09:00';

/** Far enough ahead for the longest reminder setting (15 working days) over Christmas. */
const LOOK_AHEAD_DAYS = 40;

type AreaDays = Pick<AreaRecord, 'protocol' | 'closures'>;

/**
 * When the reminder `days` working days before the meeting is due: 09:00 London on that working
 * day, bank holidays of the area's region and its closure days skipped, in GMT or BST as the
 * date has it.
 */
export function reminderDueAt(meeting: Pick<MeetingRecord, 'date'>, area: AreaDays, days: number) {
  const day = workingCalendarFor(area).addWorkingDays(meeting.date, -days);
  return londonInstant(day, REMINDER_TIME);
}

/**
 * The reminder to raise for a meeting at `now`, or null. Of the reminder days whose time has
 * come, only the latest counts: an app that was down through one reminder day sends one
 * reminder when it comes back, not two at once, and the earlier one is never sent afterwards.
 * None once the research deadline has passed, and none whose time came before the agenda was
 * published: the prompt itself has only just gone out.
 */
export function dueReminder(input: {
  meeting: Pick<MeetingRecord, 'date'>;
  area: AreaDays;
  reminderDays: readonly number[];
  publishedAt: Date;
  now: Date;
}): number | null {
  const { meeting, area, now } = input;
  if (now.getTime() > researchDeadline(meeting, area).getTime()) return null;
  let latest: { days: number; at: Date } | null = null;
  for (const days of input.reminderDays) {
    const at = reminderDueAt(meeting, area, days);
    if (at.getTime() <= now.getTime() && (!latest || at.getTime() > latest.at.getTime()))
      latest = { days, at };
  }
  if (!latest || latest.at.getTime() < input.publishedAt.getTime()) return null;
  return latest.days;
}

/** The outbox key of one rep's reminder: the meeting's date in it, so a moved meeting is new. */
export const reminderKey = (
  meeting: Pick<MeetingRecord, 'id' | 'date'>,
  days: number,
  agencyId: string,
  personId: string,
) => `research-reminder:${meeting.id}:${meeting.date}:${days}:${agencyId}:${personId}`;

/**
 * Reminds the prompted reps of every agency with research missing, and tells the coordinators
 * what is missing, once per meeting and reminder time: run at start and on a timer; the outbox's
 * idempotency keys (kept in the database) make a second run, a restart, or a second app
 * instance a no-op. Returns how many jobs it offered to the outbox (repeats included).
 */
export async function raiseResearchReminders(deps: {
  uow: UnitOfWork;
  clock: Clock;
}): Promise<number> {
  const areas = await deps.uow.run((repos) => repos.areas.list());
  let offered = 0;
  // One transaction per area: an area whose data fails to read does not hold the others back.
  for (const area of areas) {
    offered += await deps.uow.run((repos) => raiseForArea(repos, area, deps.clock.now()));
  }
  return offered;
}

async function raiseForArea(repos: Repos, area: AreaRecord, now: Date): Promise<number> {
  const today = londonToday(now);
  const published = await repos.agendas.firstPublished(area.id);
  if (published.size === 0) return 0;
  const { reminderDays } = await repos.research.settings(area.id);
  const meetings = await repos.meetings.listForArea(area.id, {
    from: today,
    to: addDays(today, LOOK_AHEAD_DAYS),
  });
  let offered = 0;
  for (const meeting of meetings) {
    const publishedAt = published.get(meeting.id);
    if (meeting.status === 'cancelled' || !publishedAt) continue;
    const days = dueReminder({ meeting, area, reminderDays, publishedAt, now });
    if (days === null) continue;
    offered += await raiseForMeeting(repos, meeting, days);
  }
  return offered;
}

async function raiseForMeeting(repos: Repos, meeting: MeetingRecord, days: number) {
  const missing = new Set(
    (await outstandingResearch(repos, meeting)).agencies
      .filter((a) => a.outstanding > 0)
      .map((a) => a.agencyId),
  );
  if (missing.size === 0) return 0;
  let offered = 0;
  for (const rep of await promptRecipients(repos, meeting)) {
    if (!missing.has(rep.agencyId)) continue;
    await repos.outbox.enqueue(
      {
        kind: 'notify.research-reminder',
        meetingId: meeting.id,
        agencyId: rep.agencyId,
        personId: rep.personId,
        days,
      },
      reminderKey(meeting, days, rep.agencyId, rep.personId),
    );
    offered += 1;
  }
  await repos.outbox.enqueue(
    { kind: 'notify.research-missing', meetingId: meeting.id, days },
    `research-missing:${meeting.id}:${meeting.date}:${days}`,
  );
  return offered + 1;
}
