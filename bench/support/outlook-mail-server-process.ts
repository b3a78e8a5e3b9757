import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { OutlookLimits, OutlookStats } from './outlook-mail-server.js';

export interface OutlookMailServerProcess {
  graphUrl: string;
  stats(): Promise<OutlookStats>;
  /** The MIME text received under a Message-ID. */
  message(messageId: string): Promise<string>;
  stop(): Promise<void>;
}

const main = fileURLToPath(new URL('./outlook-mail-server-main.ts', import.meta.url));

/** Starts the loopback Outlook mail server in a child process and waits until it listens. */
export async function startOutlookMailServerProcess(
  limits: OutlookLimits,
): Promise<OutlookMailServerProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      main,
      ...['--latency-ms', String(limits.latencyMs), '--rate', String(limits.ratePerSecond)],
      ...['--burst', String(limits.burst), '--concurrency', String(limits.concurrency)],
      ...['--token', limits.accessToken],
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      lines.close();
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`the loopback Graph exited with ${code}`)));
  });
  const { graphUrl } = JSON.parse(firstLine) as { graphUrl: string };
  const origin = new URL(graphUrl).origin;
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${origin}${path}`);
    if (!response.ok) throw new Error(`the loopback Graph answered ${response.status} to ${path}`);
    return (await response.json()) as T;
  };
  return {
    graphUrl,
    stats: () => get<OutlookStats>('/_bench/stats'),
    message: async (id) =>
      (await get<{ mime: string }>(`/_bench/message?id=${encodeURIComponent(id)}`)).mime,
    async stop() {
      child.stdin!.end();
      await exited;
    },
  };
}
