import express from 'express';
import { keptAnswer, keptJson } from '../../../bot/src/http/route.js';

/** The ETag Express itself gives a JSON text it is sent as it is. */
async function expressEtag(text: string): Promise<string | null> {
  const app = express();
  app.get('/', (_req, res) => void res.type('application/json').send(text));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as { port: number };
    return (await fetch(`http://127.0.0.1:${port}/`)).headers.get('etag');
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

it('serialises a kept answer once, and leaves every other answer to Express', async () => {
  let serialised = 0;
  const view = keptAnswer({
    seq: 7,
    cases: [{ reference: 'MARAC-0001' }],
    toJSON() {
      serialised += 1;
      return { seq: this.seq, cases: this.cases };
    },
  });
  expect(Object.isFrozen(view)).toBe(true);
  const text = '{"seq":7,"cases":[{"reference":"MARAC-0001"}]}';
  const first = keptJson(view)!;
  expect(first.body.toString('utf8')).toBe(text);
  // The ETag Express itself would give that body, so a client's If-None-Match works as before.
  expect(first.etag).toBe(await expressEtag(text));
  expect(keptJson(view)).toBe(first);
  expect(serialised).toBe(1);
  expect(keptJson({ seq: 7 })).toBeUndefined();
  expect(keptJson(null)).toBeUndefined();
  expect(keptJson('text')).toBeUndefined();
});
