import { WorkingCalendar } from '#core/calendar/working-days.js';
import { toLondonIso } from '#core/calendar/london-time.js';
import { patternDates } from '#core/meetings/pattern.js';
import { defaultProtocol, type Cadence, type MeetingProtocol } from '#core/meetings/protocol.js';
import { MAX_PLANNED_MEETINGS, meetingDeadlines, planMeetings } from '#core/meetings/schedule.js';

const england = new WorkingCalendar({ region: 'england-and-wales' });
const protocolWith = (
  cadence: Cadence,
  overrides: Partial<MeetingProtocol> = {},
): MeetingProtocol => ({
  ...defaultProtocol,
  cadence,
  ...overrides,
});
const mondays = protocolWith({ kind: 'fortnightly', weekday: 'monday' });
const take = (cadence: Cadence, start: string, n: number): string[] => {
  const out: string[] = [];
  for (const date of patternDates(cadence, start)) {
    if (out.length === n) break;
    out.push(date);
  }
  return out;
};
const summary = (protocol: MeetingProtocol, start: string, count: number, cal = england) =>
  planMeetings({ protocol, start, count, cal }).meetings.map((m) => [m.date, m.movedFrom]);

describe('patternDates', () => {
  it.each([
    [
      { kind: 'fortnightly', weekday: 'monday' },
      '2026-03-23',
      ['2026-03-23', '2026-04-06', '2026-04-20'],
    ],
    [
      { kind: 'fortnightly', weekday: 'monday' },
      '2026-03-24',
      ['2026-03-30', '2026-04-13', '2026-04-27'],
    ],
    [
      { kind: 'fortnightly', weekday: 'friday' },
      '2026-12-20',
      ['2026-12-25', '2027-01-08', '2027-01-22'],
    ],
    [
      { kind: 'monthly', weekday: 'tuesday', nth: 2 },
      '2026-01-01',
      ['2026-01-13', '2026-02-10', '2026-03-10', '2026-04-14', '2026-05-12', '2026-06-09'],
    ],
    [{ kind: 'monthly', weekday: 'tuesday', nth: 2 }, '2026-01-14', ['2026-02-10', '2026-03-10']],
    [{ kind: 'monthly', weekday: 'tuesday', nth: 2 }, '2026-01-13', ['2026-01-13', '2026-02-10']],
    [
      { kind: 'monthly', weekday: 'thursday', nth: 4 },
      '2026-01-01',
      ['2026-01-22', '2026-02-26', '2026-03-26'],
    ],
    [
      { kind: 'monthly', weekday: 'friday', nth: 'last' },
      '2027-01-01',
      ['2027-01-29', '2027-02-26', '2027-03-26', '2027-04-30'],
    ],
    [{ kind: 'monthly-day', dayOfMonth: 28 }, '2026-11-29', ['2026-12-28', '2027-01-28']],
    [{ kind: 'monthly-day', dayOfMonth: 1 }, '2026-11-01', ['2026-11-01', '2026-12-01']],
  ] as [Cadence, string, string[]][])('%j from %s', (cadence, start, expected) => {
    expect(take(cadence, start, expected.length)).toEqual(expected);
  });
});

describe('planMeetings: moving off bank holidays', () => {
  it('fortnightly Mondays across Easter Monday and early May move to the Tuesday', () => {
    expect(summary(mondays, '2026-03-23', 5)).toEqual([
      ['2026-03-23', null],
      ['2026-04-07', '2026-04-06'],
      ['2026-04-20', null],
      ['2026-05-05', '2026-05-04'],
      ['2026-05-18', null],
    ]);
  });

  it('fortnightly Mondays across the late May and August bank holidays', () => {
    const meetings = summary(mondays, '2026-05-11', 9);
    expect(meetings[1]).toEqual(['2026-05-26', '2026-05-25']);
    expect(meetings[8]).toEqual(['2026-09-01', '2026-08-31']);
    expect(meetings.filter(([, moved]) => moved !== null)).toHaveLength(2);
  });

  it('the skip rule leaves bank holidays out and lists them', () => {
    const plan = planMeetings({
      protocol: { ...mondays, bankHolidayRule: 'skip' },
      start: '2026-03-23',
      count: 4,
      cal: england,
    });
    expect(plan.meetings.map((m) => m.date)).toEqual([
      '2026-03-23',
      '2026-04-20',
      '2026-05-18',
      '2026-06-01',
    ]);
    expect(plan.meetings.every((m) => m.movedFrom === null)).toBe(true);
    expect(plan.skipped).toEqual(['2026-04-06', '2026-05-04']);
  });

  it.each([
    ['england-and-wales', '2027-03-30', '2027-03-30T10:00:00+01:00'],
    ['scotland', '2027-03-29', '2027-03-29T10:00:00+01:00'],
  ] as const)(
    'last Friday on Good Friday 2027 (%s) moves to %s, in BST',
    (region, date, startsAt) => {
      const cal = new WorkingCalendar({ region });
      const plan = planMeetings({
        protocol: protocolWith({ kind: 'monthly', weekday: 'friday', nth: 'last' }),
        start: '2027-02-01',
        count: 3,
        cal,
      });
      expect(plan.meetings.map((m) => [m.date, m.movedFrom, toLondonIso(m.startsAt)])).toEqual([
        ['2027-02-26', null, '2027-02-26T10:00:00+00:00'],
        [date, '2027-03-26', startsAt],
        ['2027-04-30', null, '2027-04-30T10:00:00+01:00'],
      ]);
    },
  );

  it.each([
    [28, '2026-12-01', ['2026-12-29', '2026-12-28']],
    [25, '2026-12-01', ['2026-12-29', '2026-12-25']],
    [27, '2027-12-01', ['2027-12-29', '2027-12-27']],
    [1, '2026-11-01', ['2026-11-02', '2026-11-01']],
  ])(
    'day %i of the month from %s moves off the Christmas substitutes and weekends',
    (dayOfMonth, start, first) => {
      expect(summary(protocolWith({ kind: 'monthly-day', dayOfMonth }), start, 1)[0]).toEqual(
        first,
      );
    },
  );

  it('moves off a partnership closure day', () => {
    const cal = new WorkingCalendar({
      region: 'england-and-wales',
      closures: ['2026-03-23', '2026-03-24'],
    });
    expect(summary(mondays, '2026-03-23', 1, cal)).toEqual([['2026-03-25', '2026-03-23']]);
  });

  it('gives start and end instants and the deadlines of the meeting date', () => {
    const [meeting] = planMeetings({
      protocol: mondays,
      start: '2026-04-06',
      count: 1,
      cal: england,
    }).meetings;
    expect(toLondonIso(meeting!.startsAt)).toBe('2026-04-07T10:00:00+01:00');
    expect(toLondonIso(meeting!.endsAt)).toBe('2026-04-07T13:00:00+01:00');
    expect(meeting!.patternDate).toBe('2026-04-06');
    expect(meeting!.deadlines).toEqual(meetingDeadlines('2026-04-07', mondays, england));
  });
});

