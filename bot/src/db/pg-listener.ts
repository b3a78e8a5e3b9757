import pg from 'pg';
import type { Listening, NotificationHandlers } from './db.js';

export interface ListenerOptions {
  clientConfig: pg.ClientConfig;
  channel: string;
  handlers: NotificationHandlers;
  /** First wait before reconnecting; doubled after each failure up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** How often the connection is asked `SELECT 1`; no answer within `pingTimeoutMs` drops it. */
  pingMs?: number;
  pingTimeoutMs?: number;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * One dedicated connection per app instance that LISTENs (a pooled one would be handed to other
 * work and lose the LISTEN). When it drops (the server restarts, a failover, an idle timeout in
 * between) it is made again with backoff, and `onConnect` tells the listener to read back what
 * was committed meanwhile. Resolves once the first attempt has ended, connected or not: a
 * server that is down at start is retried in the background like a dropped connection.
 */
export async function listenOnPostgres(options: ListenerOptions): Promise<Listening> {
  const { channel, handlers } = options;
  const minDelay = options.minDelayMs ?? 100;
  const maxDelay = options.maxDelayMs ?? 5_000;
  let client: pg.Client | null = null;
  let pid: number | null = null;
  let closed = false;
  let delay = minDelay;
  let timer: NodeJS.Timeout | undefined;
  // A connection cut without a word (a failover, a NAT forgetting it) raises no error for a
  // client that only listens, and would hear nothing for ever: it is asked something regularly.
  const ping = setInterval(() => {
    const c = client;
    if (!c) return;
    let timeout: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timeout = setTimeout(() => reject(new Error('no answer')), options.pingTimeoutMs ?? 5_000);
    });
    Promise.race([c.query('SELECT 1'), late])
      .catch(() => lost(c))
      .finally(() => clearTimeout(timeout));
  }, options.pingMs ?? 30_000);
  ping.unref();

  const retry = () => {
    if (closed) return;
    timer = setTimeout(() => void connect(), delay);
    delay = Math.min(delay * 2, maxDelay);
  };
  const lost = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    pid = null;
    c.end().catch(() => undefined);
    retry();
  };
  const connect = async () => {
    if (closed) return;
    const c = new pg.Client({
      connectionTimeoutMillis: 10_000,
      keepAlive: true,
      ...options.clientConfig,
    });
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    c.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) {
        handlers.onNotify(message.payload);
      }
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${quoteIdent(channel)}`);
      const result = await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      if (closed) {
        await c.end();
        return;
      }
      client = c;
      pid = result.rows[0]?.pid ?? null;
      delay = minDelay;
      handlers.onConnect();
    } catch {
      c.end().catch(() => undefined);
      retry();
    }
  };

  await connect();
  return {
    backendPid: () => pid,
    async close() {
      closed = true;
      clearTimeout(timer);
      clearInterval(ping);
      const c = client;
      client = null;
      // A connection that went silent may never answer the goodbye: stop waiting after a second.
      let wait: NodeJS.Timeout | undefined;
      await Promise.race([
        c?.end().catch(() => undefined),
        new Promise((resolve) => (wait = setTimeout(resolve, 1_000))),
      ]);
      clearTimeout(wait);
    },
  };
}
