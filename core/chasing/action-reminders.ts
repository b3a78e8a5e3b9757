import { londonDateOf, londonInstant } from '../calendar/london-time.js';
import type { ActionChasingSettings } from '../ports/chasing.js';
import type { AreaRecord } from '../ports/store.js';
import { workingCalendarFor } from '../scheduling/area-calendar.js';
import { addDays } from '../shared/local-date.js';

/**
 * Action reminders go out at 09:00 London time, as research reminders do: the start of a rep's
 * working day, when they are at their agency's records, not on a phone's lock screen at night.
 */
export const ACTION_REMINDER_TIME = '09:00';

/** A reminder's name: its place in the action's chase, part of its key. */
export type ActionReminder = 'before' | 'due-day' | `overdue-${number}`;

type AreaDays = Pick<AreaRecord, 'protocol' | 'closures'>;
/** `updatedAt`: a new due time set by the owner counts from when it was set. */
type Chased = { dueAt: Date; createdAt: Date; updatedAt?: Date };

/** When the due time was last set, as far as the plain columns tell: the action's last write. */
const setAt = (action: Chased): number =>
  Math.max(action.createdAt.getTime(), action.updatedAt?.getTime() ?? 0);

const HOUR = 3_600_000;

/**
 * The reminders of one action before it is due, each with its time:
 * - `before`: 09:00 London on the working day `daysBefore` working days before the due day
 *   (bank holidays of the area's region and its closure days skipped, GMT or BST as the date is);
 * - `due-day`: 09:00 London on the due day itself, for an action agreed at short notice (due
 *   within `shortNoticeHours` of being agreed: a children's services task due in 72 hours has
 *   no room for a reminder two working days ahead), if 09:00 comes before the due time.
 * A time before the action was agreed (or its due time last changed) is left out: the agency
 * has only just been told.
 */
export function remindersBefore(
  action: Chased,
  area: AreaDays,
  settings: ActionChasingSettings,
): { reminder: ActionReminder; at: Date }[] {
  const dueDay = londonDateOf(action.dueAt);
  const cal = workingCalendarFor(area);
  const times: { reminder: ActionReminder; at: Date }[] = [];
  const ahead = londonInstant(
    cal.addWorkingDays(dueDay, -settings.daysBefore),
    ACTION_REMINDER_TIME,
  );
  times.push({ reminder: 'before', at: ahead });
  const shortNotice = action.dueAt.getTime() - setAt(action) <= settings.shortNoticeHours * HOUR;
  const morning = londonInstant(dueDay, ACTION_REMINDER_TIME);
  if (shortNotice && morning.getTime() < action.dueAt.getTime())
    times.push({ reminder: 'due-day', at: morning });
  return times.filter(
    (t) => t.at.getTime() >= setAt(action) && t.at.getTime() < action.dueAt.getTime(),
  );
}

/**
 * The `n`th overdue reminder (from 1): 09:00 London on the first working day after the due day,
 * then every `overdueEveryDays` days after that one (moved on to the next working day when it
 * falls on a weekend, a bank holiday or a closure day), until the action is done or ended.
 */
export function overdueReminderAt(
  action: Pick<Chased, 'dueAt'>,
  area: AreaDays,
  settings: ActionChasingSettings,
  n: number,
): Date {
  const cal = workingCalendarFor(area);
  const first = cal.addWorkingDays(londonDateOf(action.dueAt), 1);
  const day = n === 1 ? first : cal.onOrAfter(addDays(first, (n - 1) * settings.overdueEveryDays));
  return londonInstant(day, ACTION_REMINDER_TIME);
}

/**
 * The reminder to raise for an incomplete action at `now`, or null. Of the reminders whose time
 * has come only the latest counts: an app that was down through one sends one reminder when it
 * comes back, not two at once, and the earlier one is never sent afterwards.
 */
export function dueActionReminder(input: {
  action: Chased;
  area: AreaDays;
  settings: ActionChasingSettings;
  now: Date;
}): ActionReminder | null {
  const { action, area, settings, now } = input;
  if (now.getTime() >= action.dueAt.getTime()) {
    let latest: ActionReminder | null = null;
    for (let n = 1; overdueReminderAt(action, area, settings, n).getTime() <= now.getTime(); n++)
      latest = `overdue-${n}`;
    return latest;
  }
  const come = remindersBefore(action, area, settings).filter(
    (t) => t.at.getTime() <= now.getTime(),
  );
  return come.length === 0 ? null : come[come.length - 1]!.reminder;
}

/** The outbox key of one rep's reminder: the due time in it, so a new due date is a new chase. */
export const actionReminderKey = (
  action: { id: string; dueAt: Date },
  reminder: ActionReminder,
  personId: string,
) => `action-reminder:${action.id}:${action.dueAt.toISOString()}:${reminder}:${personId}`;
