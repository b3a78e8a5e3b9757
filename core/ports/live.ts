/**
 * Live events: what lets every participant's view follow a meeting as it changes (issue #10).
 * An event names what changed by ids and a kind only, never personal data: its payload crosses
 * PostgreSQL's NOTIFY, which any session of the database can see, and it is kept for catch-up.
 */
export interface LiveEventInput {
  /** What happened, e.g. `case-opened`: lower-case words joined by `-` or `.`. */
  kind: string;
  /** The records it concerns, e.g. `{ meetingId, caseId }`: ids only. */
  ids: Record<string, string>;
}

export interface LiveEvent extends LiveEventInput {
  /** What it is about, e.g. `meeting:<uuid>`. */
  topic: string;
  /** Rises with each event of a topic, in the order they were committed (the SSE `id:`). */
  seq: number;
  at: Date;
}

/**
 * Inside a unit of work: the event is delivered if, and only if, the transaction commits.
 * Publish last in the use case: it holds the topic's lock until commit (the order of its seqs),
 * so other writers to the same meeting wait for the rest of the transaction.
 */
export interface LivePublisher {
  /** Returns the event's sequence number. */
  publish(topic: string, event: LiveEventInput): Promise<number>;
  /**
   * The last committed event's seq of a topic (0 when none). A view reads it BEFORE the rest
   * of its snapshot: anything committed after is numbered above it, so a follower misses nothing.
   */
  lastSeq(topic: string): Promise<number>;
}

export type LiveListener = (event: LiveEvent) => void;

export interface LiveSubscribeOptions {
  /**
   * Deliver every event after this sequence number first (a reconnecting client's
   * `Last-Event-ID`); without it, only events committed from now on.
   */
  after?: number;
}

/** Outside any transaction: follow a topic, or read what a client missed. */
export interface LiveEvents {
  /**
   * Each event of the topic reaches the listener once, in sequence order, also across a lost
   * database connection (the events committed meanwhile are read back). Returns unsubscribe.
   */
  subscribe(topic: string, listener: LiveListener, options?: LiveSubscribeOptions): () => void;
  eventsSince(topic: string, seq: number): Promise<LiveEvent[]>;
}

const TOPIC = /^[a-z][a-z-]{0,31}:[A-Za-z0-9-]{1,64}$/;
const KIND = /^[a-z][a-z0-9]*(?:[-.][a-z0-9]+){0,7}$/;
const ID_NAME = /^[a-z][A-Za-z0-9]{0,31}$/;
const ID_VALUE = /^[A-Za-z0-9:_-]{1,64}$/;
const MAX_IDS = 16;

/**
 * Refuses an event that could carry more than ids: no spaces, no free text, bounded sizes (a
 * NOTIFY payload must stay under 8,000 bytes). Throws, because a bad event is a programming error.
 */
export function checkLiveEvent(topic: string, event: LiveEventInput): void {
  if (!TOPIC.test(topic)) throw new Error('live event: the topic must be `<kind>:<id>`');
  if (!KIND.test(event.kind) || event.kind.length > 64) {
    throw new Error('live event: the kind must be lower-case words joined by - or .');
  }
  const entries = Object.entries(event.ids);
  if (entries.length > MAX_IDS) throw new Error(`live event: at most ${MAX_IDS} ids`);
  for (const [name, value] of entries) {
    if (!ID_NAME.test(name) || typeof value !== 'string' || !ID_VALUE.test(value)) {
      throw new Error('live event: ids are names to identifiers, nothing else');
    }
  }
}
