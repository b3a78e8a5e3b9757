import { toLondonIso } from '../calendar/london-time.js';
import { meetingDeadlines } from '../meetings/schedule.js';
import type { Meeting } from '../contracts/api.js';
import type { AreaRecord, MeetingRecord } from '../ports/store.js';
import { workingCalendarFor } from './area-calendar.js';

/**
 * A meeting as the API shows it, with its deadlines worked out from the area's protocol today,
 * and its number of accepted cases when the caller counted them.
 */
export function meetingView(meeting: MeetingRecord, area: AreaRecord, cases?: number): Meeting {
  const deadlines = meetingDeadlines(meeting.date, area.protocol, workingCalendarFor(area));
  return {
    id: meeting.id,
    areaId: meeting.areaId,
    date: meeting.date,
    startsAt: toLondonIso(meeting.startsAt),
    endsAt: toLondonIso(meeting.endsAt),
    status: meeting.status,
    movedFrom: meeting.movedFrom,
    deadlines: {
      referralDeadline: deadlines.referralDeadline,
      agendaCirculation: deadlines.agendaCirculation,
      actionPlanDue: toLondonIso(deadlines.actionPlanDue),
      minutesDue: deadlines.minutesDue,
      actionTasksDue: toLondonIso(deadlines.actionTasksDue),
    },
    ...(cases === undefined ? {} : { cases }),
  };
}
