import { readdirSync } from 'node:fs';
import path from 'node:path';
import { GraphCalendar } from '../../../bot/src/graph/graph-calendar.js';
import { graphClientFor } from '../../support/graph-against-fake.js';
import { FakeGraph } from '../../support/fake-graph.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';
import { readCalendar } from '../ics/ics-reader.js';

const now = () => new Date('2026-12-01T09:00:00Z');
const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';
const CORE = 'dana.whitcombe@police.example';
const DEPUTY = 'idris.penhallow@police.example';
const CHAIR = 'inspector.amos.kettering@police.example';
const IDVA = 'lowri.blackwood@idva.example';
const OBSERVER = 'ottilie.sandberg@riverside-partnership.example';

/** Creates Eastmere's series as its coordinator; returns the area's id and protocol. */
async function eastmereSeries(app: TestApp) {
  const api = await signIn(app, COORDINATOR);
  const areas = (await (await api('/api/areas')).json()) as {
    id: string;
    name: string;
    protocol: Record<string, unknown>;
  }[];
  const eastmere = areas.find((a) => a.name === 'Eastmere')!;
  const created = await api(`/api/areas/${eastmere.id}/series`, {
    method: 'POST',
    body: JSON.stringify({ firstDate: '2026-12-01', until: '2027-06-30' }),
  });
  expect(created.status).toBe(201);
  const area = (await created.json()) as { series: { id: string; attendees: { email: string }[] } };
  return { api, eastmere, series: area.series };
}

describe('series invitations in local mode (.ics)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ now });
  }, 180_000);
  afterAll(() => app.stop());

  const attendeesOf = async (file: string) => {
    const calendar = await readCalendar(path.join(app.dataDir, 'outbox', 'calendar'), file);
    return calendar.vevents[0]!.getAllProperties('attendee').map((p) =>
      String(p.getFirstValue()).replace(/^mailto:/i, ''),
    );
  };

  it('go to core reps and deputies, the chair and the IDVA service; a protocol setting leaves deputies out', async () => {
    const { api, eastmere, series } = await eastmereSeries(app);
    const dir = path.join(app.dataDir, 'outbox', 'calendar');
    const first = readdirSync(dir).find((f) => f.startsWith(`series-${series.id}-`))!;
    const invited = await attendeesOf(first);
    expect(invited).toEqual(expect.arrayContaining([CORE, DEPUTY, CHAIR, IDVA]));
    expect(invited).not.toContain(OBSERVER);
    expect(invited).toHaveLength(12 * 2 + 2);
    expect(series.attendees.map((a) => a.email).sort()).toEqual([...invited].sort());

    const put = await api(`/api/areas/${eastmere.id}/protocol`, {
      method: 'PUT',
      body: JSON.stringify({ ...eastmere.protocol, inviteDeputies: false }),
    });
    expect(put.status).toBe(200);
    await app.services.drainOutbox();
    const files = readdirSync(dir)
      .filter((f) => f.startsWith(`series-${series.id}-`))
      .sort();
    expect(files.length).toBe(2);
    const updated = await attendeesOf(files.find((f) => f !== first)!);
    expect(updated).toEqual(expect.arrayContaining([CORE, CHAIR, IDVA]));
    expect(updated).not.toContain(DEPUTY);
    expect(updated).toHaveLength(12 + 2);
  });
});

describe('series invitations in graph mode', () => {
  let fake: FakeGraph;
  let app: TestApp;
  beforeAll(async () => {
    fake = await FakeGraph.start();
    const calendar = new GraphCalendar(graphClientFor(fake));
    app = await startApp({ calendar, now });
  }, 180_000);
  afterAll(async () => {
    await app.stop();
    await fake.stop();
  });

  it("carry the same people in the Graph request's attendees", async () => {
    await eastmereSeries(app);
    const create = fake.graphRequests.find(
      (r) =>
        r.method === 'POST' &&
        r.rawPath.endsWith('/events') &&
        (r.body as { subject: string }).subject === 'MARAC - Eastmere',
    )!;
    const attendees = (create.body as { attendees: { emailAddress: { address: string } }[] })
      .attendees;
    const emails = attendees.map((a) => a.emailAddress.address);
    expect(emails).toEqual(expect.arrayContaining([CORE, DEPUTY, CHAIR, IDVA]));
    expect(emails).toHaveLength(12 * 2 + 2);
  });
});
