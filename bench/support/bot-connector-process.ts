import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ConnectorActivity, ConnectorStats } from '../../test/support/fake-bot-connector.js';

export interface BotConnectorProcess {
  serviceUrl: string;
  stats(): Promise<ConnectorStats>;
  /** Every activity it accepted, with its arrival time (wall clock, ms). */
  activities(): Promise<ConnectorActivity[]>;
  stop(): Promise<void>;
}

const main = fileURLToPath(new URL('./bot-connector-main.ts', import.meta.url));

/** Starts the loopback Bot Connector in a child process and waits until it listens. */
export async function startBotConnectorProcess(): Promise<BotConnectorProcess> {
  const child = fork(main, [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const serviceUrl = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { serviceUrl: string }).serviceUrl));
    child.once('exit', (code) =>
      reject(new Error(`the loopback Bot Connector exited with ${code}`)),
    );
  });
  const waiting = new Map<number, (result: unknown) => void>();
  child.on('message', (m) => {
    const { id, result } = m as { id?: number; result?: unknown };
    if (id !== undefined) waiting.get(id)?.(result);
    if (id !== undefined) waiting.delete(id);
  });
  let nextId = 1;
  const ask = <T>(what: 'stats' | 'activities') =>
    new Promise<T>((resolve) => {
      const id = nextId++;
      waiting.set(id, (result) => resolve(result as T));
      child.send({ id, ask: what });
    });
  return {
    serviceUrl,
    stats: () => ask<ConnectorStats>('stats'),
    activities: () => ask<ConnectorActivity[]>('activities'),
    async stop() {
      child.disconnect();
      await exited;
    },
  };
}
