import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { getFreshToken, getToken } from '../auth/token.js';

/** One change to a meeting, by ids only: the view is read again through the API to show it. */
export interface MeetingLiveEvent {
  seq: number;
  kind: string;
  ids: Record<string, string>;
}

export type LiveStatus = 'live' | 'reconnecting';

export interface FollowOptions {
  /** The `seq` of the meeting view the page shows: events after it follow. */
  after: number;
  onEvent(event: MeetingLiveEvent): void;
  /** What was missed cannot be replayed: read the whole view again. */
  onReset(): void;
  onStatus(status: LiveStatus): void;
}

/** What following needs from outside; the tab's own by default, a test's own in tests. */
export interface FollowDeps {
  fetch: typeof fetch;
  getToken(): Promise<string | null>;
  getFreshToken(refused?: string): Promise<string | null>;
  /** The first wait before reconnecting, until the server says otherwise (`retry:`). */
  firstDelayMs?: number;
  /** The longest wait between attempts, however many have failed. */
  maxDelayMs?: number;
  random?: () => number;
}

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

export const meetingEventsPath = (meetingId: string) =>
  `/api/meetings/${encodeURIComponent(meetingId)}/run/events`;

/**
 * Follows a meeting's live events until the returned function is called. A native EventSource
 * cannot send the bearer token, so the stream is read with fetch and parsed here: each event is
 * handed on once, in order; a dropped connection is made again (with a token asked for afresh,
 * `Last-Event-ID` saying where it left off, and a wait that grows while attempts fail), and the
 * server replays what was missed or sends a reset.
 */
export function followMeeting(meetingId: string, options: FollowOptions): () => void {
  return followMeetingWith(
    { fetch: (input, init) => fetch(input, init), getToken, getFreshToken },
    meetingId,
    options,
  );
}

export function followMeetingWith(
  deps: FollowDeps,
  meetingId: string,
  options: FollowOptions,
): () => void {
  const random = deps.random ?? Math.random;
  const maxDelay = deps.maxDelayMs ?? MAX_DELAY_MS;
  let baseDelay = deps.firstDelayMs ?? FIRST_DELAY_MS;
  let last = options.after;
  let stopped = false;
  let status: LiveStatus | null = null;
  let failures = 0;
  let abort: AbortController | null = null;
  let wake: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const tell = (next: LiveStatus) => {
    if (stopped || status === next) return;
    status = next;
    options.onStatus(next);
  };

  const handle = (message: EventSourceMessage) => {
    if (stopped) return;
    if (message.event === 'reset') {
      const seq = Number(message.id);
      if (Number.isSafeInteger(seq)) last = seq;
      options.onReset();
      return;
    }
    const event = readEvent(message);
    if (!event || event.seq <= last) return; // a repeat after a reconnect, or not ours
    last = event.seq;
    options.onEvent(event);
  };

  const open = (token: string | null, signal: AbortSignal) =>
    deps.fetch(meetingEventsPath(meetingId), {
      headers: {
        Accept: 'text/event-stream',
        'Last-Event-ID': String(last),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      cache: 'no-store',
      credentials: 'same-origin',
      signal,
    });

  /** One connection, from opening to its end; resolves with the wait the server asked for. */
  const connectOnce = async (): Promise<number> => {
    abort = new AbortController();
    const { signal } = abort;
    const token = await deps.getToken();
    let response = await open(token, signal);
    if (response.status === 401) {
      await response.body?.cancel();
      response = await open(await deps.getFreshToken(token ?? undefined), signal);
    }
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || !response.body || !type.startsWith('text/event-stream')) {
      await response.body?.cancel();
      return retryAfterMs(response);
    }
    failures = 0;
    tell('live');
    const parser = createParser({
      onEvent: handle,
      onRetry: (ms) => (baseDelay = Math.max(100, ms)),
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done || stopped) return 0;
      parser.feed(value);
    }
  };

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });

  const run = async () => {
    while (!stopped) {
      let asked = 0;
      try {
        asked = await connectOnce();
      } catch {
        // The network, a token the host would not give, or our own stop: tried again below.
      }
      if (stopped) return;
      tell('reconnecting');
      failures += 1;
      const backoff = Math.min(maxDelay, baseDelay * 2 ** Math.min(failures - 1, 10));
      // Half to all of the backoff, so that fifty followers of a restarted server spread out.
      await pause(Math.max(asked, backoff * (0.5 + random() / 2)));
    }
  };

  void run();
  return () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    wake?.();
    abort?.abort();
  };
}

/** An event as the server writes it (`id` its seq, `event` its kind, `data` JSON with `ids`). */
function readEvent(message: EventSourceMessage): MeetingLiveEvent | null {
  const seq = Number(message.id);
  if (!message.event || !Number.isSafeInteger(seq)) return null;
  try {
    const data = JSON.parse(message.data) as { ids?: unknown };
    const ids = data.ids;
    if (!ids || typeof ids !== 'object') return null;
    const entries = Object.entries(ids as Record<string, unknown>);
    if (!entries.every(([, value]) => typeof value === 'string')) return null;
    return { seq, kind: message.event, ids: Object.fromEntries(entries) as Record<string, string> };
  } catch {
    return null;
  }
}

/** A 429 or 503's `Retry-After` in ms (seconds only, as our server sends); 0 otherwise. */
function retryAfterMs(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 300) * 1_000 : 0;
}
