/**
 * Idempotency keys of create requests, and the tally of refused requests.
 *
 * A key belongs to one caller and one route: the same key from the same person on the same route
 * within 24 hours gets the first answer again. While the first request runs, its row has no
 * status; a request that fails deletes its row, so it can be retried with the same key. The
 * answer is kept encrypted: it can name professionals (a series' attendees).
 *
 * Refused requests (401, 403, 404, 429) are audited once per caller, action and minute; this
 * table counts the rest, so a caller cannot grow the hash-chained log without bound.
 */
export const idempotency = `
CREATE TABLE idempotency_key (
  caller_id uuid NOT NULL,
  route text NOT NULL,
  key text NOT NULL,
  id uuid NOT NULL UNIQUE,
  request_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  reserved_at timestamptz NOT NULL,
  status integer,
  response text, -- ciphertext
  PRIMARY KEY (caller_id, route, key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);

CREATE TABLE refused_request (
  caller text NOT NULL,
  action text NOT NULL,
  minute timestamptz NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (caller, action, minute)
);
`;
