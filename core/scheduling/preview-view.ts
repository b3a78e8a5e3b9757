import { toLondonIso } from '../calendar/london-time.js';
import type { PreviewMeeting } from '../contracts/api.js';
import type { PlannedMeeting } from '../meetings/schedule.js';

/** A planned meeting as `schedule-preview --json` and the API's preview show it (key order fixed). */
export function previewView(m: PlannedMeeting): PreviewMeeting {
  return {
    date: m.date,
    startsAt: toLondonIso(m.startsAt),
    referralDeadline: m.deadlines.referralDeadline,
    agendaCirculation: m.deadlines.agendaCirculation,
    actionPlanDue: toLondonIso(m.deadlines.actionPlanDue),
    minutesDue: m.deadlines.minutesDue,
    movedFrom: m.movedFrom,
  };
}
