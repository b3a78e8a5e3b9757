/**
 * Rate limits as Teams states them: at most `max` operations in any `seconds` (a sliding window),
 * several windows at once (7 a second and 8 in 2 seconds and 60 in 30 and 1800 an hour). A
 * refused operation takes no place in any window.
 */
export interface Window {
  seconds: number;
  max: number;
}

export class SlidingWindows {
  /** When each admitted operation happened, oldest first, in milliseconds. */
  private readonly times: number[] = [];
  private readonly longestMs: number;

  constructor(private readonly windows: readonly Window[]) {
    this.longestMs = Math.max(0, ...windows.map((w) => w.seconds * 1000));
  }

  /** Milliseconds until one more operation fits every window: 0 when it fits now. */
  wait(now: number): number {
    while (this.times.length && this.times[0]! <= now - this.longestMs) this.times.shift();
    let waitMs = 0;
    for (const w of this.windows) {
      const span = w.seconds * 1000;
      const inWindow = this.times.filter((t) => t > now - span);
      if (inWindow.length < w.max) continue;
      // Room comes when enough of the oldest in the window have left it.
      const freeing = inWindow[inWindow.length - w.max]!;
      waitMs = Math.max(waitMs, freeing + span - now);
    }
    return waitMs;
  }

  /** Records an admitted operation at `now` (after `wait(now)` said 0). */
  take(now: number): void {
    this.times.push(now);
  }
}

/** The windows of one key (a conversation, a tenant), made on first use. */
export function lane(
  lanes: Map<string, SlidingWindows>,
  key: string,
  windows: readonly Window[],
): SlidingWindows {
  let found = lanes.get(key);
  if (!found) lanes.set(key, (found = new SlidingWindows(windows)));
  return found;
}
