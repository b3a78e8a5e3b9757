import { randomBytes } from 'node:crypto';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { listenOnPostgres } from '../../../bot/src/db/pg-listener.js';

const url = process.env.DATABASE_URL;
const onServer = url ? describe : describe.skip;

async function waitFor(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A TCP relay to the server whose open connections can be made to go silent, as a cut one does. */
async function relayTo(target: URL) {
  const pairs: [net.Socket, net.Socket][] = [];
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop);
    upstream.on('error', drop);
    pairs.push([client, upstream]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    silence() {
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    async close() {
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

onServer('the PostgreSQL listener', () => {
  it('drops a connection that stops answering, and listens again on a new one', async () => {
    const target = new URL(url!);
    const relay = await relayTo(target);
    const through = new URL(url!);
    through.hostname = '127.0.0.1';
    through.port = String(relay.port);
    const channel = `marac_live_test_${randomBytes(4).toString('hex')}`;
    const heard: string[] = [];
    let connects = 0;
    const listening = await listenOnPostgres({
      clientConfig: { connectionString: through.toString() },
      channel,
      handlers: { onNotify: (payload) => heard.push(payload), onConnect: () => (connects += 1) },
      pingMs: 100,
      pingTimeoutMs: 200,
      minDelayMs: 20,
    });
    const direct = new pg.Client({ connectionString: url });
    await direct.connect();
    try {
      expect(connects).toBe(1);
      const first = listening.backendPid();
      relay.silence();
      await waitFor(() => connects === 2, 'the new connection');
      expect(listening.backendPid()).not.toBe(first);
      await direct.query('SELECT pg_notify($1, $2)', [channel, 'after']);
      await waitFor(() => heard.length === 1, 'the notification');
      expect(heard).toEqual(['after']);
    } finally {
      await listening.close();
      await direct.end();
      await relay.close();
    }
  });
});
