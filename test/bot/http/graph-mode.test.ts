import { loadConfig } from '../../../bot/src/config/config.js';
import { createCalendar } from '../../../bot/src/calendar-factory.js';
import { GraphCalendar } from '../../../bot/src/graph/graph-calendar.js';
import { graphClientFor } from '../../support/graph-against-fake.js';
import { FakeGraph } from '../../support/fake-graph.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';

const TENANT = '7c1e4a52-3f7b-4f0e-9f51-6a2d1c0b9e11';

describe('the app in graph mode', () => {
  let fake: FakeGraph;
  let app: TestApp;

  beforeAll(async () => {
    fake = await FakeGraph.start();
    const calendar = new GraphCalendar(graphClientFor(fake));
    app = await startApp({ calendar, now: () => new Date('2026-12-01T09:00:00Z') });
  });
  afterAll(async () => {
    await app.stop();
    await fake.stop();
  });

  it('chooses Graph when credentials are configured', () => {
    const config = loadConfig({
      GRAPH_TENANT_ID: TENANT,
      GRAPH_CLIENT_ID: 'client',
      GRAPH_CLIENT_SECRET: 's',
    });
    expect(config.graph.mode).toBe('graph');
    expect(config.devSignIn).toBe(false);
    expect(createCalendar(config, () => new Date())).toBeInstanceOf(GraphCalendar);
  });

  it("sends the demo series and a coordinator's new series through Graph, with the Teams link", async () => {
    const api = await signIn(app, 'rosalind.marsh@riverside-partnership.example');
    const areas = (await (await api('/api/areas')).json()) as { id: string; name: string }[];
    const eastmere = areas.find((a) => a.name === 'Eastmere')!;
    const response = await api(`/api/areas/${eastmere.id}/series`, {
      method: 'POST',
      body: JSON.stringify({ firstDate: '2026-12-01', until: '2027-06-30' }),
    });
    expect(response.status).toBe(201);
    const area = (await response.json()) as { series: { calendarStatus: string; joinUrl: string } };
    expect(area.series.calendarStatus).toBe('sent');
    expect(area.series.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    const creates = fake.graphRequests.filter(
      (r) => r.method === 'POST' && r.rawPath.endsWith('/events'),
    );
    expect(creates.map((r) => (r.body as { subject: string }).subject)).toEqual([
      'MARAC - Northbrook and Wellfield',
      'MARAC - Eastmere',
    ]);
    expect(creates[1]!.body).toMatchObject({
      sensitivity: 'private',
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      recurrence: {
        pattern: { type: 'relativeMonthly', index: 'second', daysOfWeek: ['thursday'] },
      },
    });
    expect(fake.tokenRequests.length).toBeGreaterThanOrEqual(1);
  });
});