describe('planMeetings: how many', () => {
  it('stops at the first pattern date after until, keeping a moved meeting whose pattern date is in range', () => {
    const plan = planMeetings({
      protocol: mondays,
      start: '2026-03-23',
      until: '2026-05-04',
      cal: england,
    });
    expect(plan.meetings.map((m) => m.date)).toEqual([
      '2026-03-23',
      '2026-04-07',
      '2026-04-20',
      '2026-05-05',
    ]);
  });

  it('stops at whichever of count and until comes first', () => {
    expect(
      planMeetings({
        protocol: mondays,
        start: '2026-03-23',
        until: '2026-12-31',
        count: 2,
        cal: england,
      }).meetings,
    ).toHaveLength(2);
  });

  it('needs count or until', () => {
    expect(() => planMeetings({ protocol: mondays, start: '2026-03-23', cal: england })).toThrow(
      RangeError,
    );
  });

  it.each([{ count: 10_000 }, { until: '2099-12-31' }])(
    'never plans more than the cap (%j)',
    (limit) => {
      expect(
        planMeetings({ protocol: mondays, start: '2026-03-23', cal: england, ...limit }).meetings,
      ).toHaveLength(MAX_PLANNED_MEETINGS);
    },
  );
});

describe('meetingDeadlines', () => {
  const tuesdays = protocolWith({ kind: 'monthly', weekday: 'tuesday', nth: 2 });
  it.each([
    ['2026-05-12', '2026-05-01', '2026-05-05', 'referral day is early May Monday: back to Friday'],
    [
      '2026-04-14',
      '2026-04-02',
      '2026-04-07',
      'referral day is Easter Monday: back past Good Friday',
    ],
    ['2026-03-10', '2026-03-02', '2026-03-03', 'no bank holiday'],
    ['2026-03-09', '2026-02-27', '2026-03-02', 'Monday meeting: referral day is a Sunday'],
  ])('meeting %s: referrals by %s, agenda out %s (%s)', (date, referral, agenda) => {
    const deadlines = meetingDeadlines(date, tuesdays, england);
    expect(deadlines.referralDeadline).toBe(referral);
    expect(deadlines.agendaCirculation).toBe(agenda);
  });

  it.each([
    ['2026-12-15', 10, '2026-12-31'],
    ['2026-12-22', 10, '2027-01-08'],
    ['2026-12-22', 3, '2026-12-29'],
    ['2026-03-31', 3, '2026-04-07'],
  ])('minutes for %s due %i working days later: %s', (date, minutesWorkingDays, expected) => {
    expect(meetingDeadlines(date, { ...tuesdays, minutesWorkingDays }, england).minutesDue).toBe(
      expected,
    );
  });

  it.each([
    ['2026-10-23', 'actionPlanDue', '2026-10-24T13:00:00+01:00'],
    ['2026-10-23', 'actionTasksDue', '2026-10-26T12:00:00+00:00'],
    ['2026-03-27', 'actionPlanDue', '2026-03-28T13:00:00+00:00'],
    ['2026-03-27', 'actionTasksDue', '2026-03-30T14:00:00+01:00'],
  ] as const)('meeting %s 10:00-13:00: %s is elapsed hours, %s', (date, key, expected) => {
    expect(toLondonIso(meetingDeadlines(date, tuesdays, england)[key])).toBe(expected);
  });
});
