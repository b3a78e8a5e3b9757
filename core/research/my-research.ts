import type { MyResearch } from '../contracts/research-api.js';
import type { MeetingRecord, Repos } from '../ports/store.js';
import { londonToday } from '../scheduling/area-calendar.js';
import { addDays } from '../shared/local-date.js';
import { researchDeadline } from './research-deadline.js';
import type { ResearchDeps } from './research-deps.js';

/** How long a meeting whose deadline has passed stays on a rep's list (to read back what was said). */
export const RECENT_RESEARCH_DAYS = 14;

/**
 * The research a person's agencies owe or gave: every meeting with a published agenda that is
 * not cancelled and is today or later, or whose deadline passed in the last 14 days, once for
 * each agency on its list of which the person is the core rep or deputy. Counts only: the
 * cases themselves come from the agency's own form, read and audited there.
 */
export async function myResearch(
  deps: ResearchDeps,
  input: { personId: string; areaIds: readonly string[] },
): Promise<MyResearch> {
  return deps.uow.run(async (repos) => {
    const now = deps.clock.now();
    const today = londonToday(now);
    const items: MyResearch['items'] = [];
    for (const areaId of [...new Set(input.areaIds)]) {
      const area = await repos.areas.get(areaId);
      if (!area) continue;
      const published = await repos.agendas.publishedMeetings(area.id);
      const agencies = new Map((await repos.areas.agencies(area.id)).map((a) => [a.id, a.name]));
      const meetings = await repos.meetings.listForArea(area.id, {
        from: addDays(today, -(RECENT_RESEARCH_DAYS + 31)),
      });
      for (const meeting of meetings) {
        if (meeting.status === 'cancelled' || !published.has(meeting.id)) continue;
        const deadline = researchDeadline(meeting, area);
        const recent = now.getTime() - deadline.getTime() <= RECENT_RESEARCH_DAYS * 86_400_000;
        if (meeting.date < today && !recent) continue;
        for (const agencyId of await agenciesRepped(repos, meeting, input.personId)) {
          const counts = await countsOf(repos, meeting.id, agencyId);
          items.push({
            meetingId: meeting.id,
            meetingDate: meeting.date,
            areaName: area.name,
            agencyId,
            agencyName: agencies.get(agencyId) ?? 'An agency no longer in this area',
            deadline: deadline.toISOString(),
            open: now.getTime() <= deadline.getTime(),
            ...counts,
          });
        }
      }
    }
    return { items: items.sort((a, b) => a.deadline.localeCompare(b.deadline)) };
  });
}

async function agenciesRepped(repos: Repos, meeting: MeetingRecord, personId: string) {
  const reps = await repos.agendas.recipients(meeting.id, meeting.areaId);
  return [...new Set(reps.filter((r) => r.personId === personId).map((r) => r.agencyId))];
}

/** Cases on the meeting, and how many the agency has answered (submitted or nothing known). */
async function countsOf(repos: Repos, meetingId: string, agencyId: string) {
  const cases = new Set(await repos.meetings.caseIds(meetingId));
  const answered = (await repos.research.statuses(meetingId, agencyId)).filter(
    (c) => cases.has(c.referralId) && (c.status === 'submitted' || c.status === 'nothing-known'),
  ).length;
  return { cases: cases.size, answered };
}
