import express from 'express';
import pino from 'pino';
import { z } from 'zod';
import { mountRoutes } from '../../../bot/src/http/mount-routes.js';
import { createRateLimiter } from '../../../bot/src/http/rate-limit.js';
import { keptAnswer, route, type RouteDef } from '../../../bot/src/http/route.js';
import type { IdempotencyStore } from '../../../bot/src/store/sql-idempotency.js';

const answer = (name: string) =>
  route({
    method: 'get',
    path: name === 'view' ? '/meetings/{meetingId}/run' : '/meetings/{meetingId}/{part}',
    summary: name,
    tag: 'meeting',
    policy: { kind: 'public' },
    params: z.object({}).passthrough(),
    response: z.object({ by: z.string() }),
    // The meeting view's answer is kept (serialised once); any other is sent as Express sends it.
    handle: async () => (name === 'view' ? keptAnswer({ by: name }) : { by: name }),
  });

const mount = (routes: RouteDef[]) =>
  mountRoutes({
    routes,
    limiter: createRateLimiter({ capacity: 100, perMinute: 100 }),
    auditDenied: async () => undefined,
    authenticate: async () => null,
    idempotency: {} as IdempotencyStore,
    log: pino({ enabled: false }),
  });

it('refuses a hot route whose path another route of its method could also match', () => {
  expect(() => mount([answer('any part'), { ...answer('view'), hot: true }])).toThrow(
    'hot route get /meetings/{meetingId}/run would shadow /meetings/{meetingId}/{part}',
  );
});

it('answers the hot route, and every other route as before', async () => {
  const view = { ...answer('view'), hot: true as const };
  const other = route({
    ...answer('other'),
    path: '/meetings/run/mine',
  });
  const app = express().use(mount([other, view]));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as { port: number };
    const get = async (path: string) => {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      return { type: response.headers.get('content-type'), body: await response.json() };
    };
    const view = await get('/meetings/6a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d/run');
    const other = await get('/meetings/run/mine');
    expect(view.body).toEqual({ by: 'view' });
    expect(other.body).toEqual({ by: 'other' });
    // A kept answer goes out with the same Content-Type as any other.
    expect(view.type).toBe('application/json; charset=utf-8');
    expect(other.type).toBe(view.type);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
