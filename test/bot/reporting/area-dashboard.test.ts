import type { AreaDashboard } from '#core/contracts/dashboard-api.js';
import type { MeetingRecord } from '#core/ports/store.js';
import { daysToMeeting, researchOnTime } from '#core/reporting/area-dashboard.js';
import { defaultProtocol } from '#core/meetings/protocol.js';
import {
  errorOf,
  heardWithOverdueAction,
  json,
  meetingUnderWay,
  put,
  type MeetingFixture,
} from '../meeting-run/record-fixture.js';

/*
 * The area dashboard (issue #13): the pure parts with figures worked by hand (research on time
 * across the change to British Summer Time, days to meeting), then the route over a meeting of
 * the fixture with what each figure must be.
 */

describe('research on time, by agency', () => {
  // Tuesday 6 April 2027, after the clocks went forward on 28 March: the research is due by 17:00
  // on Monday 5 April, London time, which is 16:00 UTC. Tuesday 30 March 2027 follows Easter
  // (Good Friday 26 March and Easter Monday 29 March are bank holidays): due by 17:00 GMT on
  // Thursday 25 March.
  const meetings = [
    { id: 'april', date: '2027-04-06' },
    { id: 'easter', date: '2027-03-30' },
  ] as MeetingRecord[];
  const area = {
    protocol: { ...defaultProtocol, region: 'england-and-wales' as const },
    closures: [],
  };
  const cell = (meetingId: string, agencyId: string, submittedAt: string | null) => ({
    meetingId,
    meetingDate: meetings.find((m) => m.id === meetingId)!.date,
    agencyId,
    agencyName: agencyId === 'a' ? 'Police' : 'Housing',
    submittedAt: submittedAt === null ? null : new Date(submittedAt),
  });

  it('counts by the deadline in London time, across summer time and bank holidays', () => {
    const rows = researchOnTime(
      [
        cell('april', 'a', '2027-04-05T15:59:00Z'), // 16:59 BST: on time
        cell('april', 'a', '2027-04-05T16:01:00Z'), // 17:01 BST: late
        cell('april', 'a', null), // never, and the deadline has passed
        cell('easter', 'b', '2027-03-25T16:59:00Z'), // 16:59 GMT, before Easter: on time
        cell('easter', 'b', '2027-03-29T09:00:00Z'), // Easter Monday: late
      ],
      meetings,
      area as never,
      new Date('2027-04-07T09:00:00Z'),
    );
    expect(rows).toEqual([
      {
        agencyId: 'b',
        agencyName: 'Housing',
        asked: 2,
        onTime: 1,
        late: 1,
        notGiven: 0,
        onTimeShare: 0.5,
      },
      {
        agencyId: 'a',
        agencyName: 'Police',
        asked: 3,
        onTime: 1,
        late: 1,
        notGiven: 1,
        onTimeShare: 0.333,
      },
    ]);
  });

  it('does not count research whose deadline is still ahead', () => {
    const rows = researchOnTime(
      [cell('april', 'a', null), cell('easter', 'b', null)],
      meetings,
      area as never,
      new Date('2027-04-05T15:00:00Z'),
    );
    expect(rows).toEqual([
      {
        agencyId: 'b',
        agencyName: 'Housing',
        asked: 1,
        onTime: 0,
        late: 0,
        notGiven: 1,
        onTimeShare: 0,
      },
    ]);
  });
});

describe('days from referral to meeting', () => {
  const heard = (referredOn: string, meetingDate: string) => ({
    referredOn,
    meetingDate,
    isRepeat: false,
  });

  it('gives the median, the longest and the weekly bands', () => {
    expect(
      daysToMeeting([
        heard('2027-03-01', '2027-03-09'), // 8
        heard('2027-03-20', '2027-03-30'), // 10, across the change to summer time
        heard('2027-02-01', '2027-03-09'), // 36
        heard('2027-03-08', '2027-03-09'), // 1
      ]),
    ).toEqual({
      median: 9,
      longest: 36,
      bands: [
        { label: '0 to 7 days', count: 1 },
        { label: '8 to 14 days', count: 2 },
        { label: '15 to 21 days', count: 0 },
        { label: '22 to 28 days', count: 0 },
        { label: 'more than 28 days', count: 1 },
      ],
    });
    expect(daysToMeeting([])).toEqual({
      median: null,
      longest: null,
      bands: expect.arrayContaining([{ label: '0 to 7 days', count: 0 }]),
    });
  });
});

describe('GET /api/areas/{areaId}/dashboard', () => {
  let f: MeetingFixture;
  beforeAll(async () => {
    f = await meetingUnderWay();
  }, 120_000);
  afterAll(() => f?.app.stop());

  const dashboard = (months?: number) =>
    json<AreaDashboard>(
      f.as.coordinator(`/api/areas/${f.areaId}/dashboard${months ? `?months=${months}` : ''}`),
    );

  it('reads every figure from the record, and measures the volume once the population is set', async () => {
    await heardWithOverdueAction(f);

    const before = await dashboard();
    expect(before.volume).toEqual({
      casesHeard: 2,
      casesAYear: 2,
      adultWomen: null,
      per10kWomen: null,
      expectedPer10k: 40,
    });
    expect(before.repeats).toEqual({
      repeats: 1,
      casesHeard: 2,
      rate: 0.5,
      expectedLow: 0.28,
      expectedHigh: 0.4,
    });
    expect(before.actions.find((a) => a.agencyId === f.police)).toMatchObject({
      incomplete: 1,
      overdue: 1,
    });
    expect(before.meetings.find((m) => m.meetingId === f.meetingId)).toMatchObject({
      cases: 2,
      capacity: expect.any(Number),
    });
    expect(before.referrals.total).toBe(
      before.referrals.byAgency.reduce((sum, a) => sum + a.count, 0),
    );
    expect(before.referrals.police + before.referrals.partners).toBe(before.referrals.total);
    expect(JSON.stringify(before)).not.toMatch(/NBW-\d|Visit the address|Further assault/);

    await json(f.as.coordinator(`/api/areas/${f.areaId}/population`, put({ adultWomen: 84_500 })));
    const after = await dashboard(6);
    // Two cases in six months is four a year: 4 / 8.45 = 0.47 a year per 10,000 women.
    expect(after.volume).toMatchObject({
      casesHeard: 2,
      casesAYear: 4,
      adultWomen: 84_500,
      per10kWomen: 0.5,
    });
    expect(after.months).toBe(6);
    const audited = await f.app.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'dashboard.read' AND record_id = $1`,
      [f.areaId],
    );
    expect(audited.rows[0]).toEqual({ n: 2 });
  });

  it('refuses a population or a period it cannot use, in words', async () => {
    const small = await errorOf(
      f.as.coordinator(`/api/areas/${f.areaId}/population`, put({ adultWomen: 12 })),
    );
    expect(small).toMatchObject({ status: 400, fields: ['body.adultWomen'] });
    expect(small.message).toMatch(/^Women aged 16 or over in the area: /);
    const months = await errorOf(f.as.coordinator(`/api/areas/${f.areaId}/dashboard?months=40`));
    expect(months).toMatchObject({ status: 400, fields: ['query.months'] });
    expect(months.message).toMatch(/^Months: /);
  });
});
