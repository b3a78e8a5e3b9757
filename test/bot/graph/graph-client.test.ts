import { GraphCalendar } from '../../../bot/src/graph/graph-calendar.js';
import {
  GraphClient,
  graphPath,
  type GraphClientOptions,
} from '../../../bot/src/graph/graph-client.js';
import { GraphError } from '../../../bot/src/graph/graph-error.js';
import {
  parseRetryAfter,
  retryDelayMs,
  defaultRetryPolicy,
} from '../../../bot/src/graph/retry-policy.js';
import { FakeGraph } from '../../support/fake-graph.js';
import { seriesSpec } from './series-fixtures.js';

let fake: FakeGraph;

beforeEach(async () => {
  fake = await FakeGraph.start();
});

afterEach(async () => {
  await fake.stop();
});

function client(options: Partial<GraphClientOptions> = {}): GraphClient {
  return new GraphClient({
    tokens: { getToken: async () => fake.accessToken },
    baseUrl: fake.graphUrl,
    ...options,
  });
}

describe('GraphClient throttling', () => {
  it('waits out a 429 as long as Retry-After says, then succeeds on the second request', async () => {
    fake.throttleNext(1, 1);

    const created = await new GraphCalendar(client()).createSeries(seriesSpec());

    expect(created.calendarRef).toBe('evt-1');
    const [first, second] = fake.graphRequests;
    expect(fake.graphRequests).toHaveLength(2);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
    // The retried create is the same request, transactionId included.
    expect(second!.body).toEqual(first!.body);
  });

  it('gives up after four attempts under persistent throttling, with a coded error', async () => {
    fake.throttleNext(10, 1);

    const error = await new GraphCalendar(client())
      .createSeries(seriesSpec())
      .catch((e: unknown) => e);

    expect(fake.graphRequests).toHaveLength(4);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({
      status: 429,
      code: 'TooManyRequests',
      retryAfterSeconds: 1,
      requestId: 'fake-request-id',
    });
    const message = (error as Error).message;
    expect(message).toBe(
      `Microsoft Graph answered 429 (TooManyRequests) to POST /users/marac.northshire%40example.gov.uk/events`,
    );
    expect(message).not.toMatch(/Alex|example\.org|Northshire/);
  });

  it('hands a Retry-After beyond the cap straight back to the caller instead of waiting', async () => {
    fake.throttleNext(1, 120);

    const error = await client()
      .request({ method: 'GET', path: '/users/x/events' })
      .catch((e: unknown) => e);

    expect(fake.graphRequests).toHaveLength(1);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 120 });
  });

  it('retries a 503 on an idempotent PATCH but not on a plain POST', async () => {
    fake.failNext(503, 'ServiceUnavailable', 1);
    await client().request({
      method: 'PATCH',
      path: '/users/x/events/e1',
      body: { subject: 'MARAC - Northshire' },
    });
    expect(fake.graphRequests).toHaveLength(2);

    fake.failNext(503, 'ServiceUnavailable', 1);
    const error = await client()
      .request({ method: 'POST', path: '/users/x/events/e1/cancel', body: {} })
      .catch((e: unknown) => e);
    expect(fake.graphRequests).toHaveLength(3);
    expect(error).toMatchObject({ status: 503, code: 'ServiceUnavailable', transient: true });
  });

  it('does not retry a Graph error that will fail the same way again', async () => {
    fake.failNext(404, 'ErrorItemNotFound');

    const error = await client()
      .request({ method: 'GET', path: '/users/x/events/e1' })
      .catch((e: unknown) => e);

    expect(fake.graphRequests).toHaveLength(1);
    expect(error).toMatchObject({
      name: 'GraphError',
      status: 404,
      code: 'ErrorItemNotFound',
      transient: false,
    });
  });

  it('reports a refused connection as a NetworkError with status 0', async () => {
    const url = fake.graphUrl;
    await fake.stop();
    const offline = new GraphClient({
      tokens: { getToken: async () => 't' },
      baseUrl: url,
      retry: { maxAttempts: 1 },
    });

    const error = await offline
      .request({ method: 'GET', path: '/users/x/events' })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 0, code: 'NetworkError' });
    fake = await FakeGraph.start();
  });
});

describe('GraphClient concurrency', () => {
  it('keeps at most four requests in flight per mailbox', async () => {
    fake.responseDelayMs = 150;
    const graph = client();
    const patch = (mailbox: string, i: number) =>
      graph.request({
        method: 'PATCH',
        path: graphPath`/users/${mailbox}/events/${`e${i}`}`,
        body: {},
      });

    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => patch('marac.northshire@example.gov.uk', i)),
      ...Array.from({ length: 2 }, (_, i) => patch('marac.southshire@example.gov.uk', i)),
    ]);

    expect(fake.graphRequests).toHaveLength(12);
    expect(fake.maxInFlight.get('marac.northshire@example.gov.uk')).toBe(4);
    expect(fake.maxInFlight.get('marac.southshire@example.gov.uk')).toBe(2);
  });
});

describe('GraphClient pacing', () => {
  it('paces each mailbox to its rate before sending, so Graph has no reason to answer 429', async () => {
    // The clock moves only when the client sleeps: the waits it chose are the whole story.
    let now = 0;
    const waits: number[] = [];
    const graph = client({
      mailboxRate: { perSecond: 2, burst: 1 },
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });
    const patch = (mailbox: string) =>
      graph.request({ method: 'PATCH', path: graphPath`/users/${mailbox}/events/e1`, body: {} });

    for (let i = 0; i < 3; i += 1) await patch('marac.northshire@example.gov.uk');
    expect(waits).toEqual([500, 500]);
    await patch('marac.southshire@example.gov.uk'); // another mailbox has its own allowance
    // Not a mailbox: not paced (the fake answers 404; only the waits matter here).
    await graph.request({ method: 'GET', path: '/subscriptions' }).catch(() => undefined);
    expect(waits).toEqual([500, 500]);
    expect(fake.graphRequests).toHaveLength(5);
  });

  it('paces a retry after 429 like any other request', async () => {
    fake.throttleNext(1, 0);
    let now = 0;
    const waits: number[] = [];
    const graph = client({
      mailboxRate: { perSecond: 4, burst: 1 },
      retry: { jitterMs: 0 },
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });
    await graph.request({ method: 'PATCH', path: '/users/m%40example.org/events/e1', body: {} });
    // Retry-After 0: no wait for Graph, but the retry still waits for its token.
    expect(waits).toEqual([0, 250]);
    expect(fake.graphRequests).toHaveLength(2);
  });
});

describe('retry policy', () => {
  it.each([
    ['2', 2],
    ['0', 0],
    ['', undefined],
    ['soon', undefined],
    ['Wed, 01 Jan 2031 00:00:30 GMT', 30],
  ])('reads Retry-After %j as %j seconds', (header, seconds) => {
    expect(parseRetryAfter(header, Date.parse('2031-01-01T00:00:00Z'))).toBe(seconds);
  });

  it('backs off 1, 2, 4 s without Retry-After, adds jitter, and stops at the attempt cap', () => {
    const noJitter = () => 0;
    expect([1, 2, 3].map((n) => retryDelayMs(defaultRetryPolicy, n, undefined, noJitter))).toEqual([
      1000, 2000, 4000,
    ]);
    expect(retryDelayMs(defaultRetryPolicy, 4, 1, noJitter)).toBeUndefined();
    expect(retryDelayMs(defaultRetryPolicy, 1, 1, () => 0.999)).toBe(1249);
  });
});
