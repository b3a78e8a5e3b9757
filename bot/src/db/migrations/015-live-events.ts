/**
 * Live events (issue #10): each event a meeting's viewers follow, written in the transaction of
 * the change it announces, so that a client reconnecting with `Last-Event-ID` reads what it missed.
 * Ids and a kind only, never personal data. `seq` is one identity for all topics; within a topic
 * it rises in commit order (the publisher holds a per-topic advisory lock until commit). Rows
 * older than a day are pruned hourly: catch-up is for a dropped connection, not history.
 */
export const liveEvents = `
CREATE TABLE live_event (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  topic text NOT NULL,
  kind text NOT NULL,
  ids jsonb NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX live_event_topic_seq ON live_event (topic, seq);
CREATE INDEX live_event_at ON live_event (at);
`;
