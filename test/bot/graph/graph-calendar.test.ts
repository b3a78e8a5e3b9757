import { GraphCalendar } from '../../../bot/src/graph/graph-calendar.js';
import { GraphClient } from '../../../bot/src/graph/graph-client.js';
import { FakeGraph } from '../../support/fake-graph.js';
import {
  eventsPath,
  genericHtmlBody,
  graphAttendees,
  london,
  occurrence,
  seriesSpec,
} from './series-fixtures.js';

let fake: FakeGraph;
let calendar: GraphCalendar;

beforeEach(async () => {
  fake = await FakeGraph.start();
  const client = new GraphClient({
    tokens: { getToken: async () => fake.accessToken },
    baseUrl: fake.graphUrl,
  });
  calendar = new GraphCalendar(client);
});

afterEach(async () => {
  await fake.stop();
});

describe('GraphCalendar.createSeries', () => {
  it('posts a private fortnightly Teams series with a generic body and the series id as transactionId', async () => {
    const created = await calendar.createSeries(seriesSpec());

    expect(created).toEqual({
      calendarRef: 'evt-1',
      joinUrl: 'https://teams.microsoft.com/l/meetup-join/fake-meeting-1',
    });
    expect(fake.graphRequests).toHaveLength(1);
    const [request] = fake.graphRequests;
    expect(request).toMatchObject({ method: 'POST', rawPath: eventsPath, query: {} });
    expect(request!.headers.authorization).toBe('Bearer fake-access-token');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.body).toEqual({
      subject: 'MARAC - Northshire',
      body: genericHtmlBody,
      start: london('2026-03-16T10:00:00'),
      end: london('2026-03-16T13:00:00'),
      recurrence: {
        pattern: { type: 'weekly', interval: 2, daysOfWeek: ['monday'], firstDayOfWeek: 'monday' },
        range: {
          type: 'endDate',
          startDate: '2026-03-16',
          endDate: '2026-07-27',
          recurrenceTimeZone: 'GMT Standard Time',
        },
      },
      attendees: graphAttendees,
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      sensitivity: 'private',
      allowNewTimeProposals: false,
      isReminderOn: true,
      reminderMinutesBeforeStart: 15,
      responseRequested: true,
      transactionId: 'series-7f3a',
    });
  });

  it.each([
    [
      { kind: 'monthly', weekday: 'tuesday', nth: 2 },
      '2026-04-14',
      { type: 'relativeMonthly', interval: 1, daysOfWeek: ['tuesday'], index: 'second' },
    ],
    [
      { kind: 'monthly', weekday: 'friday', nth: 'last' },
      '2026-04-24',
      { type: 'relativeMonthly', interval: 1, daysOfWeek: ['friday'], index: 'last' },
    ],
    [
      { kind: 'monthly-day', dayOfMonth: 15 },
      '2026-04-15',
      { type: 'absoluteMonthly', interval: 1, dayOfMonth: 15 },
    ],
  ] as const)('maps %j to a Graph pattern', async (cadence, firstDate, pattern) => {
    await calendar.createSeries(
      seriesSpec({
        cadence,
        firstDate,
        until: '2027-03-31',
        startTime: '09:30',
        durationMinutes: 150,
      }),
    );

    const body = fake.graphRequests[0]!.body as Record<string, unknown>;
    expect(body.start).toEqual(london(`${firstDate}T09:30:00`));
    expect(body.end).toEqual(london(`${firstDate}T12:00:00`));
    expect(body.recurrence).toEqual({
      pattern,
      range: {
        type: 'endDate',
        startDate: firstDate,
        endDate: '2027-03-31',
        recurrenceTimeZone: 'GMT Standard Time',
      },
    });
  });

  it('applies the exceptions a re-created series already has', async () => {
    fake.setInstances('evt-1', [
      occurrence('occ-a', '2026-03-30T09:00:00'),
      occurrence('occ-b', '2026-04-13T09:00:00'),
    ]);
    await calendar.createSeries(
      seriesSpec({
        exceptions: [
          { kind: 'moved', originalDate: '2026-03-30', newDate: '2026-03-31', startTime: '13:00' },
          { kind: 'cancelled', originalDate: '2026-04-13' },
        ],
      }),
    );

    expect(fake.graphRequests.map((r) => `${r.method} ${r.rawPath}`)).toEqual([
      `POST ${eventsPath}`,
      `GET ${eventsPath}/evt-1/instances`,
      `PATCH ${eventsPath}/occ-a`,
      `GET ${eventsPath}/evt-1/instances`,
      `POST ${eventsPath}/occ-b/cancel`,
    ]);
    expect(fake.graphRequests[4]!.body).toEqual({
      comment: 'This MARAC meeting has been cancelled.',
    });
  });
});

describe('GraphCalendar.updateSeries', () => {
  it('patches the series master with the new attendees, subject and the generic private body', async () => {
    const attendees = [{ name: "Jo O'Example", email: 'jo.oexample@health.example.org' }];

    await calendar.updateSeries('evt-series', seriesSpec({ attendees, sequence: 3 }));

    expect(fake.graphRequests).toHaveLength(1);
    expect(fake.graphRequests[0]).toMatchObject({
      method: 'PATCH',
      rawPath: `${eventsPath}/evt-series`,
    });
    expect(fake.graphRequests[0]!.body).toEqual({
      subject: 'MARAC - Northshire',
      body: genericHtmlBody,
      sensitivity: 'private',
      attendees: [
        {
          emailAddress: { address: 'jo.oexample@health.example.org', name: "Jo O'Example" },
          type: 'required',
        },
      ],
    });
  });
});

describe('GraphCalendar.createSingle', () => {
  it('posts one private Teams meeting with no recurrence, the meeting id as transactionId', async () => {
    const spec = seriesSpec();
    const created = await calendar.createSingle({
      meetingId: 'meeting-extra-1',
      mailbox: spec.mailbox,
      subject: spec.subject,
      date: '2026-12-17',
      startTime: '14:00',
      durationMinutes: 120,
      attendees: spec.attendees,
      sequence: 0,
    });
    expect(created.calendarRef).toBe('evt-1');
    const [request] = fake.graphRequests;
    expect(request).toMatchObject({ method: 'POST', rawPath: eventsPath });
    expect(request!.body).toEqual({
      subject: spec.subject,
      body: genericHtmlBody,
      start: london('2026-12-17T14:00:00'),
      end: london('2026-12-17T16:00:00'),
      attendees: graphAttendees,
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      sensitivity: 'private',
      allowNewTimeProposals: false,
      isReminderOn: true,
      reminderMinutesBeforeStart: expect.any(Number),
      responseRequested: true,
      transactionId: 'meeting-extra-1',
    });
  });
});
