import { BENCHMARKS, type AreaDashboard, type AreaPopulation } from '../contracts/dashboard-api.js';
import type { HeardCase, ResearchCell } from '../ports/dashboard.js';
import type { AreaRecord, Clock, MeetingRecord, UnitOfWork } from '../ports/store.js';
import { researchDeadline } from '../research/research-deadline.js';
import { londonToday } from '../scheduling/area-calendar.js';
import { DomainError } from '../shared/errors.js';
import { addDays, parseLocalDate, type LocalDate } from '../shared/local-date.js';
import { addMonths } from '../shared/local-date-months.js';

export interface DashboardDeps {
  uow: UnitOfWork;
  clock: Clock;
}

/** The bands of days from referral to meeting, as the board reads them: weeks, then longer. */
const DAY_BANDS = [
  { label: '0 to 7 days', upTo: 7 },
  { label: '8 to 14 days', upTo: 14 },
  { label: '15 to 21 days', upTo: 21 },
  { label: '22 to 28 days', upTo: 28 },
  { label: 'more than 28 days', upTo: Infinity },
];

/**
 * The area's dashboard over the `months` before today (London): volume against the expected 40
 * a year per 10,000 adult women, the repeat rate against 28 to 40%, referrals by agency and the
 * partner agencies' share, each meeting's cases against capacity, research on time by agency,
 * incomplete and overdue actions by agency, and the days from referral to meeting. Aggregates of
 * plain columns; the read is audited all the same.
 */
export async function readAreaDashboard(
  deps: DashboardDeps,
  input: { areaId: string; months: number },
): Promise<AreaDashboard> {
  const now = deps.clock.now();
  const to = londonToday(now);
  const from = addDays(addMonths(to, -input.months), 1);
  return deps.uow.run(async (repos) => {
    const area = await areaOrNotFound(await repos.areas.get(input.areaId));
    const heard = await repos.dashboard.heardCases(area.id, from, to);
    const adultWomen = await repos.dashboard.adultWomen(area.id);
    const byAgency = await repos.dashboard.referralsByAgency(area.id, from, to);
    const meetings = (await repos.meetings.listForArea(area.id, { from, to })).filter(
      (m) => m.status !== 'cancelled',
    );
    const counts = await repos.meetings.caseCounts(area.id);
    const cells = await repos.dashboard.researchCells(area.id, from, to);
    const actions = await repos.dashboard.incompleteActions(area.id, now);
    await repos.audit.record('dashboard.read', 'area', area.id);

    const casesAYear = round1((heard.length * 12) / input.months);
    const repeats = heard.filter((c) => c.isRepeat).length;
    const total = byAgency.reduce((sum, a) => sum + a.count, 0);
    const police = byAgency
      .filter((a) => a.agencyKind === 'police')
      .reduce((s, a) => s + a.count, 0);
    return {
      areaId: area.id,
      areaName: area.name,
      from,
      to,
      months: input.months,
      volume: {
        casesHeard: heard.length,
        casesAYear,
        adultWomen,
        per10kWomen: adultWomen ? round1(casesAYear / (adultWomen / 10_000)) : null,
        expectedPer10k: BENCHMARKS.casesPer10kWomen,
      },
      repeats: {
        repeats,
        casesHeard: heard.length,
        rate: ratio(repeats, heard.length),
        expectedLow: BENCHMARKS.repeatRate.low,
        expectedHigh: BENCHMARKS.repeatRate.high,
      },
      referrals: {
        total,
        police,
        partners: total - police,
        partnerShare: ratio(total - police, total),
        nationalPartnerShare: BENCHMARKS.partnerShare,
        byAgency: byAgency
          .map(({ agencyId, agencyName, count }) => ({ agencyId, agencyName, count }))
          .sort((a, b) => b.count - a.count || a.agencyName.localeCompare(b.agencyName)),
      },
      meetings: meetings
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((m) => ({
          meetingId: m.id,
          date: m.date,
          cases: counts.get(m.id) ?? 0,
          capacity: area.protocol.caseCapacity,
        })),
      research: researchOnTime(cells, meetings, area, now),
      actions: [...actions].sort(
        (a, b) => b.overdue - a.overdue || a.agencyName.localeCompare(b.agencyName),
      ),
      daysToMeeting: daysToMeeting(heard),
    };
  });
}

/** The area's count of women aged 16 or over, for the coordinator to set; audited. */
export async function setAreaPopulation(
  deps: DashboardDeps,
  input: { areaId: string } & AreaPopulation,
): Promise<AreaPopulation> {
  return deps.uow.run(async (repos) => {
    const area = await areaOrNotFound(await repos.areas.get(input.areaId));
    await repos.dashboard.setAdultWomen(area.id, input.adultWomen);
    await repos.audit.record('area.population-set', 'area', area.id);
    return { adultWomen: input.adultWomen };
  });
}

function areaOrNotFound(area: AreaRecord | null): AreaRecord {
  if (!area) throw new DomainError('AREA_NOT_FOUND', 'There is no such MARAC area.');
  return area;
}

/**
 * Each agency's research for the period's meetings: on time when it came by the research
 * deadline, late after it, not given when the deadline passed without it. Cells whose deadline
 * is still ahead are not counted yet.
 */
export function researchOnTime(
  cells: readonly ResearchCell[],
  meetings: readonly MeetingRecord[],
  area: Pick<AreaRecord, 'protocol' | 'closures'>,
  now: Date,
): AreaDashboard['research'] {
  const deadlines = new Map(meetings.map((m) => [m.id, researchDeadline(m, area)]));
  const byAgency = new Map<string, AreaDashboard['research'][number]>();
  for (const cell of cells) {
    const deadline = deadlines.get(cell.meetingId);
    if (!deadline) continue;
    const at = cell.submittedAt?.getTime();
    const outcome =
      at === undefined
        ? deadline.getTime() < now.getTime()
          ? 'notGiven'
          : null
        : at <= deadline.getTime()
          ? 'onTime'
          : 'late';
    if (!outcome) continue;
    const row = byAgency.get(cell.agencyId) ?? {
      agencyId: cell.agencyId,
      agencyName: cell.agencyName,
      asked: 0,
      onTime: 0,
      late: 0,
      notGiven: 0,
      onTimeShare: null,
    };
    row.asked += 1;
    row[outcome] += 1;
    row.onTimeShare = ratio(row.onTime, row.asked);
    byAgency.set(cell.agencyId, row);
  }
  return [...byAgency.values()].sort((a, b) => a.agencyName.localeCompare(b.agencyName));
}

export function daysToMeeting(heard: readonly HeardCase[]): AreaDashboard['daysToMeeting'] {
  const days = heard.map((c) => daysFrom(c.referredOn, c.meetingDate)).sort((a, b) => a - b);
  const middle = Math.floor(days.length / 2);
  const median =
    days.length === 0
      ? null
      : days.length % 2 === 1
        ? days[middle]!
        : (days[middle - 1]! + days[middle]!) / 2;
  let lower = -1;
  const bands = DAY_BANDS.map(({ label, upTo }) => {
    const count = days.filter((d) => d > lower && d <= upTo).length;
    lower = upTo;
    return { label, count };
  });
  return { median, longest: days.at(-1) ?? null, bands };
}

/** Calendar days from one London date to another. */
function daysFrom(start: LocalDate, end: LocalDate): number {
  const utc = (d: LocalDate) => {
    const { year, month, day } = parseLocalDate(d);
    return Date.UTC(year, month - 1, day);
  };
  return Math.round((utc(end) - utc(start)) / 86_400_000);
}

const ratio = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;

const round1 = (n: number) => Math.round(n * 10) / 10;
