import pg from 'pg';
import type { Listening, NotificationHandlers } from './db.js';

export interface ListenerOptions {
  clientConfig: pg.ClientConfig;
  channel: string;
  handlers: NotificationHandlers;
  /** First wait before reconnecting; doubled after each failure up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
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
    const c = new pg.Client(options.clientConfig);
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
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
