import type { Logger } from 'pino';

export interface DrainLoop {
  /** Starts a drain, or asks the running one to look again; resolves when there is nothing due. */
  drain(): Promise<void>;
  /** Stops polling and waits for the drain under way. */
  stop(): Promise<void>;
}

/**
 * What every worker shares: one drain at a time, another pass when work arrived during one, a
 * poll for work that became due (a retry's wait ran out), and a stop that lets the drain finish.
 * `drainOnce` is handed `stopped` so that it can end between items.
 */
export function startDrainLoop(options: {
  drainOnce: (stopped: () => boolean) => Promise<void>;
  log: Logger;
  /** Said in the log when a drain fails as a whole. */
  name: string;
  pollMs?: number;
}): DrainLoop {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  function drain(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await options.drainOnce(() => stopped);
      } while (again && !stopped);
    })()
      .catch((error: unknown) =>
        options.log.error(
          { code: (error as Error | null)?.name ?? 'UNKNOWN' },
          `${options.name} drain failed`,
        ),
      )
      .finally(() => {
        running = null;
      });
    return running;
  }

  const timer = setInterval(() => void drain(), options.pollMs ?? 5000);
  timer.unref();
  return {
    drain,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
