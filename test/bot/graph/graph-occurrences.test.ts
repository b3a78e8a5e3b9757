import { GraphCalendar } from '../../../bot/src/graph/graph-calendar.js';
import { GraphClient } from '../../../bot/src/graph/graph-client.js';
import { GraphError } from '../../../bot/src/graph/graph-error.js';
import { FakeGraph } from '../../support/fake-graph.js';
import { eventsPath, london, occurrence, seriesSpec } from './series-fixtures.js';

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

describe('GraphCalendar occurrences', () => {
  it('moves an occurrence: finds it in the London day (BST) and patches its start and end', async () => {
    fake.setInstances('evt-series', [occurrence('occ-0330', '2026-03-30T09:00:00')]);
    const change = {
      kind: 'moved',
      originalDate: '2026-03-30',
      newDate: '2026-04-01',
      startTime: '14:00',
    } as const;

    await calendar.moveOccurrence('evt-series', seriesSpec(), change);

    const [lookup, patch] = fake.graphRequests;
    expect(lookup).toMatchObject({ method: 'GET', rawPath: `${eventsPath}/evt-series/instances` });
    expect(lookup!.query).toEqual({
      startDateTime: '2026-03-29T23:00:00Z',
      endDateTime: '2026-04-01T23:00:00Z',
      $select: 'id,type,originalStart,start',
    });
    expect(patch).toMatchObject({ method: 'PATCH', rawPath: `${eventsPath}/occ-0330` });
    expect(patch!.body).toEqual({
      start: london('2026-04-01T14:00:00'),
      end: london('2026-04-01T17:00:00'),
    });
    expect(fake.graphRequests).toHaveLength(2);
  });

  it('cancels an occurrence with the generic comment it is given (GMT day window)', async () => {
    fake.setInstances('evt-series', [occurrence('occ-0316', '2026-03-16T10:00:00')]);

    await calendar.cancelOccurrence(
      'evt-series',
      seriesSpec(),
      { kind: 'cancelled', originalDate: '2026-03-16' },
      'This meeting is cancelled.',
    );

    const [lookup, cancel] = fake.graphRequests;
    expect(lookup!.query).toMatchObject({
      startDateTime: '2026-03-16T00:00:00Z',
      endDateTime: '2026-03-17T00:00:00Z',
    });
    expect(cancel).toMatchObject({
      method: 'POST',
      rawPath: `${eventsPath}/occ-0316/cancel`,
      body: { comment: 'This meeting is cancelled.' },
    });
  });

  it('treats an occurrence Graph no longer lists as already cancelled', async () => {
    await calendar.cancelOccurrence(
      'evt-series',
      seriesSpec(),
      { kind: 'cancelled', originalDate: '2026-03-16' },
      'Cancelled.',
    );

    expect(fake.graphRequests.map((r) => r.method)).toEqual(['GET']);
  });

  it('refuses to move an occurrence it cannot find', async () => {
    const change = {
      kind: 'moved',
      originalDate: '2026-03-16',
      newDate: '2026-03-17',
      startTime: '10:00',
    } as const;

    const error = await calendar
      .moveOccurrence('evt-series', seriesSpec(), change)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 404, code: 'OccurrenceNotFound' });
  });

  it('encodes event ids in the path', async () => {
    fake.setInstances('AAMk/x+y=', [occurrence('AAMk/occ=', '2026-03-16T10:00:00')]);

    await calendar.cancelOccurrence(
      'AAMk/x+y=',
      seriesSpec(),
      { kind: 'cancelled', originalDate: '2026-03-16' },
      'Cancelled.',
    );

    expect(fake.graphRequests.map((r) => r.rawPath)).toEqual([
      `${eventsPath}/AAMk%2Fx%2By%3D/instances`,
      `${eventsPath}/AAMk%2Focc%3D/cancel`,
    ]);
  });
});
