import type { AreaRecord, MeetingRecord, Repos } from '../ports/store.js';
import { addDays, type LocalDate } from '../shared/local-date.js';
import { addMonths } from '../shared/local-date-months.js';
import type { Agenda } from './agenda.js';
import { agendaCaseOf } from './agenda-case.js';
import { buildAgenda } from './build-agenda.js';
import { outstandingActionLines } from './outstanding-actions.js';

/**
 * The agenda a meeting would have if it were published now: its accepted cases as lines of the
 * case summary list, in the coordinator's order within the SafeLives groups, with the actions
 * of earlier meetings still incomplete and the cases that leave the 12-month repeat window
 * since the meeting before.
 */
export async function draftAgenda(
  repos: Repos,
  meeting: MeetingRecord,
  area: AreaRecord,
): Promise<Agenda> {
  const ids = await repos.meetings.caseIds(meeting.id);
  const agencies = new Map((await repos.areas.agencies(area.id)).map((a) => [a.id, a.name]));
  const late = await repos.agendas.lateReasons(meeting.id, area.id);
  const cases = [];
  for (const id of ids) {
    const referral = await repos.referrals.get(id);
    if (!referral || referral.status !== 'accepted') continue;
    cases.push(
      agendaCaseOf(referral, {
        referringAgency: agencies.get(referral.referrerAgencyId) ?? 'Agency not on this area',
        lateReason: late.get(id) ?? null,
      }),
    );
  }
  const onMeeting = new Set(cases.map((c) => c.referralId));
  const order = (await repos.agendas.order(meeting.id)).filter((id) => onMeeting.has(id));
  const heard = new Set(cases.map((c) => c.reference));
  const window = await twelveMonthWindow(repos, meeting);
  const notices = (await repos.agendas.twelveMonthNotices(area.id, window.from, window.to)).filter(
    (n) => !heard.has(n.reference),
  );
  const outstandingActions = await outstandingActionLines(repos, meeting, agencies);
  return buildAgenda({ cases, order, outstandingActions, twelveMonthNotices: notices });
}

/**
 * Cases heard 12 months before this meeting, since the 12-month mark of the meeting before it
 * (or the month before, for the first meeting): each is noticed once, at the first meeting after
 * it leaves the repeat window.
 */
async function twelveMonthWindow(
  repos: Repos,
  meeting: MeetingRecord,
): Promise<{ from: LocalDate; to: LocalDate }> {
  const to = addMonths(meeting.date, -12);
  const earlier = (
    await repos.meetings.listForArea(meeting.areaId, {
      from: addMonths(meeting.date, -3),
      to: addDays(meeting.date, -1),
    })
  )
    .filter((m) => m.status !== 'cancelled' && m.date < meeting.date)
    .sort((a, b) => a.date.localeCompare(b.date));
  const previous = earlier[earlier.length - 1];
  return { from: previous ? addMonths(previous.date, -12) : addMonths(to, -1), to };
}
