import type { AgendaWarning } from '../contracts/agenda-api.js';
import type { Repos } from '../ports/store.js';
import { londonToday } from '../scheduling/area-calendar.js';
import type { Clock, UnitOfWork } from '../ports/store.js';
import { dateInWords } from '../shared/date-words.js';
import { addDays } from '../shared/local-date.js';
import { circulationOf } from './agenda-view.js';

const fullDate = (date: string) => dateInWords(date, 'long');

/**
 * What the coordinator must act on for the area's coming meetings: an agenda whose circulation
 * date is near or passed with nothing published, and an agenda a recipient never received.
 * Each names the meeting by its date, never a case.
 */
export async function agendaWarnings(
  deps: { clock: Clock },
  repos: Repos,
  areaId: string,
): Promise<AgendaWarning[]> {
  const today = londonToday(deps.clock.now());
  const area = (await repos.areas.get(areaId))!;
  const coming = (
    await repos.meetings.listForArea(areaId, { from: today, to: addDays(today, 60) })
  ).filter((m) => m.status !== 'cancelled');
  const published = await repos.agendas.publishedMeetings(areaId);
  const dead = new Set(await repos.agendas.meetingsWithDeadDeliveries(areaId));
  const warnings: AgendaWarning[] = [];
  for (const meeting of coming) {
    const circulation = circulationOf(meeting, area, published.has(meeting.id), today);
    const on = `the MARAC on ${fullDate(meeting.date)}`;
    if (circulation.state === 'near') {
      warnings.push({
        meetingId: meeting.id,
        meetingDate: meeting.date,
        kind: 'circulation-near',
        message: `The agenda for ${on} is due out by ${fullDate(circulation.due)} and has not been published.`,
      });
    } else if (circulation.state === 'passed') {
      warnings.push({
        meetingId: meeting.id,
        meetingDate: meeting.date,
        kind: 'circulation-passed',
        message: `The agenda for ${on} was due out on ${fullDate(circulation.due)} and has not been published.`,
      });
    }
    if (dead.has(meeting.id)) {
      warnings.push({
        meetingId: meeting.id,
        meetingDate: meeting.date,
        kind: 'delivery-dead',
        message: `The agenda for ${on} could not be delivered to every recipient. Open its deliveries to send it again.`,
      });
    }
  }
  return warnings;
}

/**
 * Tells the coordinators in Teams, once each, of an agenda due out soon or overdue with nothing
 * published: run on a timer; the outbox key makes a second run for the same meeting a no-op.
 */
export async function raiseAgendaWarnings(deps: {
  uow: UnitOfWork;
  clock: Clock;
}): Promise<number> {
  return deps.uow.run(async (repos) => {
    let raised = 0;
    for (const area of await repos.areas.list()) {
      for (const warning of await agendaWarnings(deps, repos, area.id)) {
        if (warning.kind === 'delivery-dead') continue; // told when it happens
        await repos.outbox.enqueue(
          {
            kind: 'notify.agenda-warning',
            areaId: area.id,
            meetingId: warning.meetingId,
            text: `${warning.message} Open the meeting\u2019s agenda in the MARAC app to publish it.`,
          },
          `agenda-warning:${warning.meetingId}:${warning.kind}`,
        );
        raised += 1;
      }
    }
    return raised;
  });
}
